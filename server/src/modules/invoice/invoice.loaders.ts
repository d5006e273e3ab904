import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { wilayaCodesByInvoice } from './invoice.service.js';

/** Batch loaders of invoice facts, keyed by invoice id. */
export interface InvoiceLoaders {
  /** Codes of the wilayas whose work each invoice bills ("16", "31"…), sorted: one query for all the invoices asked. */
  readonly wilayaCodes: DataLoader<string, string[]>;
}

export function createInvoiceLoaders(em: EntityManager): InvoiceLoaders {
  return {
    wilayaCodes: new DataLoader(async (invoiceIds) => {
      const codes = await wilayaCodesByInvoice(em, invoiceIds);
      return invoiceIds.map((id) => codes.get(id)!);
    }),
  };
}
