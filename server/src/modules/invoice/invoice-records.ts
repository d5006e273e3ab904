import type { EntityData, EntityManager } from '@mikro-orm/postgresql';
import { findRows } from '../../database/entity-manager.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';

/*
 * Queries answer invoices and their lines from rows, not entities: an invoice holds hundreds of
 * lines, and making an entity of each (identity map, hydration) cost most of a request. Mutations
 * and events still give entities; the GraphQL fields read both, relations by their `id`. Every field
 * of these types that is not a plain column is resolved by a resolver class, never by a getter of
 * the entity: type-graphql would make an entity of each row to call a getter.
 */

/** An invoice as its GraphQL fields read it: the entity, or a row of a query (its contractor as `{ id }`). */
export type InvoiceRecord = Omit<Invoice, 'contractor' | 'lines' | 'payments' | 'creditNotes'> & {
  readonly contractor: { readonly id: string };
};

/** An invoice line as its GraphQL fields read it: the entity, or a row of a query (its relations as `{ id }`). */
export type InvoiceLineRecord = Omit<InvoiceLine, 'invoice' | 'customerSubscription'> & {
  readonly invoice: { readonly id: string };
  readonly customerSubscription: { readonly id: string };
};

/** A row of `findRows(…, Invoice, …)` as an `InvoiceRecord`. */
export function invoiceRecord(row: EntityData<Invoice>): InvoiceRecord {
  const { contractor, ...columns } = row;
  return { ...(columns as Omit<InvoiceRecord, 'contractor'>), contractor: { id: String(contractor) } };
}

/** A row of `findRows(…, InvoiceLine, …)` as an `InvoiceLineRecord`. */
function invoiceLineRecord(row: EntityData<InvoiceLine>): InvoiceLineRecord {
  const { invoice, customerSubscription, ...columns } = row;
  return {
    ...(columns as Omit<InvoiceLineRecord, 'invoice' | 'customerSubscription'>),
    invoice: { id: String(invoice) },
    customerSubscription: { id: String(customerSubscription) },
  };
}

/** The lines of the invoices of `invoiceIds`, in the order they were billed: one statement for them all, no entity made. */
export async function linesOfInvoices(em: EntityManager, invoiceIds: readonly string[]): Promise<InvoiceLineRecord[]> {
  const rows = await findRows(em, InvoiceLine, { invoice: { $in: [...invoiceIds] } }, { orderBy: { id: 'asc' } });
  return rows.map(invoiceLineRecord);
}
