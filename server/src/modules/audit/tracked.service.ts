import type { EntityClass, FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { notFound, staleVersion } from '../../common/errors.js';
import type { Lifecycle } from '../../common/lifecycle.js';
import type { TrackedEntity } from '../../common/tracked.entity.js';
import { announceCustomerSubscriptionChange } from '../customer-subscription/customer-subscription.events.js';
import { announceSiteChange, WorkChange } from '../site/site.events.js';
import { AuditAction, AuditEntityType } from './audit-event.entity.js';
import type { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import type { Site } from '../site/site.entity.js';
import { recordAudit } from './audit.service.js';
import { now } from '../../common/time.js';

/** A tracked record that has a status with a lifecycle. */
export interface StatusTracked<S extends string> extends TrackedEntity {
  status: S;
  statusReason: string | null;
  statusChangedAt: Date;
}

/**
 * Loads a record to change it, checking that it is within `scope` (the rows the viewer may act on:
 * one outside answers as one that does not exist) and that its version is the one the client last saw.
 * @throws DomainError NOT_FOUND (field `id`), CONFLICT (stale `expectedVersion`, with `currentVersion`)
 */
export async function loadForChange<T extends TrackedEntity, P extends string = never>(
  em: EntityManager,
  entity: EntityClass<T>,
  what: string,
  id: string,
  expectedVersion: number,
  options: FindOneOptions<T, P> & { scope?: Record<string, unknown> } = {},
): Promise<T> {
  const { scope = {}, ...findOptions } = options;
  const record = await em.findOne(entity, { $and: [{ id }, scope] } as never, findOptions as FindOneOptions<T, P>);
  if (!record) throw notFound('id', what, id);
  if (record.version !== expectedVersion) throw staleVersion(what, expectedVersion, record.version);
  return record as T;
}

/**
 * Moves `record` along `lifecycle` by `action`, keeps the reason and the time, and audits the
 * TRANSITION (from → to, reason, and any `changes` made with it) in the caller's transaction; a
 * customer subscription's or a site's change is announced to subscribers once it commits.
 * `previous` is the status to return to, for a transition back from a suspension.
 * @throws DomainError INVALID_TRANSITION naming the current status
 */
export function transition<S extends string, A extends string>(
  em: EntityManager,
  context: Context,
  record: StatusTracked<S>,
  entityType: AuditEntityType,
  lifecycle: Lifecycle<S, A>,
  action: A,
  reason: string | null,
  options: { previous?: S | null; changes?: { field: string; from: unknown; to: unknown }[] } = {},
): S {
  const from = record.status;
  const to = lifecycle.next(action, from, options.previous);
  record.status = to;
  record.statusReason = reason;
  record.statusChangedAt = now(context);
  record.updatedAt = record.statusChangedAt;
  recordAudit(em, context, {
    entityType,
    entityId: record.id,
    action: AuditAction.TRANSITION,
    fromStatus: from,
    toStatus: to,
    reason,
    changes: options.changes ?? [],
  });
  // A reassignment names the firm (and the technician) before, in `changes`: they are told the work left them.
  const reassigned = options.changes?.find((change) => change.field === 'contractorId');
  const technician = options.changes?.find((change) => change.field === 'technicianId');
  const moved = {
    ...(reassigned ? { previousContractorId: (reassigned.from as string | null) ?? null } : {}),
    ...(technician ? { previousTechnicianId: (technician.from as string | null) ?? null } : {}),
  };
  if (entityType === AuditEntityType.CUSTOMER_SUBSCRIPTION) {
    announceCustomerSubscriptionChange(
      em,
      record as unknown as CustomerSubscription,
      WorkChange.STATUS_CHANGED,
      from,
      moved,
    );
  } else if (entityType === AuditEntityType.SITE) {
    announceSiteChange(em, record as unknown as Site, WorkChange.STATUS_CHANGED, from, moved);
  }
  return from;
}
