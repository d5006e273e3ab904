import type { EntityManager } from '@mikro-orm/postgresql';
import { announce } from '../../common/events.js';

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

/** Announces a new notification once the transaction of `em` commits (see `announce`). */
export function announceNotification(em: EntityManager, notification: { id: string; recipient: { id: string } }): void {
  announce(em, 'NOTIFICATION_ADDED', () => ({
    notificationId: notification.id,
    recipientId: notification.recipient.id,
  }));
}
