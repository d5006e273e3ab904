import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { CreditNote } from './credit-note.entity.js';
import { linesOfInvoices, type InvoiceLineRecord } from './invoice-records.js';
import { wilayaCodesByInvoice } from './invoice.service.js';
import { InvoicePayment } from './payment.entity.js';

/** Batch loaders of invoice facts, keyed by invoice id. */
export interface InvoiceLoaders {
  /** Codes of the wilayas whose work each invoice bills ("16", "31"…), sorted: one query for all the invoices asked. */
  readonly wilayaCodes: DataLoader<string, string[]>;
  /** Each invoice's lines in the order they were billed, as rows: one query for all the invoices asked. */
  readonly lines: DataLoader<string, InvoiceLineRecord[]>;
  /** Each invoice's payments, oldest first: one query for all the invoices asked. */
  readonly payments: DataLoader<string, InvoicePayment[]>;
  /** Each invoice's credit notes, oldest first: one query for all the invoices asked. */
  readonly creditNotes: DataLoader<string, CreditNote[]>;
}

/** `items` of each invoice of `invoiceIds`, in their order. */
function byInvoice<T extends { invoice: { id: string } }>(invoiceIds: readonly string[], items: readonly T[]): T[][] {
  const grouped = new Map<string, T[]>(invoiceIds.map((id) => [id, []]));
  for (const item of items) grouped.get(item.invoice.id)?.push(item);
  return invoiceIds.map((id) => grouped.get(id)!);
}

export function createInvoiceLoaders(em: EntityManager): InvoiceLoaders {
  return {
    wilayaCodes: new DataLoader(async (invoiceIds) => {
      const codes = await wilayaCodesByInvoice(em, invoiceIds);
      return invoiceIds.map((id) => codes.get(id)!);
    }),
    lines: new DataLoader(async (invoiceIds) => byInvoice(invoiceIds, await linesOfInvoices(em, invoiceIds))),
    payments: new DataLoader(async (invoiceIds) =>
      byInvoice(
        invoiceIds,
        await em.find(InvoicePayment, { invoice: { $in: [...invoiceIds] } }, { orderBy: { id: 'asc' } }),
      ),
    ),
    creditNotes: new DataLoader(async (invoiceIds) =>
      byInvoice(
        invoiceIds,
        await em.find(CreditNote, { invoice: { $in: [...invoiceIds] } }, { orderBy: { id: 'asc' } }),
      ),
    ),
  };
}
