import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { JSONValue } from '../../common/scalars.js';
import type { Context } from '../../context.js';
import { mayReadContractor } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { webhookId, webhookMaxAttempts } from './webhook.consumer.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEventType } from './webhook.entity.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookAttempts,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhookDelivery,
  rotateWebhookEndpointSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from './webhook.service.js';

const urlRule =
  'https:// (http:// only to localhost outside production); in production never a local or private address, nor a name resolving to one; at most 2000 characters, no user name or password.';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: `Where events are POSTed: ${urlRule}` })
  url!: string;

  @Field(() => [WebhookEventType], { description: 'The events it receives (at least one).' })
  eventTypes!: WebhookEventType[];

  @Field(() => String, { nullable: true, description: 'What it is for, at most 200 characters.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only events of work in this wilaya ("01" to "58"; an invoice: billing work there).',
  })
  wilayaCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "ADMIN only: only this contractor's events (a firm's endpoint receives its own events only).",
  })
  contractorId?: string | null;
}

@InputType({ description: 'A change to a webhook endpoint: each field left out stays as it is.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: `Where events are POSTed: ${urlRule}` })
  url?: string;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The events it receives (at least one).' })
  eventTypes?: WebhookEventType[];

  @Field(() => String, {
    nullable: true,
    description: 'What it is for, at most 200 characters; empty or null clears it.',
  })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only events in this wilaya ("01" to "58"); null lifts the filter.',
  })
  wilayaCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "ADMIN only: only this contractor's events; null lifts the filter.",
  })
  contractorId?: string | null;
}

@ObjectType({ description: 'A webhook endpoint with its signing secret: the secret is shown now and never again.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint.' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, {
    description:
      'The signing secret (`whsec_` and base64, Standard Webhooks): verify each delivery’s `webhook-signature` with it. Kept by the server to sign, never shown again: copy it now.',
  })
  secret!: string;
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpoint, 'WebhookEndpoint');
export type WebhookEndpointConnection = InstanceType<typeof WebhookEndpointConnection>;
export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

const manageErrors = 'Errors: UNAUTHENTICATED, FORBIDDEN (not an ADMIN nor a firm’s admin), BAD_USER_INPUT';

