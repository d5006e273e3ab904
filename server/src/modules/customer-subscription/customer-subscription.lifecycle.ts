import { Lifecycle } from '../../common/lifecycle.js';
import { CustomerSubscriptionStatus as S } from './customer-subscription.entity.js';

/**
 * The changes of a customer subscription's status (docs/domain.md, "Lifecycles"). REPORT_INSTALLATION, ACCEPT
 * and REJECT belong to acceptance (installation report, quality gate, invoicing); the others are here.
 */
export type CustomerSubscriptionAction =
  'ASSIGN' | 'SCHEDULE' | 'REPORT_INSTALLATION' | 'ACCEPT' | 'REJECT' | 'FAIL' | 'CANCEL';

/** The states nothing leaves: the record is closed, its data no longer changes. */
export const terminalStatuses = [S.ACCEPTED, S.FAILED, S.CANCELLED] as const;

/** The states work can still move on from; FAILED and CANCELLED are reachable from each of them. */
export const openStatuses = [S.PENDING, S.ASSIGNED, S.SCHEDULED, S.INSTALLED, S.REJECTED] as const;

/**
 * The open states of work given to a firm: where a technician may be named on it, and the only work
 * a TECHNICIAN sees.
 */
export const fieldStatuses = [S.ASSIGNED, S.SCHEDULED, S.INSTALLED, S.REJECTED] as const;

export const customerSubscriptionLifecycle = new Lifecycle<S, CustomerSubscriptionAction>('customer subscription', {
  ASSIGN: { from: [S.PENDING, S.ASSIGNED, S.SCHEDULED], to: S.ASSIGNED },
  SCHEDULE: { from: [S.ASSIGNED, S.SCHEDULED], to: S.SCHEDULED },
  REPORT_INSTALLATION: { from: [S.SCHEDULED, S.REJECTED], to: S.INSTALLED },
  ACCEPT: { from: [S.INSTALLED], to: S.ACCEPTED },
  REJECT: { from: [S.INSTALLED], to: S.REJECTED },
  FAIL: { from: openStatuses, to: S.FAILED },
  CANCEL: { from: openStatuses, to: S.CANCELLED },
});
