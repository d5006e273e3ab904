import { raw, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CustomerSubscription, CustomerSubscriptionStatus } from './customer-subscription.entity.js';

/** How many customer subscriptions are in one status. */
export interface StatusCount {
  status: CustomerSubscriptionStatus;
  count: number;
}

/** Whose work to count: a contractor's, in the given wilayas only (a DOT manager's), or everywhere (null). */
export interface ContractorWorkKey {
  readonly contractorId: string;
  readonly wilayaCodes: readonly string[] | null;
}

/** Batch loaders of work figures. */
export interface CustomerSubscriptionLoaders {
  /**
   * Customer subscriptions of each contractor by status (statuses with none left out), counted in
   * the key's wilayas only when it names some: one `GROUP BY` per set of wilayas asked.
   */
  readonly countsByContractor: DataLoader<ContractorWorkKey, StatusCount[], string>;
}

/** The wilayas a key counts in, as one string ("*" for everywhere). */
function scopeOf(key: ContractorWorkKey): string {
  return key.wilayaCodes === null ? '*' : [...key.wilayaCodes].sort().join(',');
}

export function createCustomerSubscriptionLoaders(em: EntityManager): CustomerSubscriptionLoaders {
  return {
    countsByContractor: new DataLoader(
      async (keys) => {
        const order = Object.values(CustomerSubscriptionStatus);
        const counts = new Map<string, StatusCount[]>();
        const scopes = new Map<string, readonly string[] | null>(keys.map((key) => [scopeOf(key), key.wilayaCodes]));
        for (const [scope, wilayaCodes] of scopes) {
          const contractorIds = keys.filter((key) => scopeOf(key) === scope).map((key) => key.contractorId);
          const rows = await em
            .createQueryBuilder(CustomerSubscription, 'cs')
            .select(['cs.contractor', 'cs.status', raw('count(*)::int as count')])
            .where({ contractor: { $in: contractorIds }, ...(wilayaCodes === null ? {} : { wilaya: { $in: [...wilayaCodes] } }) })
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
  };
}
