import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { projectRoot } from '../../common/paths.js';

/** What sign-in needs, made once per app: the token key, the token lifetime and the attempt limiters (sign-in, password reset requests). */
export interface AuthRuntime {
  /** HMAC key of the tokens (HS256). */
  readonly secret: Uint8Array;
  readonly tokenTtlMinutes: number;
  /** Consecutive failed sign-ins per account and address pair: the 6th attempt in a row is refused for 15 minutes. */
  readonly perAccountAndAddress: RateLimiterPostgres;
  /** Failed sign-ins per address and day: the 101st attempt is refused for a day. */
  readonly perAddress: RateLimiterPostgres;
  /** Password reset requests per address: the 11th in an hour is refused for an hour. */
  readonly resetsPerAddress: RateLimiterPostgres;
  /** Password reset requests per e-mail address asked for, known or not: the 4th in an hour is refused for an hour. */
  readonly resetsPerEmail: RateLimiterPostgres;
}

/** Outside production, a secret made on first start and kept in `.data/auth-token-secret` (git-ignored). */
async function developmentSecret(): Promise<string> {
  const file = join(projectRoot, '.data', 'auth-token-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The sign-in runtime of an app, from the configuration's AUTH_TOKEN_SECRET and AUTH_TOKEN_TTL_MINUTES. The limiters keep their counts in PostgreSQL (table
 * `login_rate_limit`, made by a migration), so that several API processes share them.
 */
export async function createAuthRuntime(
  config: { readonly AUTH_TOKEN_SECRET?: string | undefined; readonly AUTH_TOKEN_TTL_MINUTES: number },
  orm: MikroORM,
): Promise<AuthRuntime> {
  const secret = config.AUTH_TOKEN_SECRET ?? (await developmentSecret());
  const store = {
    storeClient: orm.em.getKnex(),
    storeType: 'knex',
    tableName: 'login_rate_limit',
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  return {
    secret: new TextEncoder().encode(secret),
    tokenTtlMinutes: config.AUTH_TOKEN_TTL_MINUTES,
    // rate-limiter-flexible's "login endpoint protection": failures in a row per (account, address),
    // remembered until a success or for 90 days; failures per address per day.
    perAccountAndAddress: new RateLimiterPostgres({
      ...store,
      keyPrefix: 'account_address',
      points: 5,
      duration: 90 * 24 * 60 * 60,
      blockDuration: 15 * 60,
    }),
    perAddress: new RateLimiterPostgres({
      ...store,
      keyPrefix: 'address_day',
      points: 100,
      duration: 24 * 60 * 60,
      blockDuration: 24 * 60 * 60,
    }),
    // Each request counts, whatever its outcome: it sends mail.
    resetsPerAddress: new RateLimiterPostgres({
      ...store,
      keyPrefix: 'reset_address',
      points: 10,
      duration: 60 * 60,
      blockDuration: 60 * 60,
    }),
    resetsPerEmail: new RateLimiterPostgres({
      ...store,
      keyPrefix: 'reset_email',
      points: 3,
      duration: 60 * 60,
      blockDuration: 60 * 60,
    }),
  };
}
