/** English of the invoice pages, keyed by their French. */
export default {
  // labels.ts
  'Brouillon (s’enrichit à chaque réception)': 'Draft (grows with every acceptance)',
  'Soumise, en attente d’approbation': 'Submitted, awaiting approval',
  'Approuvée, à payer': 'Approved, to pay',
  'Révision demandée': 'Revision requested',
  'Payée en partie': 'Partly paid',
  Payée: 'Paid',
  'Virement bancaire': 'Bank transfer',
  'Virement CCP': 'CCP transfer',
  Chèque: 'Cheque',
  u: 'u',
  m: 'm',
  forfait: 'lump sum',
  // reasons.ts
  'Paiement enregistré : {{method}}, référence {{reference}}': 'Payment recorded: {{method}}, reference {{reference}}',
  'Soumise automatiquement à la clôture du mois {{period}}': 'Submitted automatically when month {{period}} closed',
  'Soldée par avoir : il ne reste rien à payer': 'Settled by credit note: nothing is left to pay',
  'Soldée par l’avoir {{number}} : il ne reste rien à payer':
    'Settled by credit note {{number}}: nothing is left to pay',
  'Soumise à nouveau après révision ; les quantités retirées sont créditées par l’avoir {{number}}':
    'Resubmitted after revision; the quantities withdrawn are credited by credit note {{number}}',
  'Soumise à nouveau après révision, toutes les lignes maintenues': 'Resubmitted after revision, every line maintained',
  'Lignes refusées — {{lines}}': 'Lines rejected — {{lines}}',
  'Révision demandée — {{lines}}': 'Revision requested — {{lines}}',
  // ConfirmDialog.tsx
  Annuler: 'Cancel',
  'Renvoyer la soumission': 'Send the submission again',
  'Le serveur n’a pas répondu : renvoyez la soumission. Si elle était déjà passée, elle ne sera pas faite deux fois.':
    'The server did not answer: send the submission again. If it had already gone through, it will not be done twice.',
  // SubmitInvoice.tsx
  'Soumettre la facture': 'Submit the invoice',
  'Ce brouillon s’enrichit à chaque réception de votre travail. Soumettez-le pour le faire approuver puis payer ; à défaut, il est soumis automatiquement à la fin du mois.':
    'This draft grows with every acceptance of your work. Submit it to have it approved, then paid; otherwise it is submitted automatically at the end of the month.',
  'Ce brouillon s’enrichit à chaque réception du travail de la firme. Le soumettre pour elle l’envoie en approbation puis au paiement ; à défaut, il est soumis automatiquement à la fin du mois.':
    'This draft grows with every acceptance of the firm’s work. Submitting it on the firm’s behalf sends it for approval, then payment; otherwise it is submitted automatically at the end of the month.',
  'Soumettre la facture…': 'Submit the invoice…',
  'Soumettre la facture du mois {{period}} ?': 'Submit the invoice of month {{period}}?',
  'Confirmer la soumission': 'Confirm the submission',
  Lignes: 'Lines',
  'Net à payer': 'Net payable',
  'Une fois soumise, la facture reçoit son numéro et ses lignes ne changent plus : le travail réceptionné ensuite ira sur une nouvelle facture.':
    'Once submitted, the invoice gets its number and its lines no longer change: work accepted afterwards goes on a new invoice.',
  // ResubmitInvoice.tsx
  'Quantité invalide : écrivez par exemple 42,5 (trois décimales au plus).':
    'Invalid quantity: write for instance 42,5 (three decimals at most).',
  'Au plus {{quantity}} : la quantité facturée.': 'At most {{quantity}}: the quantity invoiced.',
  'Un nombre entier pour cet article.': 'A whole number for this item.',
  'Répondre à la demande de révision': 'Answer the revision request',
  'Algérie Télécom a refusé les lignes ci-dessous. Pour chacune, indiquez la quantité que vous réclamez maintenant : de 0 (ligne retirée) à la quantité facturée (ligne maintenue). Ce que vous retirez est crédité par un avoir émis sur cette facture, qui garde son numéro et repart en approbation.':
    'Algérie Télécom rejected the lines below. For each, give the quantity you now claim: from 0 (line withdrawn) to the quantity invoiced (line maintained). What you withdraw is credited by a credit note issued on this invoice, which keeps its number and goes back to approval.',
  'Algérie Télécom a refusé les lignes ci-dessous. Pour chacune, indiquez la quantité que la firme réclame maintenant : de 0 (ligne retirée) à la quantité facturée (ligne maintenue). Ce qui est retiré est crédité par un avoir émis sur cette facture, qui garde son numéro et repart en approbation.':
    'Algérie Télécom rejected the lines below. For each, give the quantity the firm now claims: from 0 (line withdrawn) to the quantity invoiced (line maintained). What is withdrawn is credited by a credit note issued on this invoice, which keeps its number and goes back to approval.',
  Code: 'Code',
  Désignation: 'Designation',
  'Motif du refus': 'Reason for rejection',
  Facturé: 'Invoiced',
  'Quantité réclamée': 'Quantity claimed',
  'Quantité réclamée pour la ligne {{code}} de la commande {{order}}':
    'Quantity claimed for line {{code}} of order {{order}}',
  'Soumettre à nouveau…': 'Resubmit…',
  'Soumettre à nouveau la facture {{number}} ?': 'Resubmit invoice {{number}}?',
  'Soumettre à nouveau la facture ?': 'Resubmit the invoice?',
  'Confirmer la nouvelle soumission': 'Confirm the resubmission',
  Ligne: 'Line',
  Réclamé: 'Claimed',
  'Retiré (crédité)': 'Withdrawn (credited)',
  'Un avoir sera émis sur cette facture pour ce qui est retiré, aux prix facturés ; il est déduit du reste dû.':
    'A credit note will be issued on this invoice for what is withdrawn, at the prices invoiced; it is deducted from the balance due.',
  'Toutes les lignes sont maintenues : aucun avoir ne sera émis.':
    'Every line is maintained: no credit note will be issued.',
  // CreditNotes.tsx
  'Le PDF n’a pas pu être obtenu ({{status}}).': 'The PDF could not be obtained ({{status}}).',
  Avoirs: 'Credit notes',
  'Aucun avoir émis sur cette facture.': 'No credit note issued on this invoice.',
  Numéro: 'Number',
  'Émis le': 'Issued on',
  Motif: 'Reason',
  Crédité: 'Credited',
  'Net crédité': 'Net credited',
  PDF: 'PDF',
  'Télécharger l’avoir {{number}} en PDF': 'Download credit note {{number}} as PDF',
  // IssueCreditNote.tsx
  'Au plus {{quantity}} : ce qui reste à créditer.': 'At most {{quantity}}: what remains to credit.',
  'Cochez au moins une ligne à créditer.': 'Tick at least one line to credit.',
  'Indiquez le motif : il est imprimé sur l’avoir.': 'Give the reason: it is printed on the credit note.',
  'Émettre un avoir…': 'Issue a credit note…',
  'Émettre un avoir': 'Issue a credit note',
  'Un avoir corrige cette facture sans la modifier : cochez les lignes à créditer et la quantité de chacune. Il est émis aux prix facturés, avec la TVA et la retenue de la facture, et déduit de son reste dû.':
    'A credit note corrects this invoice without changing it: tick the lines to credit and the quantity of each. It is issued at the prices invoiced, with the invoice’s VAT and retention, and deducted from its balance due.',
  Créditer: 'Credit',
  'Reste à créditer': 'Left to credit',
  'Quantité créditée': 'Quantity credited',
  'Créditer la ligne {{code}} {{designation}} de la commande {{order}}':
    'Credit line {{code}} {{designation}} of order {{order}}',
  'Quantité créditée pour la ligne {{code}} de la commande {{order}}':
    'Quantity credited for line {{code}} of order {{order}}',
  'Motif (imprimé sur l’avoir)': 'Reason (printed on the credit note)',
  'Émettre l’avoir…': 'Issue the credit note…',
  'Émettre un avoir sur cette facture ?': 'Issue a credit note on this invoice?',
  'Confirmer l’avoir': 'Confirm the credit note',
  'Un avoir émis ne s’annule pas : il reçoit son numéro et il est déduit du reste dû de la facture.':
    'A credit note issued is never cancelled: it gets its number and is deducted from the invoice’s balance due.',
  // InvoicePage.tsx
  'Avoir {{number}} émis : il est déduit du reste dû de la facture.':
    'Credit note {{number}} issued: it is deducted from the invoice’s balance due.',
  'Facture introuvable': 'Invoice not found',
  'Aucune facture n’a l’identifiant « {{id}} », ou elle est hors de votre périmètre.':
    'No invoice has the id “{{id}}”, or it is outside your scope.',
  'Retour aux factures': 'Back to the invoices',
  'Cochez au moins une ligne et dites pour chacune pourquoi elle est refusée.':
    'Tick at least one line and say for each why it is rejected.',
  'Montant invalide : écrivez par exemple 1 500,50 (deux décimales au plus).':
    'Invalid amount: write for instance 1 500,50 (two decimals at most).',
  'est obligatoire': 'is required',
  'Facture {{number}}': 'Invoice {{number}}',
  'Facture en cours — {{period}}': 'Invoice in progress — {{period}}',
  'mois {{period}}': 'month {{period}}',
  'émise le {{date}}': 'issued on {{date}}',
  'échéance {{date}}': 'due on {{date}}',
  'approuvée le {{date}}': 'approved on {{date}}',
  'en retard de {{days}}': '{{days}} overdue',
  'Motif : {{reason}}': 'Reason: {{reason}}',
  'Télécharger le PDF': 'Download the PDF',
  'Approuver pour paiement': 'Approve for payment',
  'Demander une révision': 'Request a revision',
  'Facture soumise sous le numéro {{number}} : elle part en approbation.':
    'Invoice submitted as number {{number}}: it goes to approval.',
  'Facture soumise : elle part en approbation.': 'Invoice submitted: it goes to approval.',
  'Facture soumise à nouveau ; ce qui est retiré est crédité par l’avoir {{number}}.':
    'Invoice resubmitted; what is withdrawn is credited by credit note {{number}}.',
  'Facture soumise à nouveau, toutes les lignes maintenues.': 'Invoice resubmitted, every line maintained.',
  'Cochez les lignes refusées et donnez la raison de chacune ; le contractant les corrige et soumet à nouveau.':
    'Tick the lines rejected and give the reason for each; the contractor corrects them and submits again.',
  'Aucune ligne : aucun travail réceptionné n’est encore facturé ce mois-ci.':
    'No line: no accepted work is invoiced this month yet.',
  Refuser: 'Reject',
  Quantité: 'Quantity',
  'Prix unitaire HT': 'Unit price excl. tax',
  TVA: 'VAT',
  'Montant HT': 'Amount excl. tax',
  'Refuser la ligne {{code}} {{designation}} de la commande {{order}}':
    'Reject line {{code}} {{designation}} of order {{order}}',
  'Raison du refus de la ligne {{code}} de la commande {{order}}':
    'Reason for rejecting line {{code}} of order {{order}}',
  'refusée : {{reason}}': 'rejected: {{reason}}',
  'crédité : {{quantity}}': 'credited: {{quantity}}',
  'Envoyer la demande de révision': 'Send the revision request',
  'Total HT': 'Total excl. tax',
  'non applicable (IFU ou auto-entrepreneur)': 'not applicable (IFU or auto-entrepreneur)',
  'TVA {{rate}} %': 'VAT {{rate}} %',
  'Total TTC': 'Total incl. tax',
  'Retenue de garantie ({{percent}} %)': 'Retention ({{percent}} %)',
  Payé: 'Paid',
  'Reste dû': 'Balance due',
  Paiements: 'Payments',
  'Aucun paiement enregistré.': 'No payment recorded.',
  'Date de valeur': 'Value date',
  Mode: 'Method',
  Référence: 'Reference',
  Montant: 'Amount',
  'Enregistrer un paiement': 'Record a payment',
  'Montant (DA, ex. 1500,00)': 'Amount (DA, e.g. 1500,00)',
  'Référence (n° de virement ou de chèque)': 'Reference (transfer or cheque no.)',
  'Enregistrer le paiement': 'Record the payment',
  // InvoicesPage.tsx
  Statut: 'Status',
  'Tous les statuts': 'All statuses',
  'Mois facturé': 'Month invoiced',
  'Factures trouvées : {{count}}': 'Invoices found: {{count}}',
  'Aucune facture ne correspond à ces filtres.': 'No invoice matches these filters.',
  'Aucune facture pour le moment.': 'No invoice yet.',
  // InvoicesTable.tsx
  Contractant: 'Contractor',
  Mois: 'Month',
  'Émise le': 'Issued on',
  'Âge depuis l’émission': 'Age since issue',
  Échéance: 'Due date',
  Retard: 'Overdue',
  Brouillon: 'Draft',
  // InvoicePage.tsx
  Commande: 'Order',
  // InvoicesPage.tsx
  'Rechercher (numéro ou contractant)': 'Search (number or contractor)',
  // InvoicesPage.tsx: the empty list
  'La facture du mois d’un contractant s’ouvre d’elle-même à la réception de son premier travail, et s’enrichit à chaque réception.':
    'A contractor’s invoice for the month opens by itself when its first work is accepted, and grows with each acceptance.',
} satisfies Record<string, string>;
