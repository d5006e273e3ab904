import type { ImportColumn } from '../../components/CsvImport.tsx';
import { msg } from '../../lib/i18n.ts';

/**
 * The columns of an order backlog CSV, as the server reads them
 * (server/src/modules/customer-subscription/customer-subscription.import.ts: the required ones, then
 * the optional ones), each with what it holds, for the import page and its template.
 */
export const customerSubscriptionImportColumns: readonly ImportColumn[] = [
  {
    name: 'order_reference',
    required: true,
    content: msg('Référence de la commande chez AT : 3 à 40 lettres, chiffres, « / », « - » ou « _ » ; unique'),
  },
  { name: 'customer_name', required: true, content: msg('Nom du client') },
  {
    name: 'customer_phone',
    required: true,
    content: msg('Téléphone du client, numéro algérien (ex. 0550 12 34 56 ou +213 550 12 34 56)'),
  },
  { name: 'customer_address', required: true, content: msg('Adresse du logement') },
  { name: 'commune_id', required: true, content: msg('Identifiant de la commune du logement') },
  { name: 'offer', required: true, content: msg('Offre commandée (ex. IDOOM FIBRE 300 Mbps)') },
  { name: 'site_code', required: false, content: msg('Code du site, de la même wilaya, qui n’est ni terminé ni clos') },
  {
    name: 'ordered_at',
    required: false,
    content: msg(
      'Date et heure de la commande, ISO 8601 avec son décalage (ex. 2026-11-02T08:30:00+01:00) ; vide : l’heure de l’import',
    ),
  },
];
