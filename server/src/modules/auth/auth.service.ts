import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import argon2 from 'argon2';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import { clientLimitKey } from '../../common/client-address.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { inTransaction } from '../../common/transaction.js';
import { emailAddress, parseInput } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { User } from '../user/user.entity.js';
import { announceSessionsEnded, SessionEndReason } from './auth.events.js';
import type { AuthRuntime } from './auth.runtime.js';
import { findUsableApiKey, looksLikeApiKey } from './api-key.service.js';
import { Session } from './session.entity.js';
import type { Viewer } from './viewer.js';

const wrongCredentials = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'The email or the password is wrong');
const invalidToken = () =>
  new DomainError(
    ErrorCode.UNAUTHENTICATED,
    'The token or API key is invalid, expired or revoked: sign in again, or ask for a new key',
    {
      http: { status: 401 },
    },
  );

/** A hash to verify against when the email is unknown, so that both answers take the same time. */
const unknownUserHash = argon2.hash(randomUUID());

/** Hashes a password with argon2id (the argon2 library's defaults). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

const credentials = z.object({
  email: emailAddress,
  password: z.string().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
});

/** A new password: 12 to 200 characters (a user's initial password, and one set with a reset link). */
export const newPassword = z
  .string()
  .min(12, { error: 'must be at least 12 characters' })
  .max(200, { error: 'must be at most 200 characters' });

const tooManyAttempts = (msBeforeNext: number, what: string) => {
  const retryAfterSeconds = Math.ceil(msBeforeNext / 1000);
  return new DomainError(ErrorCode.TOO_MANY_ATTEMPTS, `Too many ${what}: try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
};

/**
 * Counts an attempt of `key` on `limiter`.
 * @throws DomainError TOO_MANY_ATTEMPTS (naming `what` was attempted too often) once its points are spent
 */
export async function consume(
  limiter: AuthRuntime['perAddress'],
  key: string,
  what = 'sign-in attempts',
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw tooManyAttempts(error.msBeforeNext, what);
  }
}

/**
 * Signs in: checks the password against its argon2id hash and opens a session; the token (JWT,
 * HS256, signed with jose) names the user (`sub`) and the session (`sid`) and expires after
 * AUTH_TOKEN_TTL_MINUTES. Failures are limited as rate-limiter-flexible's "login endpoint
 * protection" does: 5 in a row per account and client address (then that pair is refused for 15
 * minutes; a success starts the count again), and 100 a day per address (then the address is refused
 * for a day), each call counted — aliases in one request included. An account is never locked from
 * an address that did not fail. The address is `ipAddress`, the client the trusted proxies name (TRUST_PROXY),
 * an IPv6 one counted by its /64.
 * @throws DomainError UNAUTHENTICATED (wrong email or password, disabled user), TOO_MANY_ATTEMPTS, BAD_USER_INPUT
 */
export async function login(
  context: Context,
  input: { email: string; password: string },
  ipAddress: string | null,
): Promise<{ token: string; expiresAt: Date; user: User }> {
  const auth = context.auth;
  if (!auth) throw new Error('sign-in is not available outside the API server');
  const { email, password } = parseInput(credentials, input);
  // Both counted before the password is checked, so that parallel guesses cannot all get through,
  // and a locked pair stays locked whatever the password; a success gives the points back, so only
  // failures add up (an office behind one address signs in all day).
  // An IPv6 client by its /64 (`clientLimitKey`): rotating addresses in its own network does not escape.
  const address = clientLimitKey(ipAddress);
  // Hashed: an email of 254 characters and an address do not fit the store's key of 255.
  const pair = createHash('sha256').update(`${email}\n${address}`).digest('base64url');
  await consume(auth.perAddress, address);
  await consume(auth.perAccountAndAddress, pair);
  const user = await context.em.findOne(User, { email }, { populate: ['passwordHash'] });
  const valid = await argon2.verify(user?.passwordHash ?? (await unknownUserHash), password);
  if (!user || !valid || user.disabledAt) throw wrongCredentials();
  await auth.perAccountAndAddress.delete(pair);
  await auth.perAddress.reward(address, 1);
  const expiresAt = new Date(Date.now() + auth.tokenTtlMinutes * 60_000);
  const session = context.em.create(Session, {
    id: randomUUID(),
    user,
    expiresAt,
    ipAddress: ipAddress?.slice(0, 64) ?? null,
    createdAt: new Date(),
  });
  await context.em.persist(session).flush();
  const token = await new SignJWT({ sid: session.id })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setIssuer('raccord')
    .sign(auth.secret);
  return { token, expiresAt, user };
}

/**
 * The viewer named by an `Authorization: Bearer <token>` header value: null when there is none
 * (anonymous); an API key when it is one (`rk_…`) and usable; else the user and session when the
 * token is valid, its session open and its user enabled.
 * @throws DomainError UNAUTHENTICATED (HTTP 401) for any other token
 */
export async function authenticate(
  em: EntityManager,
  auth: AuthRuntime,
  authorization: string | undefined,
): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(authorization.trim());
  if (!match) throw invalidToken();
  if (looksLikeApiKey(match[1]!)) {
    const apiKey = await findUsableApiKey(em, match[1]!);
    if (!apiKey) throw invalidToken();
    return { kind: 'apiKey', apiKey, expiresAt: apiKey.expiresAt };
  }
  let payload: { sub?: string; sid?: unknown };
  try {
    ({ payload } = await jwtVerify(match[1]!, auth.secret, { issuer: 'raccord', algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) throw invalidToken();
    throw error;
  }
  if (typeof payload.sid !== 'string' || !/^[0-9a-f-]{36}$/.test(payload.sid)) throw invalidToken();
  const session = await em.findOne(Session, { id: payload.sid }, { populate: ['user'] });
  const user = session?.user.getEntity();
  if (
    !session ||
    !user ||
    session.revokedAt ||
    session.expiresAt.getTime() <= Date.now() ||
    user.disabledAt ||
    user.id !== payload.sub
  ) {
    throw invalidToken();
  }
  return { kind: 'user', user, sessionId: session.id, expiresAt: session.expiresAt };
}

/** Ends the viewer's session: its token no longer works, and its open WebSockets close on every process (`SESSIONS_ENDED`). */
export async function logout(context: Context): Promise<void> {
  const viewer = context.viewer;
  if (viewer?.kind !== 'user') return;
  await inTransaction(context, async (em) => {
    const ended = await em.nativeUpdate(Session, { id: viewer.sessionId, revokedAt: null }, { revokedAt: new Date() });
    if (ended > 0) announceSessionsEnded(em, SessionEndReason.LOGGED_OUT, { sessionIds: [viewer.sessionId] });
  });
}

/**
 * Creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD when there is no user at all;
 * otherwise does nothing (the variables can stay set). There is never a built-in password.
 * Returns whether it created one.
 */
export async function bootstrapAdministrator(orm: MikroORM, email: string, password: string): Promise<boolean> {
  const em = orm.em.fork();
  if ((await em.count(User)) > 0) return false;
  const admin = em.create(User, {
    email: email.trim().toLowerCase(),
    passwordHash: await hashPassword(password),
    displayName: 'Administrateur',
    role: 'ADMIN' as User['role'],
    wilayaCodes: [],
    isContractorAdmin: false,
    createdAt: new Date(),
    updatedAt: new Date(),
  } as never);
  await em.persist(admin).flush();
  return true;
}
