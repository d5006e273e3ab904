/** French names of the invoice's enumerations, as the console shows them. */
export const invoiceStatusLabels: Record<string, string> = {
  DRAFT: 'Brouillon (s’enrichit à chaque réception)',
  SUBMITTED: 'Soumise, en attente d’approbation',
  APPROVED: 'Approuvée, à payer',
  REVISION_REQUESTED: 'Révision demandée',
  PARTIALLY_PAID: 'Payée en partie',
  PAID: 'Payée',
};

export const paymentMethodLabels: Record<string, string> = {
  BANK_TRANSFER: 'Virement bancaire',
  CCP_TRANSFER: 'Virement CCP',
  CHEQUE: 'Chèque',
};

export const unitLabels: Record<string, string> = { U: 'u', M: 'm', FORFAIT: 'forfait' };
