import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { AuditAction, AuditEvent, type AuditEntityType, type AuditFieldChange } from './audit-event.entity.js';
import { now } from '../../common/time.js';

/** What a service says about a change it is making, to be audited with it. */
export interface AuditEntry {
  entityType: AuditEntityType;
  entityId: string;
  action: AuditAction;
  fromStatus?: string | null;
  toStatus?: string | null;
  changes?: AuditFieldChange[];
  reason?: string | null;
}

/**
 * Adds an audit event to `em`'s unit of work: it is written by the same flush, in the same
 * transaction, as the change it records. The actor and request id come from the context.
 */
export function recordAudit(em: EntityManager, context: Context, entry: AuditEntry): AuditEvent {
  const event = em.create(AuditEvent, {
    occurredAt: now(context),
    actorType: context.actor.type,
    actorId: context.actor.id,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    changes: entry.changes ?? [],
    reason: entry.reason ?? null,
    requestId: context.requestId,
  });
  em.persist(event);
  return event;
}

/**
 * The changes between `before` and `after` on the given fields, for an UPDATE audit event. Values
 * are compared as JSON, so dates, arrays and objects compare by content.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): AuditFieldChange[] {
  const changes: AuditFieldChange[] = [];
  for (const field of fields) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

/**
 * Writes one CREATE audit event per record created in bulk (a CSV import), in `em`'s transaction,
 * with every field of `values` as a change from null and `reason` (e.g. "CSV import").
 */
export async function recordBulkCreations(
  em: EntityManager,
  context: Context,
  entry: { entityType: AuditEntityType; toStatus: string; reason: string; fields: readonly string[] },
  records: { id: string; values: Record<string, unknown> }[],
): Promise<void> {
  const occurredAt = now(context);
  await em.insertMany(
    AuditEvent,
    records.map((record) => ({
      occurredAt,
      actorType: context.actor.type,
      actorId: context.actor.id,
      entityType: entry.entityType,
      entityId: record.id,
      action: AuditAction.CREATE,
      toStatus: entry.toStatus,
      changes: changedFields({}, record.values, entry.fields),
      reason: entry.reason,
      requestId: context.requestId,
    })),
  );
}
