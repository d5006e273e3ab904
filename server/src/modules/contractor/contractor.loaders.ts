import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findRecords } from '../../common/rows.js';
import { Contractor } from './contractor.entity.js';

/**
 * A contractor as a read answers it, from its row with no entity made (`recordsOf`): its columns,
 * and its commune by id, as an entity's reference shows it; the field resolvers read either.
 */
export type ContractorRecord = Omit<Contractor, 'commune' | 'operatingWilayas'> & {
  readonly commune: { readonly id: number };
};

/** Batch loaders of contractors and their relations, keyed by contractor id. */
export interface ContractorLoaders {
  /** The contractors of these ids (those that exist), as rows: one statement for all the ids asked. */
  readonly byId: DataLoader<string, ContractorRecord | null>;
  /**
   * Codes of the wilayas each contractor operates in, in order: one query for all the contractors
   * asked, logged with the operation's request id (MikroORM's collection dataloader loses its logger context).
   */
  readonly operatingWilayaCodes: DataLoader<string, string[]>;
}

export function createContractorLoaders(em: EntityManager): ContractorLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const records = await findRecords<Contractor, ContractorRecord>(em, Contractor, { id: { $in: [...ids] } });
      const byId = new Map(records.map((record) => [record.id, record]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    operatingWilayaCodes: new DataLoader(async (contractorIds) => {
      const rows = await em
        .getConnection()
        .execute<{ contractor_id: string; wilaya_code: string }[]>(
          `select contractor_id, wilaya_code from contractor_wilaya where contractor_id in (${contractorIds.map(() => '?').join(', ')}) order by wilaya_code`,
          [...contractorIds],
          'all',
          em.getTransactionContext(),
          em.getLoggerContext(),
        );
      return contractorIds.map((id) =>
        rows.filter((row) => String(row.contractor_id) === id).map((row) => row.wilaya_code),
      );
    }),
  };
}
