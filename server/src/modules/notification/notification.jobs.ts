import type { TaskList } from 'graphile-worker';
import type { Mailer } from '../../common/mailer.js';
import { notificationMailTask } from './notification.consumer.js';
import { renderNotificationMail, type NotificationMail } from './notification.mail.js';

/**
 * The notification jobs: `sendNotificationMail` e-mails one notification in French through `mailer`,
 * linking to the record in the console at `publicUrl`. With no mailer (SMTP_URL unset) it logs that
 * mail is off and completes: the notification stays in the console. A refusal or an unreachable
 * server throws, and the queue tries again later: no mail is lost to a mail server that is down.
 */
export function notificationTasks(options: { mailer: Mailer | null; publicUrl: string | undefined }): TaskList {
  return {
    [notificationMailTask]: async (payload, helpers) => {
      const mail = payload as NotificationMail;
      if (!options.mailer) {
        helpers.logger.info(`mail is off (SMTP_URL unset): notification ${mail.notificationId} not e-mailed`);
        return;
      }
      await options.mailer.send({ to: mail.to, ...renderNotificationMail(mail, options.publicUrl) });
    },
  };
}
