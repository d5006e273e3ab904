import type { MikroORM } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Mailer } from '../../common/mailer.js';
import { notificationMailTask } from './notification.consumer.js';
import { withAnnouncedEvents } from './notification.events.js';
import { expiringApiKeysTask, notifyExpiringApiKeys } from './notification.expiry.js';
import { renderNotificationMail, type NotificationMail } from './notification.mail.js';

/** When the API keys about to expire are looked for: every day at 07:00 UTC (08:00 in Algiers), a day missed filled in at start. */
export const notificationCrontab = `0 7 * * * ${expiringApiKeysTask} ?fill=1d`;

/**
 * The notification jobs:
 * - `sendNotificationMail` e-mails one notification in French through `mailer`, linking to the
 *   record in the console at `publicUrl`. With no mailer (SMTP_URL unset) it logs that mail is off
 *   and completes: the notification stays in the console. A refusal or an unreachable server
 *   throws, and the queue tries again later: no mail is lost to a mail server that is down.
 * - `notifyExpiringApiKeys` (daily, `notificationCrontab`) tells the creators of API keys about to
 *   expire, in one transaction whose new notifications are announced on the change log.
 */
export function notificationTasks(options: {
  mailer: Mailer | null;
  publicUrl: string | undefined;
  orm: MikroORM;
}): TaskList {
  return {
    [notificationMailTask]: async (payload, helpers) => {
      const mail = payload as NotificationMail;
      if (!options.mailer) {
        helpers.logger.info(`mail is off (SMTP_URL unset): notification ${mail.notificationId} not e-mailed`);
        return;
      }
      await options.mailer.send({ to: mail.to, ...renderNotificationMail(mail, options.publicUrl) });
    },
    [expiringApiKeysTask]: async () => {
      await options.orm.em.fork().transactional((em) =>
        withAnnouncedEvents(em, async () => {
          await notifyExpiringApiKeys(em, new Date());
        }),
      );
    },
  };
}
