import { raw, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
} from '../customer-subscription/customer-subscription.entity.js';
import { Site } from './site.entity.js';

/** Batch loaders of site figures, keyed by site id. */
export interface SiteLoaders {
  /** Customer subscriptions ACCEPTED on each site: one `GROUP BY` for all the sites asked. */
  readonly acceptedConnections: DataLoader<string, number>;
  /** Number of sites of each contractor, keyed by contractor id. */
  readonly siteCountByContractor: DataLoader<string, number>;
}

export function createSiteLoaders(em: EntityManager): SiteLoaders {
  return {
    acceptedConnections: new DataLoader(async (siteIds) => {
      const rows = await em
        .createQueryBuilder(CustomerSubscription, 'cs')
        .select(['cs.site', raw('count(*)::int as count')])
        .where({ site: { $in: [...siteIds] }, status: CustomerSubscriptionStatus.ACCEPTED })
        .groupBy('cs.site')
        .execute<{ site_id: string; count: number }[]>('all', false);
      const counts = new Map(rows.map((row) => [String(row.site_id), row.count]));
      return siteIds.map((id) => counts.get(id) ?? 0);
    }),
    siteCountByContractor: new DataLoader(async (contractorIds) => {
      const rows = await em
        .createQueryBuilder(Site, 's')
        .select(['s.contractor', raw('count(*)::int as count')])
        .where({ contractor: { $in: [...contractorIds] } })
        .groupBy('s.contractor')
        .execute<{ contractor_id: string; count: number }[]>('all', false);
      const counts = new Map(rows.map((row) => [String(row.contractor_id), row.count]));
      return contractorIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
