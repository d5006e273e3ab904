import type { EntityManager } from '@mikro-orm/postgresql';
import { announce, type RaccordEvent } from '../../common/events.js';
import type { Metrics } from '../../common/metrics.js';

/** What changed on an invoice, as subscribers are told. */
export enum InvoiceChange {
  LINE_ADDED = 'LINE_ADDED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  CREDITED = 'CREDITED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  /** Not a change: events may have been missed (the subscription (re)started, or Redis was down); refetch what you show. */
  RESYNC = 'RESYNC',
}

/** An invoice changed. */
export interface InvoiceChangedEvent {
  readonly invoiceId: string;
  readonly contractorId: string;
  readonly change: InvoiceChange;
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    INVOICE_CHANGED: InvoiceChangedEvent;
  }
}

/** Announces that `invoice` changed (see `announce`). */
export function announceInvoiceChange(
  em: EntityManager,
  invoice: { id: string; contractor: { id: string } },
  change: InvoiceChange,
): void {
  announce(em, 'INVOICE_CHANGED', () => ({ invoiceId: invoice.id, contractorId: invoice.contractor.id, change }));
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
