import { msg } from '../../lib/i18n.ts';

/** French names of the invoice's statuses, shown with `t(label)`. */
export const invoiceStatusLabels: Record<string, string> = {
  DRAFT: msg('Brouillon (s’enrichit à chaque réception)'),
  SUBMITTED: msg('Soumise, en attente d’approbation'),
  APPROVED: msg('Approuvée, à payer'),
  REVISION_REQUESTED: msg('Révision demandée'),
  PARTIALLY_PAID: msg('Payée en partie'),
  PAID: msg('Payée'),
};

/** French names of the payment methods, shown with `t(label)`. */
export const paymentMethodLabels: Record<string, string> = {
  BANK_TRANSFER: msg('Virement bancaire'),
  CCP_TRANSFER: msg('Virement CCP'),
  CHEQUE: msg('Chèque'),
};

/** Units of a price schedule item as written after a quantity, shown with `t(label)`. */
export const unitLabels: Record<string, string> = { U: msg('u'), M: msg('m'), FORFAIT: msg('forfait') };
