import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { User } from '../user/user.entity.js';

/** What a notification tells its recipient. */
export enum NotificationKind {
  WORK_ASSIGNED = 'WORK_ASSIGNED',
  INSTALLATION_REJECTED = 'INSTALLATION_REJECTED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  INVOICE_APPROVED = 'INVOICE_APPROVED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  API_KEY_EXPIRING = 'API_KEY_EXPIRING',
  WEBHOOK_DISABLED = 'WEBHOOK_DISABLED',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification tells its recipient.',
  valuesConfig: {
    WORK_ASSIGNED: {
      description:
        "Work was assigned: a site or a customer subscription to the recipient's firm (its administrators), or a customer subscription to the recipient (a technician).",
    },
    INSTALLATION_REJECTED: {
      description:
        "An installation of the recipient's firm was rejected at acceptance; `details` lists its reserves (the points to fix).",
    },
    REVISION_REQUESTED: {
      description: "An invoice of the recipient's firm was sent back for revision; `details` holds the reason given.",
    },
    INVOICE_APPROVED: { description: "An invoice of the recipient's firm was approved." },
    PAYMENT_RECORDED: { description: "A payment was recorded against an invoice of the recipient's firm." },
    API_KEY_EXPIRING: { description: 'An API key the recipient created expires within 30 days (then within 7).' },
    WEBHOOK_DISABLED: {
      description:
        "A webhook endpoint was disabled because every delivery to it failed for WEBHOOK_DISABLE_AFTER_DAYS days (5 by default): told to its firm's administrators, or for AT's to the administrator who registered it (every ADMIN when that one is disabled or no longer an ADMIN). Fix the receiver, then enable it again.",
    },
  },
});

/** The kind of record a notification is about. */
export enum NotificationSubject {
  SITE = 'SITE',
  CUSTOMER_SUBSCRIPTION = 'CUSTOMER_SUBSCRIPTION',
  INVOICE = 'INVOICE',
  API_KEY = 'API_KEY',
  WEBHOOK_ENDPOINT = 'WEBHOOK_ENDPOINT',
}
registerEnumType(NotificationSubject, {
  name: 'NotificationSubject',
  description: 'The kind of record a notification is about (its `subjectId` names it).',
  valuesConfig: {
    SITE: { description: 'A site (`Query.site`).' },
    CUSTOMER_SUBSCRIPTION: { description: 'A customer subscription (`Query.customerSubscription`).' },
    INVOICE: { description: 'An invoice (`Query.invoice`).' },
    API_KEY: { description: 'An API key (`Query.apiKeys`).' },
    WEBHOOK_ENDPOINT: { description: 'A webhook endpoint (`Query.webhookEndpoint`).' },
  },
});

/**
 * Something that happened to a record, told to one user: made from the change log by the
 * notification consumer (`logPosition`: the event it came from; one per event, recipient and kind).
 * Shown in the console always; sent by e-mail too when the recipient wants that kind.
 */
@ObjectType({ description: 'Something that happened to a record you are concerned with, told to you.' })
@Entity({ tableName: 'notification' })
@Unique({ name: 'notification_once_per_event', properties: ['logPosition', 'recipient', 'kind'] })
@Index({ name: 'notification_recipient_id_id_index', properties: ['recipient', 'id'] })
export class Notification {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string; newer notifications have greater ones.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  /** Who it is for; only that user ever reads it. */
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  recipient!: Ref<User>;

  @Field(() => NotificationKind, { description: 'What it tells.' })
  @Enum({ items: () => NotificationKind, nativeEnumName: 'notification_kind' })
  kind!: NotificationKind;

  @Field(() => NotificationSubject, { description: 'The kind of record it is about.' })
  @Enum({ items: () => NotificationSubject, nativeEnumName: 'notification_subject' })
  subjectType!: NotificationSubject;

  @Field(() => ID, { description: 'The id of the record it is about (of `subjectType`).' })
  @Property({ type: 'bigint' })
  subjectId!: string;

  @Field(() => String, {
    description:
      "How people name that record, as it was then: a customer subscription's order reference, a site's code, an invoice's number (its period while it has none), an API key's name, a webhook endpoint's URL (its first 200 characters).",
  })
  @Property({ type: 'string', length: 200 })
  subjectLabel!: string;

  @Field(() => [String], {
    description:
      "The points the change named, in order: an installation's reserves (INSTALLATION_REJECTED), the reason for a revision (REVISION_REQUESTED); empty otherwise.",
  })
  @Property({ type: 'json' })
  details: string[] = [];

  /** The change log's position of the event it came from (a decimal string); null for the API keys' daily check. */
  @Property({ type: 'bigint', nullable: true })
  logPosition: string | null = null;

  @Field(() => DateTime, { description: 'When it was made (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => DateTime, { nullable: true, description: 'When you marked it read (UTC); null while unread.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt: Date | null = null;
}

/** Which notifications a user receives by e-mail and by SMS (in the console it receives them all). */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @OneToOne(() => User, { primary: true, ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** The kinds the user turned off by e-mail: every kind is sent until turned off, new kinds included. */
  @Property({ type: 'json' })
  emailOff: NotificationKind[] = [];

  /** The mobile number SMS are sent to, in E.164 ("+213550123456"); null: none given. */
  @Property({ type: 'string', length: 16, nullable: true })
  smsNumber: string | null = null;

  /** The kinds the user turned on by SMS: none until turned on (an SMS costs), new kinds included; only with `smsNumber`. */
  @Property({ type: 'json', default: '[]' })
  smsOn: NotificationKind[] = [];

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
