import type { ImportColumn } from '../../components/CsvImport.tsx';
import { msg } from '../../lib/i18n.ts';

/**
 * The columns of a contractors CSV, as the server reads them (server/src/modules/contractor/contractor.import.ts:
 * the required ones, then the optional ones), each with what it holds, for the import page and its template.
 */
export const contractorImportColumns: readonly ImportColumn[] = [
  { name: 'legal_name', required: true, content: msg('Raison sociale') },
  {
    name: 'legal_form',
    required: true,
    content: msg('Forme juridique : SARL, EURL, SPA, SNC, PERSONNE_PHYSIQUE, AUTO_ENTREPRENEUR ou OTHER'),
  },
  {
    name: 'fiscal_regime',
    required: true,
    content: msg('Régime fiscal : REAL, IFU ou AUTO_ENTREPRENEUR (celui-ci exactement pour un auto-entrepreneur)'),
  },
  { name: 'nif', required: true, content: msg('NIF : 15 chiffres (20 pour un établissement secondaire)') },
  { name: 'nis', required: true, content: msg('NIS : 15 chiffres') },
  { name: 'tax_article', required: true, content: msg('Article d’imposition') },
  { name: 'address', required: true, content: msg('Adresse du siège') },
  { name: 'commune_id', required: true, content: msg('Identifiant de la commune du siège') },
  { name: 'bank_account', required: true, content: msg('RIB ou RIP : 20 chiffres, clé comprise') },
  {
    name: 'operating_wilaya_codes',
    required: true,
    content: msg(
      'Codes des wilayas d’intervention, séparés par des espaces (ex. 16 09) ; « 16;09 » seulement entre guillemets dans un fichier à points-virgules',
    ),
  },
  { name: 'team_capacity', required: true, content: msg('Nombre d’équipes, au moins 1') },
  { name: 'trade_name', required: false, content: msg('Nom commercial') },
  {
    name: 'rc_number',
    required: false,
    content: msg(
      'N° de registre du commerce, par exemple 16/00-0123456 B 15 : obligatoire, sauf pour un auto-entrepreneur',
    ),
  },
  {
    name: 'auto_entrepreneur_card_number',
    required: false,
    content: msg('N° de carte d’auto-entrepreneur : obligatoire pour un auto-entrepreneur'),
  },
  { name: 'contact_name', required: false, content: msg('Contact : nom') },
  { name: 'contact_role', required: false, content: msg('Contact : fonction') },
  { name: 'contact_phone', required: false, content: msg('Contact : téléphone') },
  { name: 'contact_email', required: false, content: msg('Contact : adresse e-mail') },
];
