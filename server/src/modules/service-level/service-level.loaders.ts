import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { AuditAction, AuditEntityType, AuditEvent } from '../audit/audit-event.entity.js';
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

/** The appointment a change to SCHEDULED set (its `appointmentAt` change), or null. */
function appointmentOf(event: AuditEvent): Date | null {
  const set = event.changes.find((change) => change.field === 'appointmentAt')?.to;
  return typeof set === 'string' ? new Date(set) : null;
}

/** The status changes (creation included) of the records of `entityType` with `ids`, in one statement. */
function changesOf(em: EntityManager, entityType: AuditEntityType): DataLoader<string, StatusChange[]> {
  return new DataLoader(async (ids) => {
    const events = await em.find(
      AuditEvent,
      { entityType, entityId: { $in: [...ids] }, action: { $in: [AuditAction.CREATE, AuditAction.TRANSITION] } },
      { orderBy: { id: 'asc' } },
    );
    const byId = new Map<string, StatusChange[]>(ids.map((id) => [id, []]));
    for (const event of events) {
      if (event.toStatus === null) continue;
      byId.get(event.entityId)?.push({
        at: event.occurredAt,
        from: event.fromStatus,
        to: event.toStatus,
        appointmentAt: appointmentOf(event),
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
