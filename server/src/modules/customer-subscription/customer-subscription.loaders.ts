import { raw, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CustomerSubscription, CustomerSubscriptionStatus } from './customer-subscription.entity.js';

/** How many customer subscriptions are in one status. */
export interface StatusCount {
  status: CustomerSubscriptionStatus;
  count: number;
}

/** Batch loaders of work figures. */
export interface CustomerSubscriptionLoaders {
  /** Customer subscriptions of each contractor by status (statuses with none left out), keyed by contractor id. */
  readonly countsByContractor: DataLoader<string, StatusCount[]>;
}

export function createCustomerSubscriptionLoaders(em: EntityManager): CustomerSubscriptionLoaders {
  return {
    countsByContractor: new DataLoader(async (contractorIds) => {
      const rows = await em
        .createQueryBuilder(CustomerSubscription, 'cs')
        .select(['cs.contractor', 'cs.status', raw('count(*)::int as count')])
        .where({ contractor: { $in: [...contractorIds] } })
        .groupBy(['cs.contractor', 'cs.status'])
        .execute<{ contractor_id: string; status: CustomerSubscriptionStatus; count: number }[]>('all', false);
      const order = Object.values(CustomerSubscriptionStatus);
      return contractorIds.map((id) =>
        rows
          .filter((row) => String(row.contractor_id) === id)
          .map((row) => ({ status: row.status, count: row.count }))
          .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status)),
      );
    }),
  };
}
