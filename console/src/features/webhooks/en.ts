/** English of the webhooks page, keyed by its French. */
export default {
  Webhooks: 'Webhooks',
  'Aucun point de réception pour l’instant.': 'No endpoint yet.',
  'En attente': 'Pending',
  Livrée: 'Delivered',
  Abandonnée: 'Given up',
  'Algérie Télécom': 'Algérie Télécom',
  'Désactivé : ses livraisons échouaient depuis des jours': 'Disabled: its deliveries had been failing for days',
  Désactivé: 'Disabled',
  'En échec depuis le {{instant}}': 'Failing since {{instant}}',
  'Aucune livraison pour l’instant.': 'No delivery yet.',
  Événement: 'Event',
  Type: 'Type',
  Tentatives: 'Attempts',
  'Dernière réponse': 'Last answer',
  'Prévue le {{instant}}': 'Due on {{instant}}',
  Renvoyer: 'Send again',
};
