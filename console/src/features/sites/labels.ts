/** French names of a site's statuses, as the console shows them. */
export const siteStatusLabels: Record<string, string> = {
  PLANNED: 'Planifié',
  ASSIGNED: 'Affecté',
  IN_PROGRESS: 'En cours',
  COMPLETED: 'Terminé',
  CLOSED: 'Clos',
  SUSPENDED: 'Suspendu',
};
