import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { projectRoot } from '../../common/paths.js';

/** What sign-in needs, made once per app: the token key, the token lifetime and the attempt limiters. */
export interface AuthRuntime {
  /** HMAC key of the tokens (HS256). */
  readonly secret: Uint8Array;
  readonly tokenTtlMinutes: number;
  /** Failed sign-ins per account: 5 per 15 minutes. */
  readonly perAccount: RateLimiterPostgres;
  /** Sign-in attempts per address: 30 per 15 minutes. */
  readonly perAddress: RateLimiterPostgres;
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
    perAccount: new RateLimiterPostgres({ ...store, keyPrefix: 'account', points: 5, duration: 15 * 60 }),
    perAddress: new RateLimiterPostgres({ ...store, keyPrefix: 'address', points: 30, duration: 15 * 60 }),
  };
}
