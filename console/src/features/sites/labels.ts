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

/** French names of what a site covers (SiteKind), shown through `t`. */
export const siteKindLabels: Record<string, string> = {
  HOUSING_ESTATE: msg('Cité (ensemble de logements)'),
  RESIDENTIAL_ZONE: msg('Zone résidentielle'),
  BUILDING: msg('Immeuble'),
  STREET: msg('Rue'),
  BUSINESS_ZONE: msg('Zone d’activités'),
  RURAL_AREA: msg('Zone rurale'),
  OTHER: msg('Autre'),
};
