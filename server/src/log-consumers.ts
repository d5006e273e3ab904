import type { LogConsumer } from './common/change-log.js';
import { webhookConsumer } from './modules/webhook/webhook.consumer.js';
import { notificationConsumer } from './modules/notification/notification.consumer.js';

/**
 * Every durable reader of the change log, by name (the name keys its cursor: renaming one starts it
 * again at the log's end). Each module adds its own here.
 */
export const logConsumers: Record<string, LogConsumer> = {
  webhooks: webhookConsumer,
  notifications: notificationConsumer,
};
