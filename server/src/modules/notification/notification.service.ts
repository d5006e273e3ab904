import { z } from 'zod';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { paginate, type Page, type PageArgs } from '../../common/pagination.js';
import { now } from '../../common/time.js';
import { inTransaction } from '../../common/transaction.js';
import { parseInput, recordId } from '../../common/validation.js';
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

/** The kinds the viewer receives by e-mail (in the console it receives them all). */
export async function emailKinds(context: Context): Promise<NotificationKind[]> {
  const user = requireViewer(context);
  const preference = await context.em.findOne(NotificationPreference, { user: user.id });
  return Object.values(NotificationKind).filter((kind) => !preference?.emailOff.includes(kind));
}

const preferencesSchema = z.object({
  emailKinds: z.array(z.enum(NotificationKind, { error: 'must be kinds of notification' })),
});

/**
 * Sets which kinds of notification the viewer receives by e-mail (the others it sees only in the
 * console). Returns the kinds it now receives by e-mail.
 * @throws DomainError BAD_USER_INPUT
 */
export async function updateEmailKinds(context: Context, input: unknown): Promise<NotificationKind[]> {
  const values = parseInput(preferencesSchema, input);
  const user = requireViewer(context);
  const emailOff = Object.values(NotificationKind).filter((kind) => !values.emailKinds.includes(kind));
  await inTransaction(context, async (em) => {
    await em.upsert(NotificationPreference, { user: user.id, emailOff, updatedAt: now(context) });
  });
  return Object.values(NotificationKind).filter((kind) => !emailOff.includes(kind));
}
