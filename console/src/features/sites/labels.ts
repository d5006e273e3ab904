import { msg } from '../../lib/i18n.ts';

/** French names of a site's statuses (shown through `t`). */
export const siteStatusLabels: Record<string, string> = {
  PLANNED: msg('Planifié'),
  ASSIGNED: msg('Affecté'),
  IN_PROGRESS: msg('En cours'),
  COMPLETED: msg('Terminé'),
  CLOSED: msg('Clos'),
  SUSPENDED: msg('Suspendu'),
};
