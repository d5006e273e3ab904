import { translate as t } from '../../lib/i18n.ts';
import { paymentMethodLabels } from './labels.ts';

/** What names an invoice line in a sentence: its code and designation. */
export interface LineRef {
  readonly id: string;
  readonly itemCode: string;
  readonly designation: string;
}

// The reasons the server writes itself (server/src/modules/invoice/): a payment, the month closing,
// settlement by credit, resubmission; and the rejected lines of a revision request ("ligne 12 : …").
const payment = /^paiement (BANK_TRANSFER|CCP_TRANSFER|CHEQUE) (.*)$/s;
const monthClosed = /^clôture du mois (\d{4}-\d{2})$/;
const settledByCredit = 'soldée par avoir : rien à payer';
const settledByCreditNote = /^soldée par l’avoir (\S+)$/;
const resubmittedWithCredit = /^avoir (\S+)$/;
const resubmittedAsIs = 'lignes maintenues';
const revisionPrefix = 'Révision demandée — ';
const rejectedLines = /^ligne \d+ : /;
const rejectedLine = /ligne (\d+) : ([\s\S]*?)(?= ; ligne \d+ : |$)/g;

/** "DRP-AER Câble de branchement aérien : trop long ; PTO Prise terminale : absente", from the server's "ligne 12 : …". */
function rejectedLinesInWords(text: string, lines: readonly LineRef[]): string {
  return [...text.matchAll(rejectedLine)]
    .map(([, id, why]) => {
      const line = lines.find((candidate) => candidate.id === id);
      const name = line ? `${line.itemCode} ${line.designation}` : t('ligne n° {{id}}', { id });
      return `${name} : ${why}`;
    })
    .join(' ; ');
}

/**
 * The reason of an invoice's last change of status in words a user understands: the reasons the
 * server writes itself (a payment, the month closing, a credit note…) are said in the console's
 * language with their labels; the reasons people typed (why lines were rejected) are shown as typed.
 */
export function statusReasonInWords(reason: string, lines: readonly LineRef[]): string {
  const paid = payment.exec(reason);
  if (paid) return t('Paiement enregistré : {{method}}, référence {{reference}}', { method: t(paymentMethodLabels[paid[1]!]!), reference: paid[2] });
  const closed = monthClosed.exec(reason);
  if (closed) return t('Soumise automatiquement à la clôture du mois {{period}}', { period: closed[1] });
  if (reason === settledByCredit) return t('Soldée par avoir : il ne reste rien à payer');
  const settled = settledByCreditNote.exec(reason);
  if (settled) return t('Soldée par l’avoir {{number}} : il ne reste rien à payer', { number: settled[1] });
  const credited = resubmittedWithCredit.exec(reason);
  if (credited) return t('Soumise à nouveau après révision ; les quantités retirées sont créditées par l’avoir {{number}}', { number: credited[1] });
  if (reason === resubmittedAsIs) return t('Soumise à nouveau après révision, toutes les lignes maintenues');
  if (rejectedLines.test(reason)) return t('Lignes refusées — {{lines}}', { lines: rejectedLinesInWords(reason, lines) });
  return reason;
}

/**
 * The reason of a credit note in words a user understands: one issued on resubmission names the
 * lines withdrawn and why they were rejected; one typed by a person is shown as typed.
 */
export function creditNoteReasonInWords(reason: string, lines: readonly LineRef[]): string {
  if (!reason.startsWith(revisionPrefix)) return reason;
  const rest = reason.slice(revisionPrefix.length);
  return rejectedLines.test(rest) ? t('Révision demandée — {{lines}}', { lines: rejectedLinesInWords(rest, lines) }) : reason;
}
