import { ref, type EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { badUserInput, invalidTransition, notFound, staleVersion } from '../../common/errors.js';
import { paginate, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, optionalText, parseInput, recordId, wilayaCode } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { requireAccessManager } from '../auth/access-managers.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { requireWilaya } from '../reference-data/reference-data.service.js';
import { addDeliveryJob } from './webhook.consumer.js';
import {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  WebhookEndpoint,
  WebhookEndpointStatus,
  WebhookEventType,
} from './webhook.entity.js';
import { isPrivateAddress, webhookSettings } from './webhook.settings.js';

/** How long the secret before a rotation still signs deliveries, so receivers switch without downtime. */
export const rotationOverlapMs = 24 * 3600_000;

/** A new signing secret: `whsec_` and 32 random bytes in base64 (Standard Webhooks). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The hosts of this machine, refused in production like private addresses. */
const localHosts = ['localhost', '127.0.0.1', '::1'];

/**
 * An endpoint's URL: https, or http to this machine outside production; no user name or password in
 * it; in production not on this machine nor at a private address (the delivery checks again what
 * the name resolves to).
 */
const endpointUrl = z
  .string({ error: 'is required' })
  .trim()
  .max(2000, { error: 'must be at most 2000 characters' })
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an https:// URL' }))
  .superRefine((value, check) => {
    const url = new URL(value);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const allowPrivate = webhookSettings().allowPrivateAddresses;
    if (url.username || url.password)
      check.addIssue({ code: 'custom', message: 'must not hold a user name or password' });
    else if (url.protocol === 'http:' && !(allowPrivate && localHosts.includes(host)))
      check.addIssue({
        code: 'custom',
        message: allowPrivate ? 'must be https:// (http:// only to localhost)' : 'must be https://',
      });
    else if (!allowPrivate && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host))))
      check.addIssue({ code: 'custom', message: 'must be on the public Internet, not a local or private address' });
  });

const eventTypes = z
  .array(z.enum(WebhookEventType, { error: 'must be INVOICE_CHANGED, CUSTOMER_SUBSCRIPTION_CHANGED or SITE_CHANGED' }))
  .min(1, { error: 'must name at least one event type' })
  .transform((types) => [...new Set(types)].sort());

const newEndpointSchema = z.object({
  url: endpointUrl,
  eventTypes,
  description: optionalText(200),
  wilayaCode: wilayaCode.nullish().transform((value) => value ?? null),
  contractorId: recordId.nullish().transform((value) => value ?? null),
});

/** A change: each field left out stays as it is; a filter given as null is lifted. */
const endpointChangeSchema = z.object({
  id: recordId,
  expectedVersion,
  url: endpointUrl.optional(),
  eventTypes: eventTypes.optional(),
  description: optionalText(200).optional(),
  wilayaCode: wilayaCode.nullish(),
  contractorId: recordId.nullish(),
});

/** The audited fields of an endpoint, as the API names them (never its secrets). */
const auditedFields = ['url', 'eventTypes', 'description', 'wilayaCode', 'contractorId'] as const;

function auditedValues(endpoint: WebhookEndpoint): Record<(typeof auditedFields)[number], unknown> {
  return {
    url: endpoint.url,
    eventTypes: endpoint.eventTypes,
    description: endpoint.description,
    wilayaCode: endpoint.wilayaCode,
    contractorId: endpoint.filterContractor?.id ?? null,
  };
}

/** Records a change of `endpoint` in the audit trail, in the transaction of `em`. */
function audit(
  em: EntityManager,
  context: Context,
  endpoint: WebhookEndpoint,
  entry: {
    action: AuditAction;
    changes?: { field: string; from: unknown; to: unknown }[];
    fromStatus?: string;
    toStatus?: string;
  },
): void {
  recordAudit(em, context, { entityType: AuditEntityType.WEBHOOK_ENDPOINT, entityId: endpoint.id, ...entry });
}

/**
 * The endpoint with this id that the viewer manages: any for an ADMIN, its firm's for a firm's admin.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND (also another firm's)
 */
async function managedEndpoint(em: EntityManager, context: Context, id: string): Promise<WebhookEndpoint> {
  const { firmId } = requireAccessManager(context, 'webhooks');
  const endpointId = parseInput(recordId, id, 'id');
  const endpoint = await em.findOne(
    WebhookEndpoint,
    firmId ? { id: endpointId, contractor: firmId } : { id: endpointId },
  );
  if (!endpoint) throw notFound('id', 'webhook endpoint', endpointId);
  return endpoint;
}

