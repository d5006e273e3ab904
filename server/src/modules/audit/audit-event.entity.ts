import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, JSONValue } from '../../common/scalars.js';
import { ActorType } from '../../context.js';

/** The kinds of records whose changes are audited. */
export enum AuditEntityType {
  CONTRACTOR = 'CONTRACTOR',
  SITE = 'SITE',
  CUSTOMER_SUBSCRIPTION = 'CUSTOMER_SUBSCRIPTION',
  INVOICE = 'INVOICE',
  USER = 'USER',
  API_KEY = 'API_KEY',
  PRICE_SCHEDULE = 'PRICE_SCHEDULE',
  WEBHOOK_ENDPOINT = 'WEBHOOK_ENDPOINT',
  SERVICE_LEVEL_SCHEDULE = 'SERVICE_LEVEL_SCHEDULE',
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
}
registerEnumType(AuditEntityType, {
  name: 'AuditEntityType',
  description: 'Kinds of audited records.',
  valuesConfig: {
    CONTRACTOR: { description: 'A contracting firm.' },
    SITE: { description: 'A site of the roll-out.' },
    CUSTOMER_SUBSCRIPTION: { description: 'A customer subscription (work order).' },
    INVOICE: { description: "A contractor's invoice, with its credit notes and payments." },
    USER: {
      description:
        'A user: created, disabled (never its password, nor its hash). Seen by administrators, and by a firm’s admin for its firm’s users.',
    },
    API_KEY: {
      description:
        'An API key: created, revoked (never its secret, nor its hash). Seen by administrators, and by a firm’s admin for its firm’s keys.',
    },
    PRICE_SCHEDULE: {
      description: 'A version of the price schedule (bordereau des prix unitaires), created with its items.',
    },
    WEBHOOK_ENDPOINT: {
      description:
        'A webhook endpoint: registered, changed, enabled, disabled, its secret rotated (never the secret). Seen by administrators, and by a firm’s admin for its firm’s endpoints.',
    },
    SERVICE_LEVEL_SCHEDULE: { description: 'A version of the service levels, created with its targets.' },
    PUBLIC_HOLIDAY: { description: 'A public holiday, added or removed (its trail stays after its removal).' },
  },
});

/** What happened to the record. */
export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  TRANSITION = 'TRANSITION',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, {
  name: 'AuditAction',
  description:
    'CREATE: the record was created; UPDATE: fields changed; TRANSITION: its status changed; DELETE: it was removed.',
  valuesConfig: {
    CREATE: { description: 'The record was created.' },
    UPDATE: { description: 'Fields of the record changed (its status did not).' },
    TRANSITION: { description: 'Its status changed (a lifecycle step).' },
    DELETE: { description: 'The record was removed (only a public holiday still to come can be).' },
  },
});

registerEnumType(ActorType, {
  name: 'ActorType',
  description: 'SYSTEM (imports, demo data, before access control), a USER or an API_KEY.',
  valuesConfig: {
    SYSTEM: {
      description:
        'The server itself: imports from the command line, demo data, changes made before access control existed.',
    },
    USER: { description: 'A signed-in user: `actorId` is the user’s id.' },
    API_KEY: { description: 'An application with an API key: `actorId` is the key’s id.' },
  },
});

@ObjectType({
  description:
    'Who made an audited change, as the viewer may see them: the name and organisation of a person or an API key, ' +
    'the e-mail of a person only to an ADMIN or to a viewer of the same organisation (Algérie Télécom, or the same firm).',
})
export class AuditActor {
  @Field(() => String, {
    nullable: true,
    description: "The user's display name or the API key's name; null for SYSTEM (or an actor no longer found).",
  })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The user's sign-in e-mail, to an ADMIN or a viewer of the user's organisation; null otherwise, and for an API key or SYSTEM.",
  })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The legal name of the firm of the user or API key, or "Algérie Télécom" for AT\'s own; null for SYSTEM.',
  })
  organisation!: string | null;
}

@ObjectType({ description: 'One field changed by an audited change, with its value before and after.' })
export class AuditFieldChange {
  @Field(() => String, { description: 'Field name as in the API, e.g. "legalName".' })
  field!: string;

  @Field(() => JSONValue, { nullable: true, description: 'Value before the change; null when created.' })
  from!: unknown;

  @Field(() => JSONValue, { nullable: true, description: 'Value after the change.' })
  to!: unknown;
}

/**
 * An append-only record of one change: written in the same transaction as the change; the database
 * refuses UPDATE, DELETE and TRUNCATE on its table (trigger `audit_event_append_only`).
 */
@ObjectType({
  description:
    'An append-only record of one change to a contractor, site, customer subscription, invoice, user, API key or price schedule version.',
})
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId', 'id'] })
export class AuditEvent {
  @Field(() => ID, { description: 'Identifier; ids grow with time, so they also order the events.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => DateTime, { description: 'When the change was committed (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt: Date = new Date();

  @Field(() => ActorType, { description: 'Who made the change.' })
  @Enum({ items: () => ActorType, nativeEnumName: 'actor_type' })
  actorType!: ActorType;

  @Field(() => String, { nullable: true, description: 'Id of the user or API key; null for SYSTEM.' })
  @Property({ type: 'string', length: 64, nullable: true })
  actorId: string | null = null;

  @Field(() => AuditEntityType, { description: 'Kind of record changed.' })
  @Enum({ items: () => AuditEntityType, nativeEnumName: 'audit_entity_type' })
  entityType!: AuditEntityType;

  @Field(() => ID, { description: 'Id of the record changed.' })
  @Property({ type: 'string', length: 64 })
  entityId!: string;

  @Field(() => AuditAction, { description: 'What happened to the record.' })
  @Enum({ items: () => AuditAction, nativeEnumName: 'audit_action' })
  action!: AuditAction;

  @Field(() => String, { nullable: true, description: 'Status before a TRANSITION.' })
  @Property({ type: 'string', length: 40, nullable: true })
  fromStatus: string | null = null;

  @Field(() => String, { nullable: true, description: 'Status after a CREATE or TRANSITION.' })
  @Property({ type: 'string', length: 40, nullable: true })
  toStatus: string | null = null;

  @Field(() => [AuditFieldChange], { description: 'Fields changed, with before and after values.' })
  @Property({ type: 'json' })
  changes: AuditFieldChange[] = [];

  @Field(() => String, { nullable: true, description: 'Why, as given with the change.' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => String, { description: 'Request id of the API call that made the change (X-Request-Id).' })
  @Property({ type: 'string', length: 128 })
  requestId!: string;
}
