import { raw, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
} from '../customer-subscription/customer-subscription.entity.js';
import { findRecords } from '../../common/rows.js';
import { Site } from './site.entity.js';

/**
 * A site as a read answers it, from its row with no entity made (`recordsOf`): its columns, and the
 * records it refers to by key, as an entity's references show them; the field resolvers read either.
 */
export type SiteRecord = Omit<Site, 'commune' | 'wilaya' | 'contractor'> & {
  readonly commune: { readonly id: number };
  readonly wilaya: { readonly code: string };
  readonly contractor: { readonly id: string } | null;
};

/** Batch loaders of sites and site figures, keyed by site id. */
export interface SiteLoaders {
  /** The sites of these ids (those that exist), as rows: one statement for all the ids asked. */
  readonly byId: DataLoader<string, SiteRecord | null>;
  /** Customer subscriptions ACCEPTED on each site: one `GROUP BY` for all the sites asked. */
  readonly acceptedConnections: DataLoader<string, number>;
  /** Number of sites of each contractor, keyed by contractor id. */
  readonly siteCountByContractor: DataLoader<string, number>;
}

export function createSiteLoaders(em: EntityManager): SiteLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const records = await findRecords<Site, SiteRecord>(em, Site, { id: { $in: [...ids] } });
      const byId = new Map(records.map((record) => [record.id, record]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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
