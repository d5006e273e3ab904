import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/errors.js';
import { CustomerSubscriptionStatus as S } from './customer-subscription.entity.js';
import {
  customerSubscriptionLifecycle as lifecycle,
  type CustomerSubscriptionAction,
} from './customer-subscription.lifecycle.js';

const all = Object.values(S);

/** Every allowed (from, action) → to of docs/domain.md ("Lifecycles"), written out by hand. */
const allowed: [S, CustomerSubscriptionAction, S][] = [
  [S.PENDING, 'ASSIGN', S.ASSIGNED],
  [S.ASSIGNED, 'ASSIGN', S.ASSIGNED],
  [S.SCHEDULED, 'ASSIGN', S.ASSIGNED],
  [S.ASSIGNED, 'SCHEDULE', S.SCHEDULED],
  [S.SCHEDULED, 'SCHEDULE', S.SCHEDULED],
  [S.SCHEDULED, 'REPORT_INSTALLATION', S.INSTALLED],
  [S.REJECTED, 'REPORT_INSTALLATION', S.INSTALLED],
  [S.INSTALLED, 'ACCEPT', S.ACCEPTED],
  [S.INSTALLED, 'REJECT', S.REJECTED],
  ...[S.PENDING, S.ASSIGNED, S.SCHEDULED, S.INSTALLED, S.REJECTED].flatMap((from) => [
    [from, 'FAIL', S.FAILED] as [S, CustomerSubscriptionAction, S],
    [from, 'CANCEL', S.CANCELLED] as [S, CustomerSubscriptionAction, S],
  ]),
];

describe('customer subscription lifecycle', () => {
  it('allows exactly the transitions of docs/domain.md', () => {
    const actions = Object.keys(lifecycle.transitions) as CustomerSubscriptionAction[];
    for (const from of all) {
      for (const action of actions) {
        const expected = allowed.find(([f, a]) => f === from && a === action);
        if (expected) {
          expect(lifecycle.next(action, from)).toBe(expected[2]);
        } else {
          expect(() => lifecycle.next(action, from), `${action} from ${from}`).toThrow(DomainError);
        }
      }
    }
  });

  it('names the current status and the allowed ones when it refuses', () => {
    try {
      lifecycle.next('SCHEDULE', S.ACCEPTED);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).extensions).toEqual({
        code: 'INVALID_TRANSITION',
        currentStatus: 'ACCEPTED',
        allowedFrom: ['ASSIGNED', 'SCHEDULED'],
      });
    }
  });

  it('ends in ACCEPTED, FAILED and CANCELLED: nothing leaves them', () => {
    for (const terminal of [S.ACCEPTED, S.FAILED, S.CANCELLED]) {
      for (const action of Object.keys(lifecycle.transitions) as CustomerSubscriptionAction[]) {
        expect(lifecycle.allows(action, terminal)).toBe(false);
      }
    }
  });
});
