import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { AuditAction, AuditEvent, type AuditEntityType, type AuditFieldChange } from './audit-event.entity.js';
import { now } from '../../common/time.js';
import { jsonRows, jsonRowsSql } from '../../common/bulk-insert.js';

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
 * with every field of `values` as a change from null and `reason` (e.g. "CSV import"): one
 * statement for all of them, the events in the records' order.
 */
export async function recordBulkCreations(
  em: EntityManager,
  context: Context,
  entry: { entityType: AuditEntityType; toStatus: string; reason: string; fields: readonly string[] },
  records: { id: string; values: Record<string, unknown> }[],
): Promise<void> {
  if (records.length === 0) return;
  const events = jsonRows(
    records.map((record) => ({ id: record.id, changes: changedFields({}, record.values, entry.fields) })),
  );
  await em.execute(
    `insert into audit_event (occurred_at, actor_type, actor_id, entity_type, entity_id, action, to_status, changes, reason, request_id)
     select ?, ?, ?, ?, event.value->>'id', ?, ?, event.value->'changes', ?, ?
       from jsonb_array_elements(${jsonRowsSql}) with ordinality as event(value, n)
      order by event.n`,
    [
      now(context).toISOString(),
      context.actor.type,
      context.actor.id,
      entry.entityType,
      AuditAction.CREATE,
      entry.toStatus,
      entry.reason,
      context.requestId,
      events,
    ],
  );
}
