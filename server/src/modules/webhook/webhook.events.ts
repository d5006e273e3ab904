/**
 * An endpoint was disabled because every delivery to it failed for WEBHOOK_DISABLE_AFTER_DAYS days
 * (written by the delivery task in the transaction that disables it). Internal: the notification
 * consumer tells its owner; no subscription or webhook delivers it.
 */
export interface WebhookEndpointDisabledEvent {
  readonly endpointId: string;
  readonly url: string;
  /** The firm that owns it; null: AT's. */
  readonly contractorId: string | null;
  /** The user who registered it. */
  readonly createdById: string;
  /** Since when every attempt failed (ISO 8601, UTC). */
  readonly failingSince: string;
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    WEBHOOK_ENDPOINT_DISABLED: WebhookEndpointDisabledEvent;
  }
}
