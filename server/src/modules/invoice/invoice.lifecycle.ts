import { Lifecycle } from '../../common/lifecycle.js';
import { InvoiceStatus } from './invoice.entity.js';

/**
 * The changes of an invoice's status (docs/domain.md, "Lifecycles"): DRAFT → SUBMITTED → APPROVED | REVISION_REQUESTED
 * (→ SUBMITTED again once revised) → PARTIALLY_PAID → PAID. An issued invoice is never edited or
 * deleted: credit notes correct it.
 */
export type InvoiceAction = 'SUBMIT' | 'APPROVE' | 'REQUEST_REVISION' | 'RESUBMIT' | 'PAY_IN_PART' | 'PAY_IN_FULL';

const { DRAFT, SUBMITTED, APPROVED, REVISION_REQUESTED, PARTIALLY_PAID, PAID } = InvoiceStatus;

export const invoiceLifecycle = new Lifecycle<InvoiceStatus, InvoiceAction>('invoice', {
  SUBMIT: { from: [DRAFT], to: SUBMITTED },
  APPROVE: { from: [SUBMITTED], to: APPROVED },
  REQUEST_REVISION: { from: [SUBMITTED], to: REVISION_REQUESTED },
  RESUBMIT: { from: [REVISION_REQUESTED], to: SUBMITTED },
  PAY_IN_PART: { from: [APPROVED, PARTIALLY_PAID], to: PARTIALLY_PAID },
  PAY_IN_FULL: { from: [APPROVED, PARTIALLY_PAID], to: PAID },
});

/** Statuses of an issued invoice: numbered, frozen, correctable only by a credit note. */
export const issuedStatuses: readonly InvoiceStatus[] = [SUBMITTED, APPROVED, REVISION_REQUESTED, PARTIALLY_PAID, PAID];
