import { translate as t } from '../../lib/i18n.ts';
import { paymentMethodLabels } from './labels.ts';

/** What names an invoice line in a sentence: the order number of the work it bills, its code and designation. */
export interface LineRef {
  readonly id: string;
  readonly orderReference: string;
  readonly itemCode: string;
  readonly designation: string;
}

/**
 * An invoice line in words, as a person knows it: "CMD-16-2026-000123 DRP-AER Câble de branchement
 * aérien", the order number of its work (a work bills several lines), its code and designation.
 */
export function lineInWords(line: LineRef): string {
  return `${line.orderReference} ${line.itemCode} ${line.designation}`;
}

// The reasons the server writes itself (server/src/modules/invoice/): a payment, the month closing,
// settlement by credit, resubmission; and the rejected lines of a revision request, each named by its
// work's order number and its code, as the server's `lineInWords` (invoice.service.ts) writes it
// ("commande CMD-16-2026-000123, DRP-AER : …"), or by its id in the reasons written before ("ligne 12 : …").
const payment = /^paiement (BANK_TRANSFER|CCP_TRANSFER|CHEQUE) (.*)$/s;
const monthClosed = /^clôture du mois (\d{4}-\d{2})$/;
const settledByCredit = 'soldée par avoir : rien à payer';
const settledByCreditNote = /^soldée par l’avoir (\S+)$/;
const resubmittedWithCredit = /^avoir (\S+)$/;
const resubmittedAsIs = 'lignes maintenues';
const revisionPrefix = 'Révision demandée — ';
const lineMarker = /(?:commande ([^\s,]+), (\S+)|ligne (\d+)) : /g;

/**
 * "CMD-16-2026-000123 DRP-AER Câble de branchement aérien : trop long ; CMD-16-2026-000123 PTO Prise
 * terminale : absente", from the server's "commande CMD-16-2026-000123, DRP-AER : trop long ;
 * commande CMD-16-2026-000123, PTO : absente" (or "ligne 12 : trop long ; ligne 13 : absente") — or
 * null when the text is not such a list. Only the lines of `lines` start an entry, each once, and the
 * first at the start: a person's text that happens to name another line cannot add it.
 */
function rejectedLinesInWords(text: string, lines: readonly LineRef[]): string | null {
  const starts: { index: number; end: number; line: LineRef }[] = [];
  for (const match of text.matchAll(lineMarker)) {
    const line = lines.find((candidate) =>
      match[3] === undefined
        ? candidate.orderReference === match[1] && candidate.itemCode === match[2]
        : candidate.id === match[3],
    );
    if (!line || starts.some((start) => start.line === line)) continue;
    starts.push({ index: match.index, end: match.index + match[0].length, line });
  }
  if (starts[0]?.index !== 0) return null;
  return starts
    .map((start, position) => {
      const next = starts[position + 1];
      const why = text.slice(start.end, next ? next.index : undefined).replace(/ ; $/, '');
      return `${lineInWords(start.line)} : ${why}`;
    })
    .join(' ; ');
}

/**
 * The reason of an invoice's last change of status in words a user understands: the reasons the
 * server writes itself (a payment, the month closing, a credit note…) are said in the console's
 * language with their labels; the reasons people typed (why lines were rejected) are shown as typed,
 * each after the line it rejects (`lines`: the invoice's lines rejected now).
 */
export function statusReasonInWords(reason: string, lines: readonly LineRef[]): string {
  const paid = payment.exec(reason);
  if (paid)
    return t('Paiement enregistré : {{method}}, référence {{reference}}', {
      method: t(paymentMethodLabels[paid[1]!]!),
      reference: paid[2],
    });
  const closed = monthClosed.exec(reason);
  if (closed) return t('Soumise automatiquement à la clôture du mois {{period}}', { period: closed[1] });
  if (reason === settledByCredit) return t('Soldée par avoir : il ne reste rien à payer');
  const settled = settledByCreditNote.exec(reason);
  if (settled) return t('Soldée par l’avoir {{number}} : il ne reste rien à payer', { number: settled[1] });
  const credited = resubmittedWithCredit.exec(reason);
  if (credited)
    return t('Soumise à nouveau après révision ; les quantités retirées sont créditées par l’avoir {{number}}', {
      number: credited[1],
    });
  if (reason === resubmittedAsIs) return t('Soumise à nouveau après révision, toutes les lignes maintenues');
  const rejected = rejectedLinesInWords(reason, lines);
  return rejected === null ? reason : t('Lignes refusées — {{lines}}', { lines: rejected });
}

/**
 * The reason of a credit note in words a user understands: one issued on resubmission names the
 * lines rejected (`lines`: the invoice's lines; those withdrawn and those maintained) and why; one
 * typed by a person is shown as typed.
 */
export function creditNoteReasonInWords(reason: string, lines: readonly LineRef[]): string {
  if (!reason.startsWith(revisionPrefix)) return reason;
  const rejected = rejectedLinesInWords(reason.slice(revisionPrefix.length), lines);
  return rejected === null ? reason : t('Révision demandée — {{lines}}', { lines: rejected });
}
