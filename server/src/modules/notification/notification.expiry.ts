import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from '../auth/api-key.entity.js';
import { notify, type Draft } from './notification.consumer.js';
import { Notification, NotificationKind, NotificationSubject } from './notification.entity.js';

/** The daily task that tells the creators of API keys about to expire (`notification.jobs.ts`). */
export const expiringApiKeysTask = 'notifyExpiringApiKeys';

const day = 86_400_000;

/** How many days ahead of its expiry a key's creator is told, then told again. */
export const apiKeyNoticeDays = { first: 30, last: 7 } as const;

/**
 * Tells the creator of each API key that expires within 30 days (and again within 7), once per
 * window: a key already notified since its window opened is left out, so running this again (or a
 * day missed and filled in) notifies nobody twice. Revoked keys and disabled creators are skipped.
 * Returns how many notifications it made.
 */
export async function notifyExpiringApiKeys(em: EntityManager, at: Date): Promise<number> {
  const keys = await em.find(
    ApiKey,
    { revokedAt: null, expiresAt: { $gt: at, $lte: new Date(at.getTime() + apiKeyNoticeDays.first * day) } },
    { populate: ['createdBy'] },
  );
  if (keys.length === 0) return 0;
  const told = await em.find(Notification, {
    kind: NotificationKind.API_KEY_EXPIRING,
    subjectId: { $in: keys.map((key) => key.id) },
    createdAt: { $gte: new Date(at.getTime() - apiKeyNoticeDays.first * day) },
  });
  const drafts: Draft[] = [];
  for (const key of keys) {
    const expiresAt = key.expiresAt!.getTime();
    const window =
      expiresAt - at.getTime() <= apiKeyNoticeDays.last * day ? apiKeyNoticeDays.last : apiKeyNoticeDays.first;
    const opened = expiresAt - window * day;
    if (told.some((notice) => notice.subjectId === key.id && notice.createdAt.getTime() >= opened)) continue;
    const owner = key.createdBy.getEntity();
    if (owner.disabledAt) continue;
    drafts.push({
      recipients: [owner],
      kind: NotificationKind.API_KEY_EXPIRING,
      subjectType: NotificationSubject.API_KEY,
      subjectId: key.id,
      subjectLabel: key.name,
      details: [],
    });
  }
  await notify(em, drafts, null);
  return drafts.length;
}
