import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';

/** Batch loaders of invoice facts, keyed by invoice id. */
export interface InvoiceLoaders {
  /**
   * Codes of the wilayas whose work each invoice bills ("16", "31"…), sorted: one query on
   * `invoice_wilaya` (kept by the database from the lines) for all the invoices asked.
   */
  readonly wilayaCodes: DataLoader<string, string[]>;
}

export function createInvoiceLoaders(em: EntityManager): InvoiceLoaders {
  return {
    wilayaCodes: new DataLoader(async (invoiceIds) => {
      const rows = await em
        .getConnection()
        .execute<{ invoice_id: string; wilaya_code: string }[]>('select "invoice_id", "wilaya_code" from "invoice_wilaya" where "invoice_id" in (?) order by 2', [[...invoiceIds]]);
      const codes = new Map<string, string[]>();
      for (const row of rows) codes.set(String(row.invoice_id), [...(codes.get(String(row.invoice_id)) ?? []), row.wilaya_code]);
      return invoiceIds.map((id) => codes.get(id) ?? []);
    }),
  };
}
