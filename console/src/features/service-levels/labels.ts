import { msg } from '../../lib/i18n.ts';

/** How a step's time is counted (the API's ServiceLevelTimeBasis), shown with `t(label)`. */
export const timeBasisLabels: Record<string, string> = {
  WORKING_DAYS: msg('Jours ouvrés (dimanche à jeudi, hors fériés)'),
  CALENDAR: msg('Calendaire (tous les jours)'),
};
