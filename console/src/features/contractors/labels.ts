/** French names of the contractor's enumerations, as the console shows them. */
export const contractorStatusLabels: Record<string, string> = {
  PENDING_APPROVAL: 'En attente d’agrément',
  ACTIVE: 'Actif',
  SUSPENDED: 'Suspendu',
  TERMINATED: 'Résilié',
};

export const legalFormLabels: Record<string, string> = {
  SARL: 'SARL',
  EURL: 'EURL',
  SPA: 'SPA',
  SNC: 'SNC',
  PERSONNE_PHYSIQUE: 'Personne physique',
  AUTO_ENTREPRENEUR: 'Auto-entrepreneur',
  OTHER: 'Autre',
};

export const fiscalRegimeLabels: Record<string, string> = {
  REAL: 'Régime réel (TVA)',
  IFU: 'IFU (impôt forfaitaire unique)',
  AUTO_ENTREPRENEUR: 'Auto-entrepreneur',
};
