import { msg } from '../../lib/i18n.ts';

/** French names of a customer subscription's statuses (shown through `t`). */
export const customerSubscriptionStatusLabels: Record<string, string> = {
  PENDING: msg('En attente'),
  ASSIGNED: msg('Affecté'),
  SCHEDULED: msg('Rendez-vous pris'),
  INSTALLED: msg('Installé, à réceptionner'),
  ACCEPTED: msg('Réceptionné'),
  REJECTED: msg('Refusé avec réserves'),
  FAILED: msg('Échoué'),
  CANCELLED: msg('Annulé'),
};

/** What each audited action is called in the timeline (shown through `t`). */
export const auditActionLabels: Record<string, string> = {
  CREATE: msg('Création'),
  UPDATE: msg('Modification'),
  TRANSITION: msg('Changement d’état'),
};

/** Why a connection failed (FailureReason), in words (shown through `t`). */
export const failureReasonLabels: Record<string, string> = {
  CUSTOMER_ABSENT: msg('Client absent'),
  NO_INFRASTRUCTURE: msg('Pas d’infrastructure (aucun PBO à portée)'),
  CUSTOMER_REFUSED: msg('Refus du client'),
  ACCESS_DENIED: msg('Accès refusé'),
  OTHER: msg('Autre (à préciser)'),
};
