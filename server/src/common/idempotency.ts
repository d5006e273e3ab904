import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'safe-stable-stringify';
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, ErrorCode } from './errors.js';
import { IdempotencyRecord } from './idempotency.entity.js';

/** An idempotency key as clients send it: 1–100 letters, digits, `-`, `_`, `.` or `:` (a UUID fits). */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'must be 1 to 100 letters, digits, ".", "_", ":" or "-" (a UUID fits)' })
  .nullish();

/** How an input's `idempotencyKey` field is described in the schema. */
export const idempotencyKeyDescription =
  'Optional idempotency key (1–100 of A–Z a–z 0–9 . _ : -, e.g. a UUID), per user or API key: a retry with the same key and input applies nothing again ' +
  'and returns what the first call produced, as it now stands; the same key with another input answers IDEMPOTENCY_KEY_REUSED.';

/**
 * Runs a money-moving mutation at most once per idempotency key, inside the caller's transaction.
 *
 * - No key: runs `work`.
 * - A new key: reserves it (an insert that makes a concurrent request with the same key wait for
 *   this transaction), runs `work`, and records the id of its result with it — committed together,
 *   so a failed run leaves the key free.
 * - A key already used by the same caller for the same operation and input: does not run `work`
 *   again and returns `replay(id)`: the record the first run produced, as it stands now.
 * - A key already used with another operation or input: `IDEMPOTENCY_KEY_REUSED`, nothing written.
 *
 * Keys belong to their caller (user or API key): two callers may use the same key independently.
 * `input` is hashed (SHA-256 of its canonical JSON, keys sorted) without its `idempotencyKey`.
 * @throws DomainError IDEMPOTENCY_KEY_REUSED (field `idempotencyKey`)
 */
export async function idempotent<T extends { id: string }>(
  em: EntityManager,
  context: Context,
  operation: string,
  input: { readonly idempotencyKey?: string | null | undefined; readonly [field: string]: unknown },
  work: () => Promise<T>,
  replay: (id: string) => Promise<T>,
): Promise<T> {
  const { idempotencyKey: key, ...rest } = input;
  if (!key) return work();
  const principal = `${context.actor.type}:${context.actor.id ?? ''}`;
  const requestHash = createHash('sha256')
    .update(stringify(rest) ?? '')
    .digest('hex');
  const inserted = await em.getConnection().execute<{ key: string }[]>(
    `insert into idempotency_record (principal, key, operation, request_hash, result_id, created_at)
     values (?, ?, ?, ?, '', now()) on conflict do nothing returning key`,
    [principal, key, operation, requestHash],
    'all',
    em.getTransactionContext(),
    em.getLoggerContext(),
  );
  if (inserted.length === 0) {
    const first = await em.findOneOrFail(IdempotencyRecord, { principal, key }, { refresh: true });
    if (first.operation !== operation || first.requestHash !== requestHash) {
      throw new DomainError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        `This idempotency key was already used for ${first.operation === operation ? 'another input' : first.operation}: use a new key for a new request`,
        { field: 'idempotencyKey' },
      );
    }
    return replay(first.resultId);
  }
  const result = await work();
  await em.flush();
  await em.nativeUpdate(IdempotencyRecord, { principal, key }, { resultId: result.id });
  return result;
}
