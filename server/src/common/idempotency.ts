import { startPruning, systemPruningClock, type PruningClock } from './pruning.js';
import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { stringify } from 'safe-stable-stringify';
import { z } from 'zod';
import type { Context } from '../context.js';
import { DomainError, ErrorCode } from './errors.js';
import { IdempotencyRecord } from './idempotency.entity.js';
import { now } from './time.js';

declare module '../context.js' {
  interface Settings {
    /** How long an idempotency key is kept, in hours (IDEMPOTENCY_KEY_TTL_HOURS); absent in scripts: the default. */
    readonly idempotencyKeyTtlHours?: number;
  }
}

/**
 * Idempotency keys are kept 7 days: longer than any client retries a request (the field view's
 * outbox resends a report when a phone that was offline over a weekend or a week in the field finds
 * the network again), short enough that the table stays small.
 */
export const defaultIdempotencyKeyTtlHours = 168;

/** An idempotency key as clients send it: 1–100 letters, digits, `-`, `_`, `.` or `:` (a UUID fits). */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'must be 1 to 100 letters, digits, ".", "_", ":" or "-" (a UUID fits)' })
  .nullish();

/** How an input's `idempotencyKey` field is described in the schema. */
export const idempotencyKeyDescription =
  'Optional idempotency key (1–100 of A–Z a–z 0–9 . _ : -, e.g. a UUID), per user or API key: a retry with the same key and input applies nothing again ' +
  'and returns what the first call produced, as it now stands; the same key with another input answers IDEMPOTENCY_KEY_REUSED. ' +
  'A key is kept 7 days (IDEMPOTENCY_KEY_TTL_HOURS), then forgotten: used again after that, it is a new key.';

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
 * - A key used longer ago than the period kept (`idempotencyKeyTtlHours`, by the context's clock):
 *   a new key, taken over by this run.
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
  const usedAt = now(context);
  const inserted = await em.getConnection().execute<{ key: string }[]>(
    `insert into idempotency_record (principal, key, operation, request_hash, result_id, created_at)
     values (?, ?, ?, ?, '', ?)
     on conflict (principal, key) do update
       set operation = excluded.operation, request_hash = excluded.request_hash, result_id = '', created_at = excluded.created_at
       where idempotency_record.created_at <= ?
     returning key`,
    [principal, key, operation, requestHash, usedAt, expiredBefore(usedAt, context.settings?.idempotencyKeyTtlHours)],
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

/** The instant at or before which a key used is expired, `ttlHours` before `instant`. */
function expiredBefore(instant: Date, ttlHours = defaultIdempotencyKeyTtlHours): Date {
  return new Date(instant.getTime() - ttlHours * 3_600_000);
}

/** How often the server deletes the expired idempotency keys. */
export const idempotencyPruneIntervalMs = 60 * 60_000;

/**
 * Deletes the idempotency keys used longer ago than `ttlHours` (an expired key is a new key anyway:
 * see `idempotent`): once at start, then every `idempotencyPruneIntervalMs`. Several server
 * processes may run it at once. Failures are logged and retried at the next run. Returns `stop()`,
 * which cancels the timer and waits for a run in progress.
 */
export function startIdempotencyKeyPruning(
  orm: MikroORM,
  logger: Logger,
  ttlHours: number,
  clock: PruningClock = systemPruningClock,
): { stop: () => Promise<void> } {
  return startPruning(
    idempotencyPruneIntervalMs,
    async () => {
      const pruned = await orm.em
        .fork()
        .nativeDelete(IdempotencyRecord, { createdAt: { $lte: expiredBefore(clock.now(), ttlHours) } });
      if (pruned > 0) logger.info({ pruned }, 'expired idempotency keys deleted');
    },
    (error) => logger.error({ err: error }, 'deleting expired idempotency keys failed; retried at the next run'),
    clock,
  );
}
