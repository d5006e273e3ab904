import type { MikroORM } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Mailer } from '../../common/mailer.js';
import type { SmsSender } from '../../common/sms.js';
import { notificationMailTask, notificationSmsTask } from './notification.consumer.js';
import { withAnnouncedEvents } from './notification.events.js';
import { expiringApiKeysTask, notifyExpiringApiKeys } from './notification.expiry.js';
import { renderNotificationMail, type NotificationMail } from './notification.mail.js';
import { renderNotificationSms, type NotificationSms } from './notification.sms.js';

/** When the API keys about to expire are looked for: every day at 07:00 UTC (08:00 in Algiers), a day missed filled in at start. */
export const notificationCrontab = `0 7 * * * ${expiringApiKeysTask} ?fill=1d`;

/**
 * The notification jobs:
 * - `sendNotificationMail` e-mails one notification in its recipient's language through `mailer`, linking to the
 *   record in the console at `publicUrl`. With no mailer (SMTP_URL unset) it logs that mail is off
 *   and completes: the notification stays in the console. A refusal or an unreachable server
 *   throws, and the queue tries again later: no mail is lost to a mail server that is down.
 * - `sendNotificationSms` sends one notification by SMS, one line in its recipient's language (`notification.sms.ts`),
 *   through `sms`, the SMS gateway, with the notification's id as Idempotency-Key. With no gateway
 *   (SMS_URL unset) it logs that SMS is off and completes. A refusal (not 2xx), an unreachable
 *   gateway or one that does not answer in time throws, and the queue tries again later.
 * - `notifyExpiringApiKeys` (daily, `notificationCrontab`) tells the creators of API keys about to
 *   expire, in one transaction whose new notifications are announced on the change log.
 */
export function notificationTasks(options: {
  mailer: Mailer | null;
  sms: SmsSender | null;
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
    [notificationSmsTask]: async (payload, helpers) => {
      const sms = payload as NotificationSms;
      if (!options.sms) {
        helpers.logger.info(`SMS is off (SMS_URL unset): notification ${sms.notificationId} not sent by SMS`);
        return;
      }
      await options.sms.send({
        to: sms.to,
        text: renderNotificationSms(sms, options.publicUrl),
        idempotencyKey: sms.notificationId,
      });
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
