/** English of the contractors' pages, keyed by their French. */
export default {
  // labels.ts
  'En attente d’agrément': 'Awaiting approval',
  Actif: 'Active',
  Suspendu: 'Suspended',
  Résilié: 'Terminated',
  SARL: 'SARL (limited company)',
  EURL: 'EURL (single-member limited company)',
  SPA: 'SPA (joint-stock company)',
  SNC: 'SNC (general partnership)',
  'Personne physique': 'Sole trader',
  'Auto-entrepreneur': 'Auto-entrepreneur',
  Autre: 'Other',
  'Régime réel (TVA)': 'Real regime (VAT)',
  'IFU (impôt forfaitaire unique)': 'IFU (single flat-rate tax)',
  'Raison sociale': 'Legal name',
  'Nom commercial': 'Trade name',
  'Forme juridique': 'Legal form',
  'Régime fiscal': 'Tax regime',
  NIF: 'NIF (tax id)',
  NIS: 'NIS (statistical id)',
  RC: 'Trade register (RC)',
  'N° de carte d’auto-entrepreneur': 'Auto-entrepreneur card no.',
  'Article d’imposition': 'Tax article',
  Adresse: 'Address',
  'Commune du siège': 'Commune of the registered office',
  'RIB / RIP': 'Bank account (RIB / RIP)',
  'Wilayas d’intervention': 'Operating wilayas',
  Équipes: 'Teams',
  Contacts: 'Contacts',
  // ContractorsPage.tsx
  'Importer un fichier CSV': 'Import a CSV file',
  'Nouveau contractant': 'New contractor',
  'Rechercher (raison sociale, nom commercial ou NIF)': 'Search (legal name, trade name or NIF)',
  Statut: 'Status',
  Tous: 'All',
  'Wilaya d’intervention': 'Operating wilaya',
  'Contractants trouvés : {{count}}': 'Contractors found: {{count}}',
  'Aucun contractant ne correspond à ces critères.': 'No contractor matches these criteria.',
  // ContractorForm.tsx
  'est obligatoire': 'is required',
  'doit compter 15 chiffres (20 pour un établissement secondaire)': 'must be 15 digits (20 for a branch)',
  'RIB ou RIP invalide : 20 chiffres dont la clé (les deux derniers) doit correspondre':
    'Invalid RIB or RIP: 20 digits whose key (the last two) must match',
  'un auto-entrepreneur, et lui seul, relève du régime de l’auto-entrepreneur':
    'an auto-entrepreneur, and only one, comes under the auto-entrepreneur regime',
  'est obligatoire, sauf pour un auto-entrepreneur': 'is required, except for an auto-entrepreneur',
  'est obligatoire pour un auto-entrepreneur': 'is required for an auto-entrepreneur',
  'au moins une wilaya, en codes à deux chiffres séparés par des virgules (ex. 16, 09)':
    'at least one wilaya, as two-digit codes separated by commas (e.g. 16, 09)',
  'doit être un nombre entier d’équipes, au moins 1': 'must be a whole number of teams, at least 1',
  'Nom commercial (facultatif)': 'Trade name (optional)',
  'Wilaya du siège': 'Wilaya of the registered office',
  'Choisir…': 'Choose…',
  'Choisissez d’abord la wilaya': 'Choose the wilaya first',
  'RIB ou RIP (20 chiffres)': 'RIB or RIP (20 digits)',
  'Wilayas d’intervention (codes, ex. 16, 09)': 'Operating wilayas (codes, e.g. 16, 09)',
  'Nombre d’équipes': 'Number of teams',
  'Contact : nom (facultatif)': 'Contact: name (optional)',
  'Contact : téléphone (facultatif)': 'Contact: phone (optional)',
  // NewContractorPage.tsx
  'Créer le contractant': 'Create the contractor',
  'Création…': 'Creating…',
  // ContractorNotFound.tsx
  'Contractant introuvable': 'Contractor not found',
  'Aucun contractant n’a l’identifiant « {{id}} », ou il est hors de votre périmètre.':
    'No contractor has the id “{{id}}”, or it is outside your scope.',
  'Retour aux contractants': 'Back to the contractors',
  // ContractorPage.tsx
  Agréer: 'Approve',
  Suspendre: 'Suspend',
  Réactiver: 'Reactivate',
  'Indiquez la raison : elle est gardée dans l’historique.': 'Give the reason: it is kept in the history.',
  Modifier: 'Edit',
  'depuis le {{date}}': 'since {{date}}',
  'non visible pour votre rôle': 'not visible to your role',
  'Raison (gardée dans l’historique)': 'Reason (kept in the history)',
  Confirmer: 'Confirm',
  Annuler: 'Cancel',
  // ContractorSites.tsx
  'Ses sites': 'Its sites',
  'Aucun site n’est attribué à ce contractant.': 'No site is assigned to this contractor.',
  'Sites : {{count}}': 'Sites: {{count}}',
  // ContractorWork.tsx
  'Ses raccordements': 'Its connections',
  'Statut des raccordements': 'Status of the connections',
  'Aucun raccordement de ce contractant dans ce statut.': 'No connection of this contractor in this status.',
  'Aucun raccordement n’est confié à ce contractant.': 'No connection is assigned to this contractor.',
  'Raccordements : {{count}}': 'Connections: {{count}}',
  'Depuis le': 'Since',
  // ContractorInvoices.tsx
  'Ses factures': 'Its invoices',
  'Aucune facture pour ce contractant.': 'No invoice for this contractor.',
  'Factures : {{count}}': 'Invoices: {{count}}',
  'N°': 'No.',
  Période: 'Period',
  // ContractorHistory.tsx
  Historique: 'History',
  'Aucun événement enregistré pour ce contractant.': 'No event recorded for this contractor.',
  'valeur masquée pour votre rôle': 'value hidden from your role',
  // EditContractorPage.tsx
  'le contractant a encore du travail ouvert dans une wilaya retirée : réaffectez-le d’abord':
    'the contractor still holds open work in a wilaya taken off: reassign it first',
  'Modifier un contractant': 'Edit a contractor',
  'Seul un administrateur peut modifier un contractant.': 'Only an administrator may edit a contractor.',
  'Rien n’a changé : il n’y a rien à enregistrer.': 'Nothing has changed: there is nothing to save.',
  'Retour au contractant': 'Back to the contractor',
  'Modifier {{name}}': 'Edit {{name}}',
  'Enregistrer les modifications': 'Save the changes',
  'Enregistrement…': 'Saving…',
  'Ce contractant a été modifié par quelqu’un d’autre depuis que vous avez ouvert ce formulaire : vos modifications n’ont pas été enregistrées. Rechargez-le pour voir ses valeurs actuelles, puis refaites vos modifications.':
    'Someone else changed this contractor since you opened this form: your changes were not saved. Reload it to see its current values, then make your changes again.',
  'Recharger le contractant': 'Reload the contractor',
  // ImportContractorsPage.tsx and importColumns.ts
  'Importer des contractants': 'Import contractors',
  'Seul un administrateur peut importer des contractants.': 'Only an administrator may import contractors.',
  'Un fichier CSV (UTF-8, séparé par des virgules ou des points-virgules), une ligne d’en-tête puis un contractant par ligne. Tout ou rien : si une seule ligne pose problème, aucun contractant n’est enregistré. Un NIF déjà enregistré est laissé tel quel ; chaque contractant importé attend son agrément.':
    'A CSV file (UTF-8, separated by commas or semicolons): a header line, then one contractor a line. All or nothing: if a single line has a problem, no contractor is saved. A NIF already registered is left as it is; every contractor imported awaits its approval.',
  'Contractants créés : {{count}}': 'Contractors created: {{count}}',
  'Déjà enregistrés (même NIF), laissés inchangés : {{count}}':
    'Already registered (same NIF), left unchanged: {{count}}',
  'Fichier refusé : aucun contractant n’a été enregistré.': 'File refused: no contractor was saved.',
  'Forme juridique : SARL, EURL, SPA, SNC, PERSONNE_PHYSIQUE, AUTO_ENTREPRENEUR ou OTHER':
    'Legal form: SARL, EURL, SPA, SNC, PERSONNE_PHYSIQUE, AUTO_ENTREPRENEUR or OTHER',
  'Régime fiscal : REAL, IFU ou AUTO_ENTREPRENEUR (celui-ci exactement pour un auto-entrepreneur)':
    'Tax regime: REAL, IFU or AUTO_ENTREPRENEUR (the latter exactly for an auto-entrepreneur)',
  'NIF : 15 chiffres (20 pour un établissement secondaire)': 'NIF: 15 digits (20 for a branch)',
  'Adresse du siège': 'Address of the registered office',
  'Identifiant de la commune du siège': 'Id of the commune of the registered office',
  'RIB ou RIP : 20 chiffres, clé comprise': 'RIB or RIP: 20 digits, key included',
  'Codes des wilayas d’intervention, séparés par des espaces (ex. 16 09) ; « 16;09 » seulement entre guillemets dans un fichier à points-virgules':
    'Codes of the operating wilayas, separated by spaces (e.g. 16 09); “16;09” only in double quotes in a file separated by semicolons',
  'Nombre d’équipes, au moins 1': 'Number of teams, at least 1',
  'N° de carte d’auto-entrepreneur : obligatoire pour un auto-entrepreneur':
    'Auto-entrepreneur card number: required for an auto-entrepreneur',
  'Contact : nom': 'Contact: name',
  'Contact : fonction': 'Contact: role',
  'Contact : téléphone': 'Contact: phone',
  'Contact : adresse e-mail': 'Contact: email address',
  'Ce fichier n’était pas en UTF-8 : il a été lu comme un fichier Excel pour Windows (Windows-1252). Vérifiez les accents des contractants créés.':
    'This file was not UTF-8: it was read as an Excel file for Windows (Windows-1252). Check the accents of the contractors created.',
  'NIS (15 chiffres)': 'NIS (15 digits)',
  'N° de registre du commerce (RC), par exemple 16/00-0123456 B 15':
    'Trade register (RC) no., such as 16/00-0123456 B 15',
  'NIS : 15 chiffres': 'NIS: 15 digits',
  'N° de registre du commerce, par exemple 16/00-0123456 B 15 : obligatoire, sauf pour un auto-entrepreneur':
    'Trade register no., such as 16/00-0123456 B 15: required, except for an auto-entrepreneur',
  // ContractorsPage.tsx: the empty list
  'Aucun contractant pour l’instant.': 'No contractor yet.',
  'Enregistrez un contractant, ou importez-les d’un fichier CSV.':
    'Register a contractor, or import them from a CSV file.',
  'Les contractants apparaîtront ici dès qu’ils seront enregistrés.':
    'Contractors will appear here as soon as they are registered.',
} satisfies Record<string, string>;
