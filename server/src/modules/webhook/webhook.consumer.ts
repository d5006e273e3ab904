import { Reference, type EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { addJob } from '../../common/job-queue.js';
import type { LogConsumer, LoggedEvent } from '../../common/change-log.js';
import { createLoaders, systemActor, type Context } from '../../context.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { maySeeWork, placeOf, type LiveFilters } from '../auth/live.js';
import { viewerContractorId } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import {
  customerSubscriptionOfEvent,
  wantsCustomerSubscriptionChange,
} from '../customer-subscription/customer-subscription.resolver.js';
import { wantsInvoiceChange } from '../invoice/invoice.resolver.js';
import { WorkChange } from '../site/site.events.js';
import { siteOfEvent, wantsSiteChange } from '../site/site.resolver.js';
import {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointStatus,
  WebhookEventType,
} from './webhook.entity.js';

/** The name of the delivery task in the job queue (`jobs.ts`). */
export const deliverWebhookTask = 'deliverWebhook';

/**
 * Attempts of one delivery before it is given up. graphile-worker waits exp(min(n, 10)) seconds after
 * the n-th failed attempt: 3 s, 7 s, 20 s, 55 s, 2.5 min, 7 min, 18 min, 50 min, 2.3 h, then 6.1 h
 * each time; the 22nd and last attempt comes about 3.2 days after the first.
 */
export const webhookMaxAttempts = 22;

/** The job of one delivery (replaced, not doubled, when it is redelivered while waiting). */
export function addDeliveryJob(em: EntityManager, deliveryId: string): Promise<void> {
  return addJob(
    em,
    deliverWebhookTask,
    { deliveryId },
    { jobKey: `webhook-delivery:${deliveryId}`, maxAttempts: webhookMaxAttempts },
  );
}

/** The `webhook-id` of an event's deliveries: the same for every attempt and redelivery. */
export function webhookId(eventPosition: string): string {
  return `evt_${eventPosition}`;
}

/** How each event type reaches an endpoint: its topic, the body's `type`, and who may see it. */
const eventRules: {
  [T in WebhookEventType]: {
    readonly type: string;
    /** The scope a key of the endpoint's owner would need to see it (its subscription's). */
    readonly scope: string;
    /** Whether the owner (`context`) may see this event and `filters` keep it (the subscription's rule). */
    wants(context: Context, filters: LiveFilters, event: LoggedEvent<T>): boolean;
    /** Whether the record left the owner's sight with this change: it is then told REMOVED, with no record. */
    removed(context: Context, event: LoggedEvent<T>): Promise<boolean>;
  };
} = {
  [WebhookEventType.INVOICE_CHANGED]: {
    type: 'invoice.changed',
    scope: 'read:invoices',
    wants: (context, filters, event) => wantsInvoiceChange(event.payload, filters, context),
    removed: () => Promise.resolve(false),
  },
  [WebhookEventType.CUSTOMER_SUBSCRIPTION_CHANGED]: {
    type: 'customer_subscription.changed',
    scope: 'read:customerSubscriptions',
    wants: (context, filters, event) => wantsCustomerSubscriptionChange(event.payload, filters, context),
    removed: async (context, event) => !maySeeWork(context, placeOf(await customerSubscriptionOfEvent(context, event))),
  },
  [WebhookEventType.SITE_CHANGED]: {
    type: 'site.changed',
    scope: 'read:sites',
    wants: (context, filters, event) => wantsSiteChange(event.payload, filters, context),
    removed: async (context, event) => !maySeeWork(context, placeOf(await siteOfEvent(context, event))),
  },
};

const eventTypes = new Set<string>(Object.values(WebhookEventType));

function isWebhookEvent(event: LoggedEvent): event is LoggedEvent<WebhookEventType> {
  return eventTypes.has(event.topic);
}

const silent = pino({ level: 'silent' });

/**
 * The context the subscriptions' rules read an endpoint's owner from: a key of AT (no firm) or of its
 * firm, holding the read scopes of the events (what a third-party application of that owner reads).
 * Its reads go through `em`, the consumer's transaction.
 */
function ownerContext(em: EntityManager, contractorId: string | null): Context {
  const apiKey = Object.assign(new ApiKey(), {
    contractor: contractorId ? Reference.createFromPK(Contractor, contractorId) : null,
    scopes: [...Object.values(eventRules).map((rule) => rule.scope), 'read:personalData'],
  });
  return {
    em,
    requestId: 'webhooks',
    logger: silent,
    loaders: createLoaders(em),
    actor: systemActor,
    ipAddress: null,
    viewer: { kind: 'apiKey', apiKey, expiresAt: null },
  };
}

/** What a REMOVED event says: which record, and that it is no longer the owner's to see. */
function removedData(event: LoggedEvent<WebhookEventType>): Record<string, unknown> {
  const payload = event.payload as unknown as Record<string, unknown>;
  const id = event.topic === WebhookEventType.SITE_CHANGED ? 'siteId' : 'customerSubscriptionId';
  return { [id]: payload[id], change: WorkChange.REMOVED, previousStatus: payload['previousStatus'] ?? null };
}

/**
 * The change log's consumer of the webhooks: for each event, each ENABLED endpoint that asked for its
 * type, whose filters keep it and whose owner may see it gets a delivery (its body, as every attempt
 * sends it) and the job that sends it, both in the consumer's transaction: once per event and endpoint.
 */
export const webhookConsumer: LogConsumer = async (em, events) => {
  const wanted = events.filter(isWebhookEvent);
  if (wanted.length === 0) return;
  const endpoints = await em.find(
    WebhookEndpoint,
    { status: WebhookEndpointStatus.ENABLED },
    { orderBy: { id: 'asc' } },
  );
  if (endpoints.length === 0) return;
  const contexts = new Map<string | null, Context>();
  const contextOf = (contractorId: string | null) => {
    let context = contexts.get(contractorId);
    if (!context) contexts.set(contractorId, (context = ownerContext(em.fork({ clear: true }), contractorId)));
    return context;
  };
  const deliveries: WebhookDelivery[] = [];
  for (const event of wanted) {
    const rule = eventRules[event.topic] as (typeof eventRules)[WebhookEventType];
    for (const endpoint of endpoints) {
      if (!endpoint.eventTypes.includes(event.topic)) continue;
      const context = contextOf(endpoint.contractor?.id ?? null);
      const filters: LiveFilters = {
        wilayaCode: endpoint.wilayaCode,
        contractorId: endpoint.filterContractor?.id ?? null,
      };
      if (!rule.wants(context, filters, event as never)) continue;
      // AT sees every record: only a firm's endpoint can see one leave its sight.
      const data =
        viewerContractorId(context) !== null && (await rule.removed(context, event as never))
          ? removedData(event)
          : (event.payload as unknown as Record<string, unknown>);
      deliveries.push(
        em.create(WebhookDelivery, {
          endpoint,
          eventPosition: event.position,
          eventType: event.topic,
          payload: { type: rule.type, timestamp: event.occurredAt.toISOString(), data },
          status: WebhookDeliveryStatus.PENDING,
          attempts: 0,
          nextAttemptAt: new Date(),
          createdAt: new Date(),
        }),
      );
    }
  }
  await em.flush();
  for (const delivery of deliveries) await addDeliveryJob(em, delivery.id);
};
