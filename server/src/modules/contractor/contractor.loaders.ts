import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Wilaya } from '../reference-data/wilaya.entity.js';

/** Batch loaders of contractor relations, keyed by contractor id. */
export interface ContractorLoaders {
  /**
   * Wilayas each contractor operates in, by code: one query for all the contractors asked, logged
   * with the operation's request id (MikroORM's collection dataloader loses its logger context).
   */
  readonly operatingWilayas: DataLoader<string, Wilaya[]>;
}

export function createContractorLoaders(em: EntityManager): ContractorLoaders {
  return {
    operatingWilayas: new DataLoader(async (contractorIds) => {
      const rows = await em
        .getConnection()
        .execute<{ contractor_id: string; wilaya_code: string }[]>(
          `select contractor_id, wilaya_code from contractor_wilaya where contractor_id in (${contractorIds.map(() => '?').join(', ')}) order by wilaya_code`,
          [...contractorIds],
          'all',
          em.getTransactionContext(),
          em.getLoggerContext(),
        );
      const wilayas = await em.find(Wilaya, { code: { $in: [...new Set(rows.map((row) => row.wilaya_code))] } });
      const byCode = new Map(wilayas.map((wilaya) => [wilaya.code, wilaya]));
      return contractorIds.map((id) =>
        rows.filter((row) => String(row.contractor_id) === id).map((row) => byCode.get(row.wilaya_code)!),
      );
    }),
  };
}
