import { LockMode, ref, type EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { clientLimitKey } from '../../common/client-address.js';
import { badUserInput, DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { addJob } from '../../common/job-queue.js';
import { now } from '../../common/time.js';
import { inTransaction } from '../../common/transaction.js';
import { emailAddress, parseInput, recordId } from '../../common/validation.js';
import { ActorType, type Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { User } from '../user/user.entity.js';
import { requireAccessManager } from './access-managers.js';
import { announceSessionsEnded, SessionEndReason } from './auth.events.js';
import { consume, hashPassword, newPassword } from './auth.service.js';
import { PasswordReset } from './password-reset.entity.js';
import { Session } from './session.entity.js';

declare module '../../context.js' {
  interface Settings {
    /** Password reset links: whether this server can send them (SMTP_URL and PUBLIC_URL set) and how long one works. Absent in scripts: it cannot. */
    readonly passwordReset?: { readonly available: boolean; readonly ttlMinutes: number };
  }
}

/** The task that makes a reset link's token and e-mails it (`password-reset.jobs.ts`). */
export const passwordResetMailTask = 'sendPasswordResetMail';

/** What the mail job of a reset carries: only which reset it is (its token is made by the job). */
export interface PasswordResetJob {
  readonly passwordResetId: string;
}

/** The hash a link's token is found by: SHA-256, hex (the token is 256 random bits: no slow hash is needed). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether this server sends password reset links: it e-mails (SMTP_URL) links to the console (PUBLIC_URL). */
export function passwordResetAvailable(context: Context): boolean {
  return context.settings?.passwordReset?.available ?? false;
}

/** How long a link works, in minutes. @throws DomainError MAIL_OFF when this server sends none */
function linkMinutes(context: Context): number {
  const settings = context.settings?.passwordReset;
  if (!settings?.available)
    throw new DomainError(
      ErrorCode.MAIL_OFF,
      'This server sends no e-mail (SMTP_URL or PUBLIC_URL unset): it cannot send a password reset link',
    );
  return settings.ttlMinutes;
}

/** Opens a reset of `user`'s password, working `minutes` from now, and adds the job that mails its link, in `em`'s transaction. */
async function openReset(
  em: EntityManager,
  context: Context,
  user: User,
  requestedBy: User | null,
  minutes: number,
): Promise<PasswordReset> {
  const at = now(context);
  const reset = em.create(PasswordReset, {
    user: ref(user),
    requestedBy: requestedBy ? ref(requestedBy) : null,
    createdAt: at,
    expiresAt: new Date(at.getTime() + minutes * 60_000),
  });
  await em.persist(reset).flush();
  const job: PasswordResetJob = { passwordResetId: reset.id };
  await addJob(em, passwordResetMailTask, job);
  return reset;
}

/**
 * A forgotten password: e-mails the enabled user of `email`, if there is one, a link to set a new
 * password, working once for PASSWORD_RESET_TTL_MINUTES. The answer is the same whether the address
 * is a user's or not (nothing tells who has an account); requests are limited per client address
 * (10 an hour) and per e-mail address asked for (3 an hour), whatever the answer.
 * @returns how long the link works, in minutes
 * @throws DomainError MAIL_OFF, TOO_MANY_ATTEMPTS, BAD_USER_INPUT (not an e-mail address)
 */
export async function requestPasswordReset(context: Context, email: string, ipAddress: string | null): Promise<number> {
  const auth = context.auth;
  if (!auth) throw new Error('password reset is not available outside the API server');
  const minutes = linkMinutes(context);
  const address = parseInput(emailAddress, email, 'email');
  await consume(auth.resetsPerAddress, clientLimitKey(ipAddress), 'password reset requests');
  await consume(
    auth.resetsPerEmail,
    createHash('sha256').update(address).digest('base64url'),
    'password reset requests',
  );
  await inTransaction(context, async (em) => {
    const user = await em.findOne(User, { email: address, disabledAt: null });
    if (user) await openReset(em, context, user, null, minutes);
  });
  return minutes;
}

/**
 * Sends a user a link to set a new password itself (an ADMIN any user, a firm's admin its firm's):
 * the manager never sees nor sets the password. Audited. Another firm's user answers as one that
 * does not exist.
 * @returns how long the link works, in minutes
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (a disabled user), MAIL_OFF, BAD_USER_INPUT
 */
export async function sendPasswordReset(context: Context, id: string): Promise<number> {
  const { user: manager, firmId } = requireAccessManager(context, 'users');
  const userId = parseInput(recordId, id, 'id');
  const minutes = linkMinutes(context);
  await inTransaction(context, async (em) => {
    const user = await em.findOne(User, firmId ? { id: userId, contractor: firmId } : { id: userId });
    if (!user) throw notFound('id', 'user', userId);
    if (user.disabledAt)
      throw new DomainError(ErrorCode.CONFLICT, 'This user is disabled: it cannot sign in, whatever its password', {
        field: 'id',
      });
    const reset = await openReset(em, context, user, manager, minutes);
    recordAudit(em, context, {
      entityType: AuditEntityType.USER,
      entityId: user.id,
      action: AuditAction.UPDATE,
      changes: [{ field: 'passwordResetLinkExpiresAt', from: null, to: reset.expiresAt }],
      reason: 'Password reset link sent by e-mail',
    });
  });
  return minutes;
}

/**
 * The reset `reset` and its user, when its link may still set a password at `at`.
 * @throws DomainError BAD_USER_INPUT on `token`: RESET_LINK_INVALID (no such link, or its user disabled),
 * RESET_LINK_USED, RESET_LINK_EXPIRED
 */
function usableReset(reset: PasswordReset | null, at: Date): { reset: PasswordReset; user: User } {
  const user = reset?.user.getEntity();
  if (!reset || !user || user.disabledAt)
    throw badUserInput('token', 'is not a password reset link: ask for a new one');
  if (reset.usedAt) throw badUserInput('token', 'is a password reset link already used: ask for a new one');
  if (reset.expiresAt.getTime() <= at.getTime())
    throw badUserInput('token', 'is a password reset link that has expired: ask for a new one');
  return { reset, user };
}

const token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'is not a password reset link: ask for a new one' });

/**
 * Sets a new password with the token of a reset link: the link then stops working (and every other
 * link of the user's), every session of the user ends (its WebSockets close on every process), and
 * the change is audited as the user's own.
 * @throws DomainError BAD_USER_INPUT: `token` RESET_LINK_INVALID, RESET_LINK_EXPIRED, RESET_LINK_USED;
 * `newPassword` its length
 */
export async function resetPassword(context: Context, input: { token: string; newPassword: string }): Promise<void> {
  const values = parseInput(z.object({ token, newPassword }), input);
  const where = { tokenHash: tokenHash(values.token) };
  // The link is checked before the password is hashed: argon2 costs every caller, and this mutation is public.
  usableReset(await context.em.fork().findOne(PasswordReset, where, { populate: ['user'] }), now(context));
  const passwordHash = await hashPassword(values.newPassword);
  await inTransaction(context, async (em) => {
    const at = now(context);
    // Checked again under the row's lock: the link may have been used meanwhile.
    const { user } = usableReset(
      await em.findOne(PasswordReset, where, { populate: ['user'], lockMode: LockMode.PESSIMISTIC_WRITE }),
      at,
    );
    user.passwordHash = passwordHash;
    user.updatedAt = at;
    await em.nativeUpdate(PasswordReset, { user: user.id, usedAt: null }, { usedAt: at });
    await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: at });
    announceSessionsEnded(em, SessionEndReason.PASSWORD_RESET, { userIds: [user.id] });
    recordAudit(
      em,
      { ...context, actor: { type: ActorType.USER, id: user.id } },
      {
        entityType: AuditEntityType.USER,
        entityId: user.id,
        action: AuditAction.UPDATE,
        changes: [{ field: 'password', from: null, to: null }],
        reason: 'New password set with an e-mail link',
      },
    );
  });
}
