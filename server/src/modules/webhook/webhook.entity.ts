import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
  type Ref,
} from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { User } from '../user/user.entity.js';

/** The events a third-party application may receive, one per change-log topic it may see. */
export enum WebhookEventType {
  INVOICE_CHANGED = 'INVOICE_CHANGED',
  CUSTOMER_SUBSCRIPTION_CHANGED = 'CUSTOMER_SUBSCRIPTION_CHANGED',
  SITE_CHANGED = 'SITE_CHANGED',
}
registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'An event a webhook endpoint may receive (the body’s `type` is its lower-case dotted form).',
  valuesConfig: {
    INVOICE_CHANGED: {
      description:
        '`invoice.changed`: a line billed, submitted, approved, sent back, credited, paid (not for technicians).',
    },
    CUSTOMER_SUBSCRIPTION_CHANGED: {
      description:
        '`customer_subscription.changed`: created, edited, assigned, scheduled, installed, accepted, rejected, failed, cancelled.',
    },
    SITE_CHANGED: {
      description:
        '`site.changed`: created, edited, assigned, started, completed, closed, suspended, resumed, its progress.',
    },
  },
});

export enum WebhookEndpointStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookEndpointStatus, {
  name: 'WebhookEndpointStatus',
  description: 'Whether an endpoint receives events.',
  valuesConfig: {
    ENABLED: { description: 'Receives the events it asked for.' },
    DISABLED: { description: 'Receives nothing (see disabledReason); events meanwhile are not kept for it.' },
  },
});

export enum WebhookDisabledReason {
  BY_HAND = 'BY_HAND',
  FAILING = 'FAILING',
}
registerEnumType(WebhookDisabledReason, {
  name: 'WebhookDisabledReason',
  description: 'Why an endpoint is DISABLED.',
  valuesConfig: {
    BY_HAND: { description: 'Its owner (or an administrator) disabled it.' },
    FAILING: {
      description: 'Every delivery failed for WEBHOOK_DISABLE_AFTER_DAYS days in a row (5 by default).',
    },
  },
});

/**
 * Where a third-party application receives events, signed as the Standard Webhooks specification
 * says. Its owner is AT (no contractor: registered by an ADMIN) or a firm (registered by its admin),
 * which receives only the events it may see, as its subscriptions would. The signing secrets are kept
 * as they are (they sign every delivery) and never shown again after creation or rotation.
 */
@ObjectType({ description: 'An endpoint of a third-party application receiving events (Standard Webhooks).' })
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint extends TrackedEntity {
  /** The firm that owns it, which receives only its own events; null: AT's. */
  @Index()
  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict' })
  contractor: Ref<Contractor> | null = null;

  @Field(() => String, { description: 'Where events are POSTed (https; http only to localhost outside production).' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What it is for, as its owner wrote it (at most 200 characters).',
  })
  @Property({ type: 'string', length: 200, nullable: true })
  description: string | null = null;

  @Field(() => [WebhookEventType], { description: 'The events it receives.' })
  @Property({ type: 'json' })
  eventTypes: WebhookEventType[] = [];

  @Field(() => String, {
    nullable: true,
    description: 'Only events of work (or invoices billing work) in this wilaya.',
  })
  @Property({ type: 'string', length: 2, nullable: true })
  wilayaCode: string | null = null;

  /** AT's endpoints only: only this firm's events. */
  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict', fieldName: 'filter_contractor_id' })
  filterContractor: Ref<Contractor> | null = null;

  @Field(() => WebhookEndpointStatus, { description: 'Whether it receives events.' })
  @Enum({ items: () => WebhookEndpointStatus, nativeEnumName: 'webhook_endpoint_status' })
  status: WebhookEndpointStatus = WebhookEndpointStatus.ENABLED;

  @Field(() => WebhookDisabledReason, { nullable: true, description: 'Why it is DISABLED; null while ENABLED.' })
  @Enum({ items: () => WebhookDisabledReason, nativeEnumName: 'webhook_disabled_reason', nullable: true })
  disabledReason: WebhookDisabledReason | null = null;

  /** The current signing secret, `whsec_` and base64 (Standard Webhooks). */
  @Property({ type: 'string', length: 80, hidden: true, lazy: true })
  secret!: string;

  /** After a rotation, the secret before it, which still signs until `previousSecretExpiresAt`. */
  @Property({ type: 'string', length: 80, nullable: true, hidden: true, lazy: true })
  previousSecret: string | null = null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'After a rotation: until when deliveries are also signed with the secret before it (UTC); null otherwise.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null = null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'Since when every delivery attempt has failed (UTC); null when the last one succeeded.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  failingSince: Date | null = null;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: its next attempt is at nextAttemptAt.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: {
      description:
        'Given up: every attempt failed for three days, or the endpoint was disabled. It can be redelivered by hand.',
    },
  },
});

/** One event for one endpoint: the body sent (the same on every attempt) and where its delivery stands. */
@ObjectType({ description: 'One event sent to one endpoint, with its attempts.' })
@Entity({ tableName: 'webhook_delivery' })
@Unique({ name: 'webhook_delivery_endpoint_event_unique', properties: ['endpoint', 'eventPosition'] })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @ManyToOne(() => WebhookEndpoint, { ref: true, deleteRule: 'cascade' })
  endpoint!: Ref<WebhookEndpoint>;

  /** The event's position in the change log (a 64-bit integer as a decimal string): the `webhook-id` derives from it. */
  @Property({ type: 'bigint' })
  eventPosition!: string;

  @Field(() => WebhookEventType, { description: 'The event.' })
  @Enum({ items: () => WebhookEventType, nativeEnumName: 'webhook_event_type' })
  eventType!: WebhookEventType;

  /** The body sent: `{ type, timestamp, data }`. */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  /** Attempts made so far, redeliveries included (`attemptCount` in the API). */
  @Property({ type: 'integer' })
  attempts = 0;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the last attempt was made (UTC); null before the first.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the next attempt is due (UTC); null unless PENDING.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  @Field(() => DateTime, { description: 'When the event reached this endpoint’s queue (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @OneToMany(() => WebhookAttempt, (attempt) => attempt.delivery, { orderBy: { id: 'asc' } })
  attemptsMade = new Collection<WebhookAttempt>(this);
}

/** One HTTP attempt of a delivery. */
@ObjectType({ description: 'One attempt to deliver an event: the HTTP status received, or why none was.' })
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => WebhookDelivery, { ref: true, deleteRule: 'cascade' })
  delivery!: Ref<WebhookDelivery>;

  @Field(() => DateTime, { description: 'When it was made (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  attemptedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'The HTTP status the endpoint answered; null when it did not answer.',
  })
  @Property({ type: 'integer', nullable: true })
  httpStatus: number | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why no answer came (TIMEOUT after 10 s, refused connection, address not allowed…); null when one did.',
  })
  @Property({ type: 'string', length: 500, nullable: true })
  error: string | null = null;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  @Property({ type: 'integer' })
  durationMs!: number;
}
