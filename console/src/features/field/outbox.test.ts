import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { backoffMs } from './outbox.ts';
import { attemptOfError, attemptOfUpload } from './transport.ts';

describe('the field outbox: what each answer means (issue 15 §4)', () => {
  it('waits 5 s after a first failure, doubling up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
  });

  it('takes a photo upload answered 200 or 201 as done, 401 as a sign-in to wait for, 5xx and 429 as transient, other refusals for good', () => {
    expect(attemptOfUpload(201, null)).toEqual({ outcome: 'done' });
    expect(attemptOfUpload(200, null)).toEqual({ outcome: 'done' });
    expect(attemptOfUpload(401, null)).toEqual({ outcome: 'signed-out' });
    expect(attemptOfUpload(503, null).outcome).toBe('transient');
    expect(attemptOfUpload(429, null).outcome).toBe('transient');
    expect(
      attemptOfUpload(413, {
        errors: [{ message: 'too large', extensions: { code: 'PHOTO_TOO_LARGE', field: 'file' } }],
      }),
    ).toEqual({
      outcome: 'refused',
      problems: [{ code: 'PHOTO_TOO_LARGE', field: 'file', message: 'too large' }],
    });
    expect(attemptOfUpload(404, 'not json')).toEqual({
      outcome: 'refused',
      problems: [{ code: 'HTTP_404', field: null, message: '' }],
    });
  });

  it('takes no answer or a server error as transient, an ended session as a sign-in, a coded refusal for good', () => {
    expect(attemptOfError(undefined)).toEqual({ outcome: 'done' });
    expect(attemptOfError(new CombinedError({ networkError: new TypeError('Failed to fetch') })).outcome).toBe(
      'transient',
    );
    expect(
      attemptOfError(
        new CombinedError({ graphQLErrors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      ).outcome,
    ).toBe('transient');
    expect(
      attemptOfError(
        new CombinedError({ graphQLErrors: [{ message: 'signed out', extensions: { code: 'UNAUTHENTICATED' } }] }),
      ),
    ).toEqual({ outcome: 'signed-out' });
    for (const code of ['INVALID_TRANSITION', 'NOT_FOUND', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED']) {
      expect(
        attemptOfError(
          new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code, field: 'expectedVersion' } }] }),
        ),
      ).toEqual({
        outcome: 'refused',
        problems: [{ code, field: 'expectedVersion', message: 'no' }],
      });
    }
    const refused = attemptOfError(
      new CombinedError({
        graphQLErrors: [
          {
            message: 'bad',
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: [
                { field: 'receivedPowerDbm', reason: 'is required', reasonCode: 'REQUIRED', reasonParams: {} },
              ],
            },
          },
        ],
      }),
    );
    expect(refused).toEqual({
      outcome: 'refused',
      problems: [
        {
          code: 'BAD_USER_INPUT',
          field: null,
          message: 'bad',
          problems: [{ field: 'receivedPowerDbm', reason: 'is required', reasonCode: 'REQUIRED', reasonParams: {} }],
        },
      ],
    });
  });
});
