import type { EntityManager } from '@mikro-orm/postgresql';
import { writeEvents } from '../../common/change-log.js';
import { announce, audienceTag, declareAudience, eventsOf, openEvents } from '../../common/events.js';

/** A notification was made for a user (its `notificationAdded` subscription tells only that user). */
export interface NotificationAddedEvent {
  readonly notificationId: string;
  readonly recipientId: string;
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    NOTIFICATION_ADDED: NotificationAddedEvent;
  }
}

declareAudience('NOTIFICATION_ADDED', (event) => [audienceTag.user(event.recipientId)]);

/** Announces a new notification once the transaction of `em` commits (see `announce`). */
export function announceNotification(em: EntityManager, notification: { id: string; recipient: { id: string } }): void {
  announce(em, 'NOTIFICATION_ADDED', () => ({
    notificationId: notification.id,
    recipientId: notification.recipient.id,
  }));
}

/**
 * Runs `work` in the transaction of `em` (a log consumer's batch, a job's), its announced events
 * written to the change log in that transaction once its changes are flushed, as `inTransaction`
 * does for a request: subscribers hear of them once it commits, never of a rollback.
 */
export async function withAnnouncedEvents(em: EntityManager, work: () => Promise<void>): Promise<void> {
  const pending = openEvents(em);
  await work();
  await em.flush();
  await writeEvents(em, await eventsOf(pending), new Date());
}
