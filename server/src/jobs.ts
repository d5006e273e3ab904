import type { MikroORM } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { deliverWebhookTask } from './modules/webhook/webhook.consumer.js';
import { deliverWebhook } from './modules/webhook/webhook.delivery.js';
import { createMailer } from './common/mailer.js';
import { createSmsSender } from './common/sms.js';
import type { Config } from './config.js';
import { notificationCrontab, notificationTasks } from './modules/notification/notification.jobs.js';
import { passwordResetTasks } from './modules/auth/password-reset.jobs.js';

/** What the tasks of a server process work with besides the configuration. */
export interface JobRuntime {
  readonly orm: MikroORM;
}

/**
 * Every task of the job queue (`common/job-queue.ts`), by name, made with what they need of the
 * configuration and the process: each module adds its own here, as it adds its entities to
 * `entities.ts` and its resolvers to `schema.ts`.
 */
export function jobTasks(config: Config, runtime: JobRuntime): TaskList {
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  return {
    ...notificationTasks({
      mailer,
      sms: createSmsSender({ url: config.SMS_URL, apiKey: config.SMS_API_KEY }),
      publicUrl: config.PUBLIC_URL,
      ...runtime,
    }),
    ...passwordResetTasks({ mailer, publicUrl: config.PUBLIC_URL, ...runtime }),
    [deliverWebhookTask]: deliverWebhook,
  };
}

/** The tasks run on a schedule (graphile-worker's crontab, UTC), one line each. */
export const jobCrontab = [notificationCrontab].join('\n');
