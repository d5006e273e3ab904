import type { TaskList } from 'graphile-worker';
import { createMailer } from './common/mailer.js';
import type { Config } from './config.js';
import { notificationTasks } from './modules/notification/notification.jobs.js';

/**
 * Every task of the job queue (`common/job-queue.ts`), by name, made with what they need of the
 * configuration: each module adds its own here, as it adds its entities to `entities.ts` and its
 * resolvers to `schema.ts`.
 */
export function jobTasks(config: Config): TaskList {
  return {
    ...notificationTasks({
      mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
      publicUrl: config.PUBLIC_URL,
    }),
  };
}
