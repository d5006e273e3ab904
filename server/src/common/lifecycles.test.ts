import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from './errors.js';
import type { Lifecycle } from './lifecycle.js';
import { ContractorStatus as C } from '../modules/contractor/contractor.entity.js';
import { contractorLifecycle } from '../modules/contractor/contractor.lifecycle.js';
import { InvoiceStatus as I } from '../modules/invoice/invoice.entity.js';
import { invoiceLifecycle, issuedStatuses } from '../modules/invoice/invoice.lifecycle.js';
import { SiteStatus as S } from '../modules/site/site.entity.js';
import { siteLifecycle } from '../modules/site/site.lifecycle.js';

/**
 * The lifecycles of docs/domain.md ("Lifecycles") for invoices, contractors and sites, as tables written out by hand
 * (the customer subscription's is in customer-subscription.lifecycle.test.ts): every (status, action)
 * pair is either the transition written here or an INVALID_TRANSITION naming the current status.
 */
function checkTable<Status extends string, Action extends string>(
  lifecycle: Lifecycle<Status, Action>,
  statuses: readonly Status[],
  allowed: readonly [Status, Action, Status | 'PREVIOUS'][],
): void {
  const actions = Object.keys(lifecycle.transitions) as Action[];
  expect(actions.sort()).toEqual([...new Set(allowed.map(([, action]) => action))].sort());
  for (const action of actions) {
    for (const from of statuses) {
      const rule = allowed.find(([f, a]) => f === from && a === action);
      expect(lifecycle.allows(action, from), `${action} from ${from}`).toBe(rule !== undefined);
      if (rule) {
        const previous = statuses.find((status) => status !== from)!;
        expect(lifecycle.next(action, from, previous), `${action} from ${from}`).toBe(
          rule[2] === 'PREVIOUS' ? previous : rule[2],
        );
      } else {
        let refusal: unknown;
        try {
          lifecycle.next(action, from);
        } catch (error) {
          refusal = error;
        }
        expect(refusal, `${action} from ${from}`).toBeInstanceOf(DomainError);
        expect((refusal as DomainError).extensions).toMatchObject({
          code: ErrorCode.INVALID_TRANSITION,
          currentStatus: from,
          allowedFrom: allowed.filter(([, a]) => a === action).map(([f]) => f),
        });
      }
    }
  }
}

describe('lifecycles', () => {
  it('invoice: DRAFT → SUBMITTED → APPROVED | REVISION_REQUESTED (→ SUBMITTED) → PARTIALLY_PAID → PAID', () => {
    checkTable(invoiceLifecycle, Object.values(I), [
      [I.DRAFT, 'SUBMIT', I.SUBMITTED],
      [I.SUBMITTED, 'APPROVE', I.APPROVED],
      [I.SUBMITTED, 'REQUEST_REVISION', I.REVISION_REQUESTED],
      [I.REVISION_REQUESTED, 'RESUBMIT', I.SUBMITTED],
      [I.APPROVED, 'PAY_IN_PART', I.PARTIALLY_PAID],
      [I.PARTIALLY_PAID, 'PAY_IN_PART', I.PARTIALLY_PAID],
      [I.APPROVED, 'PAY_IN_FULL', I.PAID],
      [I.PARTIALLY_PAID, 'PAY_IN_FULL', I.PAID],
    ]);
    expect([...issuedStatuses].sort()).toEqual(
      Object.values(I)
        .filter((status) => status !== I.DRAFT)
        .sort(),
    );
  });

  it('contractor: PENDING_APPROVAL → ACTIVE ⇄ SUSPENDED → TERMINATED, an application terminated as well', () => {
    checkTable(contractorLifecycle, Object.values(C), [
      [C.PENDING_APPROVAL, 'APPROVE', C.ACTIVE],
      [C.ACTIVE, 'SUSPEND', C.SUSPENDED],
      [C.SUSPENDED, 'REACTIVATE', C.ACTIVE],
      [C.PENDING_APPROVAL, 'TERMINATE', C.TERMINATED],
      [C.SUSPENDED, 'TERMINATE', C.TERMINATED],
    ]);
  });

  it('site: PLANNED → ASSIGNED → IN_PROGRESS → COMPLETED → CLOSED, suspended and resumed to where it was', () => {
    checkTable(siteLifecycle, Object.values(S), [
      [S.PLANNED, 'ASSIGN', S.ASSIGNED],
      [S.ASSIGNED, 'ASSIGN', S.ASSIGNED],
      [S.ASSIGNED, 'START', S.IN_PROGRESS],
      [S.IN_PROGRESS, 'COMPLETE', S.COMPLETED],
      [S.COMPLETED, 'CLOSE', S.CLOSED],
      [S.PLANNED, 'SUSPEND', S.SUSPENDED],
      [S.ASSIGNED, 'SUSPEND', S.SUSPENDED],
      [S.IN_PROGRESS, 'SUSPEND', S.SUSPENDED],
      [S.SUSPENDED, 'RESUME', 'PREVIOUS'],
    ]);
    expect(() => siteLifecycle.next('RESUME', S.SUSPENDED, null)).toThrow(/no previous status/);
  });
});
