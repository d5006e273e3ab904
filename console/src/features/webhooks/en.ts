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
  // WebhooksPage.tsx: no endpoint
  'Une application qui veut être prévenue des changements déclare son adresse par l’API (createWebhookEndpoint) ; ses livraisons s’afficheront ici.':
    'An application that wants to hear of changes declares its address through the API (createWebhookEndpoint); its deliveries will show here.',
};
