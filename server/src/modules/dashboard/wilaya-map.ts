import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.entity.js';
import { openStatuses } from '../customer-subscription/customer-subscription.lifecycle.js';
import { listOf } from '../../common/query-limits.js';
import { SiteStatus } from '../site/site.entity.js';

/** At most this many points of each kind on a wilaya's map (the points with most sites or work first). */
export const wilayaMapPointLimit = 5000;

@ObjectType({ description: 'Sites of one status at one place on a map.' })
export class SiteMapPoint {
  @Field(() => Float, { description: 'Latitude, decimal degrees (WGS 84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, decimal degrees (WGS 84).' })
  longitude!: number;

  @Field(() => SiteStatus, { description: 'Their status.' })
  status!: SiteStatus;

  @Field(() => Int, { description: 'How many sites of this status are at this place.' })
  sites!: number;
}

@ObjectType({ description: 'Open work (customer subscriptions) of one status at one place on a map.' })
export class WorkMapPoint {
  @Field(() => Float, { description: 'Latitude, decimal degrees (WGS 84).' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, decimal degrees (WGS 84).' })
  longitude!: number;

  @Field(() => CustomerSubscriptionStatus, {
    description: 'Their status: an open one (PENDING, ASSIGNED, SCHEDULED, INSTALLED or REJECTED).',
  })
  status!: CustomerSubscriptionStatus;

  @Field(() => Int, { description: 'How many customer subscriptions of this status are at this place.' })
  customerSubscriptions!: number;
}

@ObjectType({
  description:
    "What a wilaya's map shows: its sites and its open work as points, each at its map position — a site's own position when AT recorded one, " +
    "else its commune's centre; work at its site's own position when it has one, else at its commune's centre. Sites and work with no position " +
    '(in a commune whose centre is not trusted) are counted apart.',
})
export class WilayaMap {
  @Field(() => [SiteMapPoint], {
    description: `The sites by place and status, at most ${wilayaMapPointLimit} points (those with most sites first).`,
    complexity: listOf(wilayaMapPointLimit),
  })
  sites!: SiteMapPoint[];

  @Field(() => [WorkMapPoint], {
    description: `The open work by place and status, at most ${wilayaMapPointLimit} points (those with most work first).`,
    complexity: listOf(wilayaMapPointLimit),
  })
  openWork!: WorkMapPoint[];

  @Field(() => Int, { description: 'Sites of the wilaya with no map position.' })
  sitesWithoutPosition!: number;

  @Field(() => Int, { description: 'Open work of the wilaya with no map position.' })
  openWorkWithoutPosition!: number;

  @Field(() => Boolean, { description: `Whether points were left out beyond ${wilayaMapPointLimit} of a kind.` })
  truncated!: boolean;
}

interface PointRow {
  latitude: number | null;
  longitude: number | null;
  status: string;
  n: string;
}

/**
 * Reads the map of `wilayaCode`: its sites and open work grouped by map position and status, through
 * the (wilaya, …) indexes of sites and work; positioned points with most first, at most
 * `wilayaMapPointLimit` of each kind (plus one, to tell a cut).
 */
export async function readWilayaMap(em: EntityManager, wilayaCode: string): Promise<WilayaMap> {
  const connection = em.getConnection();
  /** The site's own position when it has one, else its commune's centre (`place` "latitude" or "longitude"). */
  const at = (place: 'latitude' | 'longitude') =>
    `case when s."latitude" is not null and s."longitude" is not null then s."${place}" else c."${place}" end`;
  // Enough rows for every positioned point allowed, one more to tell a cut, and the unpositioned ones (one per status).
  const rows = wilayaMapPointLimit + 1 + Object.keys(SiteStatus).length;
  const [siteRows, workRows] = await Promise.all([
    connection.execute<PointRow[]>(
      `select ${at('latitude')} as "latitude", ${at('longitude')} as "longitude", s."status"::text as "status", count(*)::text as "n"
         from "site" s join "commune" c on c."id" = s."commune_id"
        where s."wilaya_code" = ?
        group by 1, 2, 3 order by ${at('latitude')} is null desc, count(*) desc limit ?`,
      [wilayaCode, rows],
    ),
    connection.execute<PointRow[]>(
      `select ${at('latitude')} as "latitude", ${at('longitude')} as "longitude", w."status"::text as "status", count(*)::text as "n"
         from "customer_subscription" w
         join "commune" c on c."id" = w."commune_id"
         left join "site" s on s."id" = w."site_id"
        where w."wilaya_code" = ? and w."status" in (${openStatuses.map(() => '?').join(', ')})
        group by 1, 2, 3 order by ${at('latitude')} is null desc, count(*) desc limit ?`,
      [wilayaCode, ...openStatuses, rows],
    ),
  ]);
  const split = (rows: PointRow[]) => {
    const unplaced = rows.filter((row) => row.latitude === null || row.longitude === null);
    const placed = rows.filter((row) => row.latitude !== null && row.longitude !== null);
    return {
      unplaced: unplaced.reduce((sum, row) => sum + Number(row.n), 0),
      placed: placed.slice(0, wilayaMapPointLimit).map((row) => ({
        latitude: row.latitude!,
        longitude: row.longitude!,
        status: row.status,
        n: Number(row.n),
      })),
      cut: placed.length > wilayaMapPointLimit,
    };
  };
  const sites = split(siteRows);
  const work = split(workRows);
  return {
    sites: sites.placed.map(({ n, status, ...place }) => ({ ...place, status: status as SiteStatus, sites: n })),
    openWork: work.placed.map(({ n, status, ...place }) => ({
      ...place,
      status: status as CustomerSubscriptionStatus,
      customerSubscriptions: n,
    })),
    sitesWithoutPosition: sites.unplaced,
    openWorkWithoutPosition: work.unplaced,
    truncated: sites.cut || work.cut,
  };
}
