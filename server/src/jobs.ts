import type { TaskList } from 'graphile-worker';
import { deliverWebhookTask } from './modules/webhook/webhook.consumer.js';
import { deliverWebhook } from './modules/webhook/webhook.delivery.js';

/**
 * Every task of the job queue (`common/job-queue.ts`), by name: each module adds its own here, as it
 * adds its entities to `entities.ts` and its resolvers to `schema.ts`.
 */
export const jobTasks: TaskList = {
  [deliverWebhookTask]: deliverWebhook,
};