/**
 * The contractor an AT endpoint keeps the events of, checked; a firm's endpoint has its own firm's
 * events only and names none.
 * @throws DomainError BAD_USER_INPUT (a firm names a contractor), NOT_FOUND
 */
async function filterContractor(
  em: EntityManager,
  firmId: string | null,
  contractorId: string | null,
): Promise<Contractor | null> {
  if (!contractorId) return null;
  if (firmId) throw badUserInput('contractorId', "a firm's endpoint receives its own events only");
  const contractor = await em.findOne(Contractor, { id: contractorId });
  if (!contractor) throw notFound('contractorId', 'contractor', contractorId);
  return contractor;
}

/**
 * Registers an endpoint: an ADMIN for AT (every event, narrowed by its filters), a firm's admin for
 * its firm (its own events only). Returns its signing secret, shown this once.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND (wilaya, contractor)
 */
export async function createWebhookEndpoint(
  context: Context,
  input: unknown,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const { user, firmId } = requireAccessManager(context, 'webhooks');
  const values = parseInput(newEndpointSchema, input);
  const secret = newSecret();
  const endpoint = await inTransaction(context, async (em) => {
    if (values.wilayaCode) await requireWilaya(em, values.wilayaCode);
    const filter = await filterContractor(em, firmId, values.contractorId);
    const created = em.create(WebhookEndpoint, {
      contractor: firmId ? ref(Contractor, firmId) : null,
      url: values.url,
      description: values.description,
      eventTypes: values.eventTypes,
      wilayaCode: values.wilayaCode,
      filterContractor: filter ? ref(filter) : null,
      secret,
      createdBy: ref(user),
    } as never);
    await em.flush();
    audit(em, context, created, {
      action: AuditAction.CREATE,
      changes: changedFields({}, auditedValues(created), auditedFields),
    });
    return created;
  });
  return { endpoint, secret };
}

/**
 * Changes an endpoint's URL, events, description or filters, at the version the viewer saw.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale expectedVersion)
 */
export async function updateWebhookEndpoint(context: Context, input: unknown): Promise<WebhookEndpoint> {
  const { firmId } = requireAccessManager(context, 'webhooks');
  const values = parseInput(endpointChangeSchema, input);
  return inTransaction(context, async (em) => {
    const endpoint = await managedEndpoint(em, context, values.id);
    if (endpoint.version !== values.expectedVersion)
      throw staleVersion('webhook endpoint', values.expectedVersion, endpoint.version);
    if (values.wilayaCode) await requireWilaya(em, values.wilayaCode);
    const before = auditedValues(endpoint);
    if (values.url !== undefined) endpoint.url = values.url;
    if (values.eventTypes !== undefined) endpoint.eventTypes = values.eventTypes;
    if (values.description !== undefined) endpoint.description = values.description;
    if (values.wilayaCode !== undefined) endpoint.wilayaCode = values.wilayaCode;
    if (values.contractorId !== undefined) {
      const filter = await filterContractor(em, firmId, values.contractorId);
      endpoint.filterContractor = filter ? ref(filter) : null;
    }
    const changes = changedFields(before, auditedValues(endpoint), auditedFields);
    if (changes.length > 0) audit(em, context, endpoint, { action: AuditAction.UPDATE, changes });
    return endpoint;
  });
}

/**
 * Deletes an endpoint with its deliveries and their attempts; the deliveries waiting are not sent.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND
 */
export async function deleteWebhookEndpoint(context: Context, id: string): Promise<string> {
  return inTransaction(context, async (em) => {
    const endpoint = await managedEndpoint(em, context, id);
    em.remove(endpoint);
    return endpoint.id;
  });
}

/**
 * Gives an endpoint a new signing secret, returned this once. The one before still signs every
 * delivery beside it for 24 hours (two signatures in `webhook-signature`), then stops.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND
 */
