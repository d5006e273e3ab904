import type { LogConsumer } from './common/change-log.js';
import type { QualityThreshold } from './modules/customer-subscription/installation-quality.js';
import { notificationConsumer } from './modules/notification/notification.consumer.js';
import { scorecardConsumer } from './modules/scorecard/scorecard.consumer.js';
import { webhookConsumer } from './modules/webhook/webhook.consumer.js';

/**
 * Every durable reader of the change log, by name (the name keys its cursor: renaming one starts it
 * again at the log's end), with the settings they apply. Each module adds its own here.
 */
export function logConsumers(settings: {
  readonly qualityThresholds: Readonly<Record<string, QualityThreshold>>;
}): Record<string, LogConsumer> {
  return {
    webhooks: webhookConsumer,
    notifications: notificationConsumer,
    scorecards: scorecardConsumer(settings.qualityThresholds),
  };
}
