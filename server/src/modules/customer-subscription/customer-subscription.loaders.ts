import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findRows } from '../../database/entity-manager.js';
import { AuditAction, AuditEntityType, AuditEvent } from '../audit/audit-event.entity.js';
import { CustomerSubscription, CustomerSubscriptionStatus } from './customer-subscription.entity.js';
import { fieldStatuses } from './customer-subscription.lifecycle.js';
import { InstallationReport } from './installation-report.entity.js';

/** How many customer subscriptions are in one status. */
export interface StatusCount {
  status: CustomerSubscriptionStatus;
  count: number;
}

/**
 * Whose work to count: a contractor's, in the given wilayas only (a DOT manager's), or everywhere
 * (null); for a technician (`technicianId`), only the open work it sees (`workScope`).
 */
export interface ContractorWorkKey {
  readonly contractorId: string;
  readonly wilayaCodes: readonly string[] | null;
  readonly technicianId: string | null;
}

/** Batch loaders of work figures. */
export interface CustomerSubscriptionLoaders {
  /**
   * Customer subscriptions of each contractor by status (statuses with none left out), counted in
   * the key's wilayas only when it names some, and a technician's work only when it names one: one
   * `GROUP BY` per scope asked.
   */
  readonly countsByContractor: DataLoader<ContractorWorkKey, StatusCount[], string>;
  /**
   * The reserves of each customer subscription's latest rejection, as its audit event holds them
   * (empty when it was never rejected): one query for the batch.
   */
  readonly latestReserves: DataLoader<string, string[]>;
  /**
   * The latest installation report of each customer subscription (null before any): one statement for
   * the batch. A report written during the operation clears its subscription's entry (`reportInstallation`).
   */
  readonly latestReports: DataLoader<string, InstallationReport | null>;
  /**
   * AT's order reference of each customer subscription ("CMD-16-2026-000123"), the number people
   * know the work by: one statement for the batch, its rows read with no entity made.
   */
  readonly orderReferences: DataLoader<string, string>;
}

/** The wilayas a key counts in ("*" for everywhere) and its technician, as one string. */
function scopeOf(key: ContractorWorkKey): string {
  return `${key.wilayaCodes === null ? '*' : [...key.wilayaCodes].sort().join(',')}/${key.technicianId ?? '*'}`;
}

/** The condition of a key's scope: its wilayas, and a technician's sight (its firm's open work, given to it or to no one). */
function conditionOf(key: ContractorWorkKey): Record<string, unknown> {
  return {
    ...(key.wilayaCodes === null ? {} : { wilaya: { $in: [...key.wilayaCodes] } }),
    ...(key.technicianId === null
      ? {}
      : { status: { $in: [...fieldStatuses] }, $or: [{ technician: key.technicianId }, { technician: null }] }),
  };
}

export function createCustomerSubscriptionLoaders(em: EntityManager): CustomerSubscriptionLoaders {
  return {
    countsByContractor: new DataLoader(
      async (keys) => {
        const order = Object.values(CustomerSubscriptionStatus);
        const counts = new Map<string, StatusCount[]>();
        const scopes = new Map<string, ContractorWorkKey>(keys.map((key) => [scopeOf(key), key]));
        for (const [scope, sample] of scopes) {
          const contractorIds = keys.filter((key) => scopeOf(key) === scope).map((key) => key.contractorId);
          const rows = await em
            .createQueryBuilder(CustomerSubscription, 'cs')
            .select(['cs.contractor', 'cs.status', raw('count(*)::int as count')])
            .where({
              $and: [{ contractor: { $in: contractorIds } }, conditionOf(sample) as FilterQuery<CustomerSubscription>],
            })
            .groupBy(['cs.contractor', 'cs.status'])
            .execute<{ contractor_id: string; status: CustomerSubscriptionStatus; count: number }[]>('all', false);
          for (const id of contractorIds) {
            counts.set(
              `${id}:${scope}`,
              rows
                .filter((row) => String(row.contractor_id) === id)
                .map((row) => ({ status: row.status, count: row.count }))
                .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status)),
            );
          }
        }
        return keys.map((key) => counts.get(`${key.contractorId}:${scopeOf(key)}`) ?? []);
      },
      { cacheKeyFn: (key) => `${key.contractorId}:${scopeOf(key)}` },
    ),
    latestReserves: new DataLoader(async (ids) => {
      const rejections = await em.find(
        AuditEvent,
        {
          entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
          entityId: { $in: [...ids] },
          action: AuditAction.TRANSITION,
          toStatus: CustomerSubscriptionStatus.REJECTED,
        },
        { fields: ['entityId', 'changes'], orderBy: { id: 'asc' } },
      );
      // The latest rejection of each wins: later ones overwrite earlier ones.
      const reserves = new Map(
        rejections.map((event) => [
          event.entityId,
          (event.changes.find((change) => change.field === 'reserves')?.to as string[] | undefined) ?? [],
        ]),
      );
      return ids.map((id) => reserves.get(id) ?? []);
    }),
    latestReports: new DataLoader(async (ids) => {
      const latest = em
        .createQueryBuilder(InstallationReport, 'latest')
        .select(raw('max(latest.id)'))
        .where({ customerSubscription: { $in: [...ids] } })
        .groupBy('latest.customerSubscription');
      const reports = await em
        .createQueryBuilder(InstallationReport, 'report')
        .select('*')
        .where({ id: { $in: latest.getKnexQuery() } })
        .getResultList();
      const bySubscription = new Map(reports.map((report) => [report.customerSubscription.id, report]));
      return ids.map((id) => bySubscription.get(id) ?? null);
    }),
    orderReferences: new DataLoader(async (ids) => {
      const rows = await findRows(em, CustomerSubscription, { id: { $in: [...ids] } });
      const references = new Map(rows.map((row) => [String(row.id), row.orderReference!]));
      return ids.map((id) => references.get(id) ?? new Error(`no customer subscription ${id}`));
    }),
  };
}
