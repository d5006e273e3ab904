import { msg } from '../../lib/i18n.ts';

/** French names of the contractor's enumerations, as the console shows them (through `t`). */
export const contractorStatusLabels: Record<string, string> = {
  PENDING_APPROVAL: msg('En attente d’agrément'),
  ACTIVE: msg('Actif'),
  SUSPENDED: msg('Suspendu'),
  TERMINATED: msg('Résilié'),
};

/** French names of the legal forms. */
export const legalFormLabels: Record<string, string> = {
  SARL: msg('SARL'),
  EURL: msg('EURL'),
  SPA: msg('SPA'),
  SNC: msg('SNC'),
  PERSONNE_PHYSIQUE: msg('Personne physique'),
  AUTO_ENTREPRENEUR: msg('Auto-entrepreneur'),
  OTHER: msg('Autre'),
};

/** French names of the fiscal regimes. */
export const fiscalRegimeLabels: Record<string, string> = {
  REAL: msg('Régime réel (TVA)'),
  IFU: msg('IFU (impôt forfaitaire unique)'),
  AUTO_ENTREPRENEUR: msg('Auto-entrepreneur'),
};

/** A contractor's fields as its history names them (the API's field names, e.g. in an UPDATE's changes). */
export const contractorFieldLabels: Record<string, string> = {
  legalName: msg('Raison sociale'),
  tradeName: msg('Nom commercial'),
  legalForm: msg('Forme juridique'),
  fiscalRegime: msg('Régime fiscal'),
  nif: msg('NIF'),
  nis: msg('NIS'),
  rcNumber: msg('RC'),
  autoEntrepreneurCardNumber: msg('N° de carte d’auto-entrepreneur'),
  taxArticle: msg('Article d’imposition'),
  address: msg('Adresse'),
  communeId: msg('Commune du siège'),
  bankAccount: msg('RIB / RIP'),
  operatingWilayaCodes: msg('Wilayas d’intervention'),
  teamCapacity: msg('Équipes'),
  contacts: msg('Contacts'),
};
