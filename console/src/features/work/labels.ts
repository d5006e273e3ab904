/** French names of a customer subscription's statuses, as the console shows them. */
export const customerSubscriptionStatusLabels: Record<string, string> = {
  PENDING: 'En attente',
  ASSIGNED: 'Affecté',
  SCHEDULED: 'Planifié',
  INSTALLED: 'Installé, à réceptionner',
  ACCEPTED: 'Réceptionné',
  REJECTED: 'Refusé avec réserves',
  FAILED: 'Échoué',
  CANCELLED: 'Annulé',
};

/** What each audited action is called in the timeline. */
export const auditActionLabels: Record<string, string> = {
  CREATE: 'Création',
  UPDATE: 'Modification',
  TRANSITION: 'Changement d’état',
};
