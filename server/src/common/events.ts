import { createPubSub } from '@graphql-yoga/subscription';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What changed on an invoice, as subscribers are told. */
export enum InvoiceChange {
  LINE_ADDED = 'LINE_ADDED',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  CREDITED = 'CREDITED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
}

/** An invoice changed (published after its transaction committed). */
export interface InvoiceChangedEvent {
  readonly invoiceId: string;
  readonly contractorId: string;
  readonly change: InvoiceChange;
}

/** The topics and their payloads. */
export interface RaccordTopics {
  INVOICE_CHANGED: [InvoiceChangedEvent];
  [topic: string]: [unknown];
}

/** The event bus GraphQL subscriptions listen to (in memory, within one process). */
export function createRaccordPubSub() {
  return createPubSub<RaccordTopics>();
}

export type RaccordPubSub = ReturnType<typeof createRaccordPubSub>;

type Pending = { topic: 'INVOICE_CHANGED'; payload: InvoiceChangedEvent };

/** Events announced inside a transaction, by the transaction's EntityManager, until it commits. */
const pendingByTransaction = new WeakMap<EntityManager, Pending[]>();

/** Opens the list of events of the transaction `em` (called by `inTransaction`). */
export function openEvents(em: EntityManager): Pending[] {
  const pending: Pending[] = [];
  pendingByTransaction.set(em, pending);
  return pending;
}

/**
 * Announces that `invoice` changed, once the transaction of `em` commits: a change rolled back is
 * never announced. Outside a transaction opened by `inTransaction`, nothing is announced.
 */
export function announceInvoiceChange(em: EntityManager, invoice: { id: string; contractor: { id: string } }, change: InvoiceChange): void {
  pendingByTransaction.get(em)?.push({ topic: 'INVOICE_CHANGED', payload: { invoiceId: invoice.id, contractorId: invoice.contractor.id, change } });
}

/** Publishes events of a committed transaction. */
export function publishEvents(pubSub: RaccordPubSub | undefined, pending: readonly Pending[]): void {
  if (!pubSub) return;
  for (const event of pending) pubSub.publish(event.topic, event.payload);
}
