import type { EntityClass, FindOneOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { notFound, staleVersion } from '../../common/errors.js';
import type { Lifecycle } from '../../common/lifecycle.js';
import type { TrackedEntity } from '../../common/tracked.entity.js';
import { AuditAction, type AuditEntityType } from './audit-event.entity.js';
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
  return requireForChange(record as T | null, what, id, expectedVersion);
}

/**
 * The record read to change it (null when it does not exist or is outside the viewer's scope),
 * checked as `loadForChange` checks it.
 * @throws DomainError NOT_FOUND (field `id`), CONFLICT (stale `expectedVersion`, with `currentVersion`)
 */
export function requireForChange<T extends TrackedEntity>(
  record: T | null,
  what: string,
  id: string,
  expectedVersion: number,
): T {
  if (!record) throw notFound('id', what, id);
  if (record.version !== expectedVersion) throw staleVersion(what, expectedVersion, record.version);
  return record;
}

/** What a transition may carry beside its action and reason. */
export interface TransitionOptions<S extends string> {
  /** The status to return to, for a transition back from a suspension. */
  readonly previous?: S | null;
  /** Fields changed with it, audited with it (e.g. the firm it is assigned to). */
  readonly changes?: { field: string; from: unknown; to: unknown }[];
}

/**
 * Moves `record` along `lifecycle` by `action`, keeps the reason and the time, and audits the
 * TRANSITION (from → to, reason, and any `changes` made with it) in the caller's transaction.
 * Returns the status it left; announcing the change is the caller's module's (e.g. `changeSiteStatus`).
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
  options: TransitionOptions<S> = {},
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
  return from;
}
