import { raw, type EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Commune } from './commune.entity.js';

/** Batch loaders of reference data, keyed by wilaya code ("01"…). */
export interface ReferenceDataLoaders {
  /** Number of communes in each wilaya, in one `GROUP BY` query for all the wilayas asked. */
  readonly communeCountByWilaya: DataLoader<string, number>;
  /** Communes of each wilaya ordered by French name, in one query for all the wilayas asked. */
  readonly communesByWilaya: DataLoader<string, Commune[]>;
}

export function createReferenceDataLoaders(em: EntityManager): ReferenceDataLoaders {
  return {
    communeCountByWilaya: new DataLoader(async (codes) => {
      const rows = await em
        .createQueryBuilder(Commune, 'c')
        .select(['c.wilaya', raw('count(*)::int as count')])
        .where({ wilaya: { $in: [...codes] } })
        .groupBy('c.wilaya')
        .execute<{ wilaya_code: string; count: number }[]>('all', false);
      const counts = new Map(rows.map((row) => [row.wilaya_code, row.count]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
    communesByWilaya: new DataLoader(async (codes) => {
      const communes = await em.find(Commune, { wilaya: { $in: [...codes] } }, { orderBy: { name: 'asc', id: 'asc' } });
      const byWilaya = new Map<string, Commune[]>(codes.map((code) => [code, []]));
      for (const commune of communes) byWilaya.get(commune.wilaya.code)?.push(commune);
      return codes.map((code) => byWilaya.get(code) ?? []);
    }),
  };
}
