import { msg } from '../../lib/i18n.ts';
import {
  isMeasurement,
  qualityGate,
  type QualityIssue,
  type QualityThreshold,
} from '../../../../shared/quality-gate.ts';

/**
 * The installation report's rules that are the console's to know before sending (required values,
 * formats), and the live verdict of the quality gate — the server's own definition, imported, so
 * that the technician sees the verdict the server will give.
 */

/** A number as typed on a phone ("−21,5", "-21.5 ") as the API takes it ("-21.5"). */
export function normalizeDecimal(text: string): string {
  return text.trim().replace(/^[−–]/, '-').replace(',', '.');
}

/** A number as typed with its sign flipped, written as it was typed otherwise ("19,4" → "-19,4", "−19.4" → "19.4"). */
export function flipSign(text: string): string {
  const typed = text.trim();
  return /^[-−–]/.test(typed) ? typed.slice(1) : `-${typed}`;
}

/** The words a work item's designation may end with, in brackets, to name its unit: "(forfait)", "(m)". */
const unitWords: Record<string, readonly string[]> = {
  U: ['u', 'unité', 'unités'],
  M: ['m', 'ml', 'mètre', 'mètres'],
  FORFAIT: ['forfait', 'ff'],
};

/** Whether a work item's designation already names its unit ("Raccordement standard (forfait)"), which then goes unrepeated. */
export function namesUnit(designation: string, unit: string): boolean {
  const last = /\(([^)]*)\)\s*$/.exec(designation)?.[1]?.trim().toLowerCase();
  return last !== undefined && (unitWords[unit]?.includes(last) ?? false);
}

/** The verdict shown as the technician types: nothing yet, within the thresholds, or what is outside them. */
export type LiveVerdict =
  | { readonly state: 'incomplete' }
  | { readonly state: 'within' }
  | { readonly state: 'outside'; readonly issues: QualityIssue[] };

/**
 * The quality gate on what is typed so far: incomplete while the power (or a splice loss begun) is
 * not yet a number the gate can compare, else the gate's verdict against the class's thresholds.
 */
export function liveVerdict(
  networkClass: string,
  receivedPower: string,
  spliceLoss: string,
  threshold: QualityThreshold | null,
): LiveVerdict {
  const power = normalizeDecimal(receivedPower);
  const loss = normalizeDecimal(spliceLoss);
  if (!isMeasurement(power) || (loss !== '' && !isMeasurement(loss))) return { state: 'incomplete' };
  const issues = qualityGate(
    { networkClass, receivedPowerDbm: power, spliceLossDb: loss === '' ? null : loss },
    threshold,
  );
  return issues.length === 0 ? { state: 'within' } : { state: 'outside', issues };
}

/** Whether a measurement typed is one the API takes (up to 3 digits, 3 decimals). */
export function isMeasurementText(text: string): boolean {
  return isMeasurement(normalizeDecimal(text));
}

/** Units counted in whole numbers: a quantity of them has no decimals. */
const wholeUnits = new Set(['U', 'FORFAIT']);

/**
 * What is wrong with a quantity typed for an item in `unit`, as a French sentence for `t`, or null
 * when it is right: more than 0, up to 6 digits and 3 decimals, whole for `U` and `FORFAIT`.
 */
export function quantityProblem(text: string, unit: string): string | null {
  const quantity = normalizeDecimal(text);
  if (quantity === '') return msg('Indiquez la quantité.');
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(quantity)) return msg('Quantité : un nombre, par exemple 42,5.');
  if (Number(quantity) <= 0) return msg('La quantité doit être supérieure à 0.');
  if (wholeUnits.has(unit) && quantity.includes('.')) return msg('Cet article se compte en nombre entier.');
  return null;
}
