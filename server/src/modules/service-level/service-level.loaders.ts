import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import type { StatusChange } from './service-level-clocks.js';
import { readServiceLevelRules, type ServiceLevelRules } from './service-level.service.js';

/** Batch loaders of what service-level clocks are computed from. */
export interface ServiceLevelLoaders {
  /** The service levels and public holidays, read once per operation. */
  rules(): Promise<ServiceLevelRules>;
  /** The changes of status of customer subscriptions, by id, from their audit trail (oldest first). */
  readonly workChanges: DataLoader<string, StatusChange[]>;
  /** The changes of status of invoices, by id, from their audit trail (oldest first). */
  readonly invoiceChanges: DataLoader<string, StatusChange[]>;
}

/** A status change as read from the audit trail, its appointment (if it set one) as text. */
interface ChangeRow {
  event_id: string;
  entity_id: string;
  occurred_at: Date;
  from_status: string | null;
  to_status: string;
  appointment_at: string | null;
  installed_at: string | null;
  paid_on: string | null;
  contractor_id: string | null;
  contractor_changed: boolean;
  failure_reason: string | null;
  reserves: string[] | null;
}

/**
 * The status changes (creation included) of the records of `entityType` with `ids`, by id, oldest
 * first, in one statement that reads only what a clock and a scorecard need (rows, not entities: a
 * list of 100 records has some 500 events).
 */
export async function readStatusChanges(
  em: EntityManager,
  entityType: AuditEntityType,
  ids: readonly string[],
): Promise<Map<string, StatusChange[]>> {
  const byId = new Map<string, StatusChange[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await em.execute<ChangeRow[]>(
    `select id::text as event_id, entity_id, occurred_at, from_status, to_status,
            (select change->>'to' from jsonb_array_elements(changes) change
              where change->>'field' = 'appointmentAt' limit 1) as appointment_at,
            (select change->>'to' from jsonb_array_elements(changes) change
              where change->>'field' = 'installedAt' limit 1) as installed_at,
            (select change->'to'->>'paidOn' from jsonb_array_elements(changes) change
              where change->>'field' = 'payment' limit 1) as paid_on,
            (select change->>'to' from jsonb_array_elements(changes) change
              where change->>'field' = 'contractorId' limit 1) as contractor_id,
            exists (select from jsonb_array_elements(changes) change
                     where change->>'field' = 'contractorId') as contractor_changed,
            (select change->>'to' from jsonb_array_elements(changes) change
              where change->>'field' = 'failureReason' limit 1) as failure_reason,
            (select change->'to' from jsonb_array_elements(changes) change
              where change->>'field' = 'reserves' limit 1) as reserves
       from audit_event
      where entity_type = ? and entity_id in (?) and action in (?, ?) and to_status is not null
      order by audit_event.id`,
    [entityType, [...ids], AuditAction.CREATE, AuditAction.TRANSITION],
  );
  for (const row of rows) {
    byId.get(row.entity_id)?.push({
      eventId: row.event_id,
      at: new Date(row.occurred_at),
      from: row.from_status,
      to: row.to_status,
      appointmentAt: row.appointment_at === null ? null : new Date(row.appointment_at),
      installedAt: row.installed_at === null ? null : new Date(row.installed_at),
      paidOn: row.paid_on,
      ...(row.contractor_changed ? { contractorId: row.contractor_id } : {}),
      failureReason: row.failure_reason,
      reserves: row.reserves,
    });
  }
  return byId;
}

function changesOf(em: EntityManager, entityType: AuditEntityType): DataLoader<string, StatusChange[]> {
  return new DataLoader(async (ids) => {
    const byId = await readStatusChanges(em, entityType, ids);
    return ids.map((id) => byId.get(id)!);
  });
}

/** One operation's service-level loaders, on its EntityManager fork `em`. */
export function createServiceLevelLoaders(em: EntityManager): ServiceLevelLoaders {
  let rules: Promise<ServiceLevelRules> | null = null;
  return {
    rules: () => (rules ??= readServiceLevelRules(em)),
    workChanges: changesOf(em, AuditEntityType.CUSTOMER_SUBSCRIPTION),
    invoiceChanges: changesOf(em, AuditEntityType.INVOICE),
  };
}