export async function rotateWebhookEndpointSecret(
  context: Context,
  id: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newSecret();
  const endpoint = await inTransaction(context, async (em) => {
    const endpoint = await managedEndpoint(em, context, id);
    await em.populate(endpoint, ['secret']);
    endpoint.previousSecret = endpoint.secret;
    endpoint.previousSecretExpiresAt = new Date(Date.now() + rotationOverlapMs);
    endpoint.secret = secret;
    // That the secret changed, never the secret.
    audit(em, context, endpoint, { action: AuditAction.UPDATE, changes: [{ field: 'secret', from: null, to: null }] });
    return endpoint;
  });
  return { endpoint, secret };
}

/**
 * Enables or disables an endpoint. Enabling starts its failure count again; disabling gives up the
 * deliveries waiting (they can be redelivered once it is enabled again).
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, INVALID_TRANSITION (already so)
 */
export async function setWebhookEndpointEnabled(
  context: Context,
  id: string,
  enabled: boolean,
): Promise<WebhookEndpoint> {
  return inTransaction(context, async (em) => {
    const endpoint = await managedEndpoint(em, context, id);
    const from = enabled ? WebhookEndpointStatus.DISABLED : WebhookEndpointStatus.ENABLED;
    if (endpoint.status !== from)
      throw invalidTransition('webhook endpoint', enabled ? 'enable' : 'disable', endpoint.status, [from]);
    endpoint.status = enabled ? WebhookEndpointStatus.ENABLED : WebhookEndpointStatus.DISABLED;
    audit(em, context, endpoint, { action: AuditAction.TRANSITION, fromStatus: from, toStatus: endpoint.status });
    endpoint.disabledReason = enabled ? null : WebhookDisabledReason.BY_HAND;
    endpoint.failingSince = null;
    return endpoint;
  });
}

/**
 * Sends a delivery again, whatever became of it, with the same `webhook-id` (receivers recognise it),
 * signed anew; its attempts start again (three days of retries).
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND (also another firm's),
 *   INVALID_TRANSITION (its endpoint is DISABLED: enable it first)
 */
export async function redeliverWebhookDelivery(context: Context, id: string): Promise<WebhookDelivery> {
  const { firmId } = requireAccessManager(context, 'webhooks');
  const deliveryId = parseInput(recordId, id, 'id');
  return inTransaction(context, async (em) => {
    const delivery = await em.findOne(
      WebhookDelivery,
      firmId ? { id: deliveryId, endpoint: { contractor: firmId } } : { id: deliveryId },
      { populate: ['endpoint'] },
    );
    if (!delivery) throw notFound('id', 'webhook delivery', deliveryId);
    const endpoint = delivery.endpoint.getEntity();
    if (endpoint.status !== WebhookEndpointStatus.ENABLED)
      throw invalidTransition('webhook delivery of a disabled endpoint', 'redeliver', endpoint.status, [
        WebhookEndpointStatus.ENABLED,
      ]);
    delivery.status = WebhookDeliveryStatus.PENDING;
    delivery.nextAttemptAt = new Date();
    await em.flush();
    await addDeliveryJob(em, delivery.id);
    return delivery;
  });
}

/** The endpoints the viewer manages (all for an ADMIN, its firm's for a firm's admin), by id, a page at a time. */
export function listWebhookEndpoints(context: Context, page: PageArgs): Promise<Page<WebhookEndpoint>> {
  const { firmId } = requireAccessManager(context, 'webhooks');
  return paginate(context.em, WebhookEndpoint, firmId ? { contractor: firmId } : {}, { id: 'asc' }, page);
}

/**
 * The endpoint with this id, or null when there is none the viewer manages.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT
 */
export async function findWebhookEndpoint(context: Context, id: string): Promise<WebhookEndpoint | null> {
  const { firmId } = requireAccessManager(context, 'webhooks');
  const endpointId = parseInput(recordId, id, 'id');
  return context.em.findOne(WebhookEndpoint, firmId ? { id: endpointId, contractor: firmId } : { id: endpointId });
}

/** An endpoint's deliveries, newest first, a page at a time (the endpoint was checked by whoever read it). */
export function listWebhookDeliveries(
  context: Context,
  endpoint: WebhookEndpoint,
  page: PageArgs,
): Promise<Page<WebhookDelivery>> {
  return paginate(context.em, WebhookDelivery, { endpoint: endpoint.id }, { id: 'desc' }, page);
}

/** A delivery's attempts, oldest first (those of every delivery of a page read together). */
export async function listWebhookAttempts(delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
  return (await delivery.attemptsMade.load({ dataloader: true })).getItems();
}
