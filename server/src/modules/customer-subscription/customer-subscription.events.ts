import type { EntityManager } from '@mikro-orm/postgresql';
import { announce, audienceTag, declareAudience, snapshotOf } from '../../common/events.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { transition, type TransitionOptions } from '../audit/tracked.service.js';
import { movedBy, movedFrom, WorkChange, workAudience, type WorkMove } from '../site/site.events.js';
import type { CustomerSubscription, CustomerSubscriptionStatus } from './customer-subscription.entity.js';
import { customerSubscriptionLifecycle, type CustomerSubscriptionAction } from './customer-subscription.lifecycle.js';

/** A customer subscription changed; `previousStatus` is set when its status changed. */
export interface CustomerSubscriptionChangedEvent {
  readonly customerSubscriptionId: string;
  readonly contractorId: string | null;
  readonly siteId: string | null;
  readonly wilayaCode: string;
  readonly change: WorkChange;
  readonly previousStatus: string | null;
  /** The firm it was assigned to before this change, when the change reassigned it. */
  readonly previousContractorId: string | null;
  /** Its wilaya before this change, when the change moved it. */
  readonly previousWilayaCode: string | null;
  /** Its status now. */
  readonly status: string;
  /** The firm's technician it is given to now; null: the firm as a whole. */
  readonly technicianId: string | null;
  /** The technician it was given to before this change (the same as `technicianId` when the change did not touch it). */
  readonly technicianIdBefore: string | null;
  /** The customer subscription as the change left it (`snapshotOf`). */
  readonly record: Record<string, unknown>;
}

/** An import created customer subscriptions (PENDING, with no contractor yet) in these wilayas. */
export interface CustomerSubscriptionsImportedEvent {
  readonly wilayaCodes: readonly string[];
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    CUSTOMER_SUBSCRIPTION_CHANGED: CustomerSubscriptionChangedEvent;
    CUSTOMER_SUBSCRIPTIONS_IMPORTED: CustomerSubscriptionsImportedEvent;
  }
}

// An import is for everyone (it marks a refetch, by its own rule); a change, for its firms, wilayas, record and site.
declareAudience('CUSTOMER_SUBSCRIPTION_CHANGED', (event) => [
  ...workAudience(event),
  audienceTag.record('customer-subscription', event.customerSubscriptionId),
  ...(event.siteId === null ? [] : [audienceTag.record('site', event.siteId)]),
]);

/**
 * Announces that a customer subscription changed (see `announce`); `previousStatus` when its status
 * changed, `moved` when it changed firm, wilaya or technician.
 */
export function announceCustomerSubscriptionChange(
  em: EntityManager,
  subscription: CustomerSubscription,
  change: WorkChange,
  previousStatus: string | null = null,
  moved: WorkMove = {},
): void {
  announce(em, 'CUSTOMER_SUBSCRIPTION_CHANGED', () => {
    const technicianId = subscription.technician?.id ?? null;
    return {
      customerSubscriptionId: subscription.id,
      contractorId: subscription.contractor?.id ?? null,
      siteId: subscription.site?.id ?? null,
      wilayaCode: subscription.wilaya.code,
      change,
      previousStatus,
      ...movedFrom(subscription, moved),
      status: subscription.status,
      technicianId,
      technicianIdBefore: moved.previousTechnicianId !== undefined ? moved.previousTechnicianId : technicianId,
      record: snapshotOf(em, subscription),
    };
  });
}

/**
 * Moves `subscription` along its lifecycle by `action` (`transition`: audited in the caller's
 * transaction) and announces the change to subscribers once it commits; a reassignment's `changes`
 * name the firm and the technician before (`movedBy`). Returns the status it left.
 * @throws DomainError INVALID_TRANSITION naming the current status
 */
export function changeCustomerSubscriptionStatus(
  em: EntityManager,
  context: Context,
  subscription: CustomerSubscription,
  action: CustomerSubscriptionAction,
  reason: string | null,
  options: TransitionOptions<CustomerSubscriptionStatus> = {},
): CustomerSubscriptionStatus {
  const from = transition(
    em,
    context,
    subscription,
    AuditEntityType.CUSTOMER_SUBSCRIPTION,
    customerSubscriptionLifecycle,
    action,
    reason,
    options,
  );
  announceCustomerSubscriptionChange(em, subscription, WorkChange.STATUS_CHANGED, from, movedBy(options.changes));
  return from;
}
