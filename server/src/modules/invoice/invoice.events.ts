import type { EntityManager } from '@mikro-orm/postgresql';
import { announce, audienceTag, declareAudience, snapshotOf, type RaccordEvent } from '../../common/events.js';
import type { Metrics } from '../../common/metrics.js';
import type { Invoice, InvoiceLine } from './invoice.entity.js';
import { invoiceWilayaCodes } from './invoice.service.js';

/** What changed on an invoice, as subscribers are told. */
export enum InvoiceChange {
  LINE_ADDED = 'LINE_ADDED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  CREDITED = 'CREDITED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  /** Not a change: the subscription started without `after`; refetch what you show (its position is where to resume). */
  RESYNC = 'RESYNC',
}

/** An invoice changed. */
export interface InvoiceChangedEvent {
  readonly invoiceId: string;
  readonly contractorId: string;
  readonly change: InvoiceChange;
  /** The wilayas whose work it bills, as the change left it (who may see it). */
  readonly wilayaCodes: readonly string[];
  /** The invoice as the change left it (`snapshotOf`). */
  readonly record: Record<string, unknown>;
  /** LINE_ADDED: the lines this change billed (`snapshotOf` each); else empty. */
  readonly lines: readonly Record<string, unknown>[];
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    INVOICE_CHANGED: InvoiceChangedEvent;
  }
}

// Its firm, the wilayas it bills and the invoice: whom `wantsInvoiceChange` may give it to.
declareAudience('INVOICE_CHANGED', (event) => [
  audienceTag.contractor(event.contractorId),
  ...event.wilayaCodes.map(audienceTag.wilaya),
  audienceTag.record('invoice', event.invoiceId),
]);

/** Announces that `invoice` changed (see `announce`); a LINE_ADDED names the `lines` billed. */
export function announceInvoiceChange(
  em: EntityManager,
  invoice: Invoice,
  change: InvoiceChange,
  lines: readonly InvoiceLine[] = [],
): void {
  announce(em, 'INVOICE_CHANGED', async () => ({
    invoiceId: invoice.id,
    contractorId: invoice.contractor.id,
    change,
    wilayaCodes: await invoiceWilayaCodes(em, invoice.id),
    record: snapshotOf(em, invoice),
    lines: lines.map((line) => snapshotOf(em, line)),
  }));
}

/**
 * Counts the invoice events of a committed transaction (called for each one this process commits):
 * each acceptance bills its lines and announces LINE_ADDED on its invoice once; the other invoice
 * changes are transitions.
 */
export function countInvoiceChanges(metrics: Metrics, events: readonly RaccordEvent[]): void {
  for (const event of events) {
    if (event.topic !== 'INVOICE_CHANGED') continue;
    if (event.payload.change === InvoiceChange.LINE_ADDED) metrics.acceptances.inc();
    else metrics.invoiceTransitions.inc({ change: event.payload.change });
  }
}
