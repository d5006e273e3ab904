import { z } from 'zod';
import { LockMode } from '@mikro-orm/postgresql';
import { badUserInput, DomainError, ErrorCode } from '../../common/errors.js';
import { algerianMobile } from '../../common/phone.js';
import { paginate, type Page, type PageArgs } from '../../common/pagination.js';
import { now } from '../../common/time.js';
import { inTransaction } from '../../common/transaction.js';
import { blankAsNull, parseInput, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { requireViewer } from '../auth/policies.js';
import { Notification, NotificationKind, NotificationPreference } from './notification.entity.js';

/** Most notifications one `markNotificationsRead` may name. */
export const maxMarkedAtOnce = 100;

/** The viewer's own notifications, newest first, a page at a time; only the unread ones with `unreadOnly`. */
export function listNotifications(context: Context, unreadOnly: boolean, page: PageArgs): Promise<Page<Notification>> {
  const user = requireViewer(context);
  return paginate(
    context.em,
    Notification,
    { recipient: user.id, ...(unreadOnly ? { readAt: null } : {}) },
    { id: 'desc' },
    page,
  );
}

/** How many of the viewer's notifications are unread. */
export function countUnread(context: Context): Promise<number> {
  const user = requireViewer(context);
  return context.em.count(Notification, { recipient: user.id, readAt: null });
}

/** One of the viewer's notifications, or null (also when it is someone else's). */
export function findOwnNotification(context: Context, id: string): Promise<Notification | null> {
  const user = requireViewer(context);
  return context.em.findOne(Notification, { id, recipient: user.id });
}

const markReadSchema = z
  .object({
    ids: z
      .array(recordId)
      .min(1, { error: 'must name at least one notification' })
      .max(maxMarkedAtOnce, { error: `must name at most ${maxMarkedAtOnce} notifications` })
      .nullish(),
    all: z.boolean().nullish(),
  })
  .refine((input) => (input.ids != null) !== (input.all === true), {
    error: 'give either ids or all: true, not both',
    path: ['ids'],
  });

/**
 * Marks notifications of the viewer read: those of `ids`, or all its unread ones (`all: true`). One
 * already read keeps the time it was read. Returns those named (none with `all`).
 * @throws DomainError BAD_USER_INPUT (neither or both, a malformed id, more than 100), NOT_FOUND (an
 *   id that is none of the viewer's notifications; nothing is marked)
 */
export async function markNotificationsRead(context: Context, input: unknown): Promise<Notification[]> {
  const values = parseInput(markReadSchema, input);
  const user = requireViewer(context);
  const readAt = now(context);
  return inTransaction(context, async (em) => {
    if (!values.ids) {
      await em.nativeUpdate(Notification, { recipient: user.id, readAt: null }, { readAt });
      return [];
    }
    const ids = [...new Set(values.ids)];
    const notifications = await em.find(
      Notification,
      { id: { $in: ids }, recipient: user.id },
      { orderBy: { id: 'desc' } },
    );
    const missing = ids.filter((id) => !notifications.some((notification) => notification.id === id));
    if (missing.length > 0)
      throw new DomainError(ErrorCode.NOT_FOUND, `No notification of yours has the id ${missing[0]}`, {
        field: 'ids',
        ids: missing,
      });
    for (const notification of notifications) notification.readAt ??= readAt;
    return notifications;
  });
}

declare module '../../context.js' {
  interface Settings {
    /** Whether this server sends SMS (SMS_URL set); absent in scripts: it does not. */
    readonly smsAvailable?: boolean;
  }
}

/** How the viewer is told of what concerns it, besides the console (which shows every kind). */
export interface NotificationChoices {
  /** The kinds it receives by e-mail. */
  readonly emailKinds: NotificationKind[];
  /** Its mobile number for SMS, in E.164; null when it gave none. */
  readonly smsNumber: string | null;
  /** The kinds it receives by SMS. */
  readonly smsOn: NotificationKind[];
  /** Whether this server sends SMS at all (SMS_URL set). */
  readonly smsAvailable: boolean;
}

/** The choices a preference row holds (none: every kind by e-mail, nothing by SMS). */
function choicesOf(context: Context, preference: NotificationPreference | null): NotificationChoices {
  return {
    emailKinds: Object.values(NotificationKind).filter((kind) => !preference?.emailOff.includes(kind)),
    smsNumber: preference?.smsNumber ?? null,
    smsOn: Object.values(NotificationKind).filter((kind) => preference?.smsOn.includes(kind)),
    smsAvailable: context.settings?.smsAvailable ?? false,
  };
}

/** How the viewer is told of what concerns it: the kinds it receives by e-mail and by SMS, and its number. */
export async function notificationChoices(context: Context): Promise<NotificationChoices> {
  const user = requireViewer(context);
  return choicesOf(context, await context.em.findOne(NotificationPreference, { user: user.id }));
}

const kinds = z.array(z.enum(NotificationKind, { error: 'must be kinds of notification' }));

const preferencesSchema = z.object({
  emailKinds: kinds.nullish(),
  smsNumber: blankAsNull(algerianMobile).optional(),
  smsOn: kinds.nullish(),
});

/**
 * Sets how the viewer is told of what concerns it: the kinds it receives by e-mail (the others it
 * sees only in the console), its mobile number (null or blank: none) and the kinds it receives by
 * SMS; what the input leaves out stays as it was. Returns the choices now in force.
 * @throws DomainError BAD_USER_INPUT: a kind that is none, a number that is no Algerian mobile
 *   (`smsNumber`), kinds by SMS without a number (`smsOn`), or the number removed while kinds are
 *   received by SMS (`smsNumber`); nothing is changed
 */
export async function updateNotificationChoices(context: Context, input: unknown): Promise<NotificationChoices> {
  const values = parseInput(preferencesSchema, input);
  const user = requireViewer(context);
  return inTransaction(context, async (em) => {
    const current = await em.findOne(
      NotificationPreference,
      { user: user.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const emailOff = values.emailKinds
      ? Object.values(NotificationKind).filter((kind) => !values.emailKinds!.includes(kind))
      : (current?.emailOff ?? []);
    const smsNumber = values.smsNumber === undefined ? (current?.smsNumber ?? null) : values.smsNumber;
    const smsOn = values.smsOn
      ? Object.values(NotificationKind).filter((kind) => values.smsOn!.includes(kind))
      : (current?.smsOn ?? []);
    if (smsOn.length > 0 && smsNumber === null) {
      throw values.smsOn && values.smsOn.length > 0
        ? badUserInput('smsOn', 'needs a mobile number to send the SMS to')
        : badUserInput('smsNumber', 'is needed while notifications are received by SMS: turn those off first');
    }
    const preference = await em.upsert(NotificationPreference, {
      user: user.id,
      emailOff,
      smsNumber,
      smsOn,
      updatedAt: now(context),
    });
    return choicesOf(context, preference);
  });
}
