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
  entity_id: string;
  occurred_at: Date;
  from_status: string | null;
  to_status: string;
  appointment_at: string | null;
  installed_at: string | null;
  paid_on: string | null;
}

/**
 * The status changes (creation included) of the records of `entityType` with `ids`, in one statement
 * that reads only what a clock needs (rows, not entities: a list of 100 records has some 500 events).
 */
function changesOf(em: EntityManager, entityType: AuditEntityType): DataLoader<string, StatusChange[]> {
  return new DataLoader(async (ids) => {
    const rows = await em.execute<ChangeRow[]>(
      `select entity_id, occurred_at, from_status, to_status,
              (select change->>'to' from jsonb_array_elements(changes) change
                where change->>'field' = 'appointmentAt' limit 1) as appointment_at,
              (select change->>'to' from jsonb_array_elements(changes) change
                where change->>'field' = 'installedAt' limit 1) as installed_at,
              (select change->'to'->>'paidOn' from jsonb_array_elements(changes) change
                where change->>'field' = 'payment' limit 1) as paid_on
         from audit_event
        where entity_type = ? and entity_id in (?) and action in (?, ?) and to_status is not null
        order by id`,
      [entityType, [...ids], AuditAction.CREATE, AuditAction.TRANSITION],
    );
    const byId = new Map<string, StatusChange[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      byId.get(row.entity_id)?.push({
        at: new Date(row.occurred_at),
        from: row.from_status,
        to: row.to_status,
        appointmentAt: row.appointment_at === null ? null : new Date(row.appointment_at),
        installedAt: row.installed_at === null ? null : new Date(row.installed_at),
        paidOn: row.paid_on,
      });
    }
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