/**
 * Webhooks: endpoints of third-party applications, registered by an ADMIN (AT's) or a firm's admin
 * (its firm's), their deliveries and attempts.
 */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Query(() => WebhookEndpointConnection, {
    description: `Webhook endpoints, by id, a page at a time (at most 100): all for an ADMIN, its firm's for a firm's admin. ${manageErrors}.`,
    complexity: listOf(20),
  })
  async webhookEndpoints(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ): Promise<WebhookEndpointConnection> {
    return asConnection(WebhookEndpointConnection, await listWebhookEndpoints(context, page));
  }

  @Query(() => WebhookEndpoint, {
    nullable: true,
    description: `The webhook endpoint with this id, or null (also another firm's). ${manageErrors}.`,
  })
  webhookEndpoint(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<WebhookEndpoint | null> {
    return findWebhookEndpoint(context, id);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'Registers a webhook endpoint: an ADMIN for AT (every event, narrowed by its filters), a firm’s admin for its firm (its own events only, as its subscriptions would see them). ' +
      'Each event is POSTed as JSON `{type, timestamp, data}` with the Standard Webhooks headers `webhook-id` (`evt_<position>`, the same on every retry and redelivery), ' +
      '`webhook-timestamp` and `webhook-signature`; a 2xx answer within 10 s is a success, anything else is retried for three days. ' +
      `${manageErrors} (the URL, an event type, a wilaya code), NOT_FOUND (wilaya, contractor).`,
  })
  createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The new endpoint.' })
    input: CreateWebhookEndpointInput,
    @Ctx() context: Context,
  ): Promise<WebhookEndpointWithSecret> {
    return createWebhookEndpoint(context, input);
  }

  @Mutation(() => WebhookEndpoint, {
    description: `Changes a webhook endpoint's URL, events, description or filters. ${manageErrors}, NOT_FOUND, CONFLICT (stale expectedVersion).`,
  })
  updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The change.' }) input: UpdateWebhookEndpointInput,
    @Ctx() context: Context,
  ): Promise<WebhookEndpoint> {
    return updateWebhookEndpoint(context, input);
  }

  @Mutation(() => ID, {
    description: `Deletes a webhook endpoint, its deliveries and their attempts (those waiting are not sent); returns its id. ${manageErrors}, NOT_FOUND.`,
  })
  deleteWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint to delete, with its deliveries.' }) id: string,
    @Ctx() context: Context,
  ): Promise<string> {
    return deleteWebhookEndpoint(context, id);
  }

  @Mutation(() => WebhookEndpointWithSecret, {
    description:
      'Gives a webhook endpoint a new signing secret, shown this once. For 24 hours deliveries carry two signatures (the new secret’s and the one before’s, space-separated in `webhook-signature`), ' +
      `so the receiver switches to the new secret without missing any; then only the new one signs. ${manageErrors}, NOT_FOUND.`,
  })
  rotateWebhookEndpointSecret(
    @Arg('id', () => ID, { description: 'The endpoint whose signing secret changes.' }) id: string,
    @Ctx() context: Context,
  ): Promise<WebhookEndpointWithSecret> {
    return rotateWebhookEndpointSecret(context, id);
  }

  @Mutation(() => WebhookEndpoint, {
    description: `Enables a DISABLED webhook endpoint: it receives the events from now on (those it missed can be redelivered). ${manageErrors}, NOT_FOUND, INVALID_TRANSITION (already ENABLED).`,
  })
  enableWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The DISABLED endpoint to enable.' }) id: string,
    @Ctx() context: Context,
  ): Promise<WebhookEndpoint> {
    return setWebhookEndpointEnabled(context, id, true);
  }

  @Mutation(() => WebhookEndpoint, {
    description: `Disables a webhook endpoint: it receives nothing, and its deliveries waiting are given up (FAILED). ${manageErrors}, NOT_FOUND, INVALID_TRANSITION (already DISABLED).`,
  })
  disableWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The ENABLED endpoint to disable.' }) id: string,
    @Ctx() context: Context,
  ): Promise<WebhookEndpoint> {
    return setWebhookEndpointEnabled(context, id, false);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a delivery again, whatever became of it, with the same `webhook-id` and body, signed anew; its retries start again (three days). ' +
      `${manageErrors}, NOT_FOUND (also another firm's), INVALID_TRANSITION (its endpoint is DISABLED: enable it first).`,
  })
  redeliverWebhookDelivery(
    @Arg('id', () => ID, { description: 'The delivery.' }) id: string,
    @Ctx() context: Context,
  ): Promise<WebhookDelivery> {
    return redeliverWebhookDelivery(context, id);
  }

  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'The firm that owns it (it receives that firm’s events only); null: AT’s.',
  })
  async contractor(@Root() endpoint: WebhookEndpoint, @Ctx() context: Context): Promise<Contractor | null> {
    return endpoint.contractor && mayReadContractor(context, endpoint.contractor.id)
      ? endpoint.contractor.loadOrFail({ dataloader: true })
      : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: "AT's endpoints: only this contractor's events; null: all." })
  filterContractorId(@Root() endpoint: WebhookEndpoint): string | null {
    return endpoint.filterContractor?.id ?? null;
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description: 'Its deliveries, newest first, a page at a time (at most 100).',
    complexity: listOf(20),
  })
  async deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ): Promise<WebhookDeliveryConnection> {
    return asConnection(WebhookDeliveryConnection, await listWebhookDeliveries(context, endpoint, page));
  }
}

/** A delivery's fields worked out from the record. */
@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => String, {
    description:
      'Its `webhook-id` header (`evt_<position in the change log>`): the same on every attempt and redelivery.',
  })
  webhookId(@Root() delivery: WebhookDelivery): string {
    return webhookId(delivery.eventPosition);
  }

  @FieldResolver(() => JSONValue, {
    description: 'The body sent, `{type, timestamp, data}`: the same on every attempt.',
  })
  body(@Root() delivery: WebhookDelivery): Record<string, unknown> {
    return delivery.payload;
  }

  @FieldResolver(() => Int, {
    description: `Attempts made so far, redeliveries included (${webhookMaxAttempts} at most per (re)delivery).`,
  })
  attemptCount(@Root() delivery: WebhookDelivery): number {
    return delivery.attempts;
  }

  @FieldResolver(() => [WebhookAttempt], {
    description: 'Its attempts, oldest first.',
    complexity: listOf(webhookMaxAttempts),
  })
  attempts(@Root() delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
    return listWebhookAttempts(delivery);
  }
}
