import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { Site } from '../site/site.entity.js';
import { User } from '../user/user.entity.js';

export enum CustomerSubscriptionStatus {
  PENDING = 'PENDING',
  ASSIGNED = 'ASSIGNED',
  SCHEDULED = 'SCHEDULED',
  INSTALLED = 'INSTALLED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CustomerSubscriptionStatus, {
  name: 'CustomerSubscriptionStatus',
  description:
    'PENDING → ASSIGNED → SCHEDULED → INSTALLED → ACCEPTED; INSTALLED → REJECTED (reserves) → INSTALLED again; ' +
    'FAILED (with a reason code) and CANCELLED from any open state (all but ACCEPTED, FAILED, CANCELLED).',
  valuesConfig: {
    PENDING: { description: 'Ordered, given to no contractor yet.' },
    ASSIGNED: { description: 'Given to a contractor (and maybe one of its technicians), no appointment yet.' },
    SCHEDULED: { description: 'An appointment with the customer is set.' },
    INSTALLED: { description: 'Reported installed (measurements, photos): awaiting acceptance.' },
    ACCEPTED: { description: 'Accepted by AT and billed on the contractor’s invoice: final.' },
    REJECTED: { description: 'Sent back with reserves: the contractor reports it again (back to INSTALLED).' },
    FAILED: { description: 'The connection could not be made (a FailureReason): final.' },
    CANCELLED: { description: 'Cancelled by AT: final.' },
  },
});

export enum FailureReason {
  CUSTOMER_ABSENT = 'CUSTOMER_ABSENT',
  NO_INFRASTRUCTURE = 'NO_INFRASTRUCTURE',
  CUSTOMER_REFUSED = 'CUSTOMER_REFUSED',
  ACCESS_DENIED = 'ACCESS_DENIED',
  OTHER = 'OTHER',
}
registerEnumType(FailureReason, {
  name: 'FailureReason',
  description:
    'Why a connection failed: customer absent, no infrastructure (no PBO in reach), customer refused, access denied, other.',
  valuesConfig: {
    CUSTOMER_ABSENT: { description: 'The customer was not there at the appointment.' },
    NO_INFRASTRUCTURE: { description: 'No PBO (street box) within reach of the home.' },
    CUSTOMER_REFUSED: { description: 'The customer refused the installation.' },
    ACCESS_DENIED: { description: 'Access to the building or the home was refused.' },
    OTHER: { description: 'Another reason, given in words (required then).' },
  },
});

/**
 * A customer's order for a fibre line (abonnement), the unit of work to connect. Holds the customer's
 * personal data (name, phone, address).
 */
@ObjectType({ description: "A customer's order for a fibre line: the unit of work to connect." })
@Entity({ tableName: 'customer_subscription' })
@Index({ properties: ['orderedAt', 'id'] })
@Index({ properties: ['wilaya', 'orderedAt', 'id'] })
@Index({ properties: ['wilaya', 'status', 'orderedAt', 'id'] })
@Index({ properties: ['contractor', 'orderedAt', 'id'] })
@Index({ properties: ['contractor', 'status', 'orderedAt', 'id'] })
@Index({ properties: ['site', 'status'] })
@Index({ properties: ['status', 'orderedAt', 'id'] })
@Index({ properties: ['appointmentAt'] })
@Index({ properties: ['status', 'statusChangedAt', 'id'] })
// The national dashboard: each wilaya's oldest waiting report, and the work late for its appointment.
@Index({ properties: ['wilaya', 'status', 'statusChangedAt'] })
@Index({ properties: ['status', 'appointmentAt'] })
// `updatedSince`: what a client that polls the list asks for.
@Index({ properties: ['updatedAt'] })
// The free-text search (`textContains`): its columns as raccord_search_text gives them, the phone as stored (E.164).
@Index({
  name: 'customer_subscription_search_text_trgm',
  expression:
    'create index "customer_subscription_search_text_trgm" on "customer_subscription" using gin (raccord_search_text("order_reference") gin_trgm_ops, raccord_search_text("customer_name") gin_trgm_ops, "customer_phone" gin_trgm_ops)',
})
export class CustomerSubscription extends TrackedEntity {
  @Field(() => String, { description: 'AT\'s order reference, unique, upper case (e.g. "CMD-16-2026-000123").' })
  @Property({ type: 'string', length: 40, unique: 'customer_subscription_order_reference_unique' })
  orderReference!: string;

  /** Customer name (personal data: see the resolver for who may read it). */
  @Property({ type: 'string', length: 200 })
  customerName!: string;

  /** Customer phone in E.164 form (personal data). */
  @Property({ type: 'string', length: 20 })
  customerPhone!: string;

  /** Address of the home to connect (personal data). */
  @Property({ type: 'string', length: 300 })
  customerAddress!: string;

  @Index()
  @ManyToOne(() => Commune, { ref: true, deleteRule: 'restrict' })
  commune!: Ref<Commune>;

  /** The commune's wilaya, kept for filtering; set from the commune on every write. */
  @ManyToOne(() => Wilaya, { ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @Field(() => String, { description: 'Commercial offer subscribed, e.g. "IDOOM FIBRE 300 Mbps".' })
  @Property({ type: 'string', length: 100 })
  offer!: string;

  @ManyToOne(() => Site, { ref: true, nullable: true, deleteRule: 'restrict' })
  site: Ref<Site> | null = null;

  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict' })
  contractor: Ref<Contractor> | null = null;

  /** The firm's technician the work is given to (a TECHNICIAN of the assigned firm); null: the firm as a whole. */
  @Index()
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  technician: Ref<User> | null = null;

  @Field(() => DateTime, {
    nullable: true,
    description: 'Installation appointment (UTC); set by scheduleInstallation.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  appointmentAt: Date | null = null;

  @Field(() => DateTime, { description: 'When AT took the order (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  orderedAt: Date = new Date();

  @Field(() => CustomerSubscriptionStatus, { description: 'Where the work stands in its lifecycle.' })
  @Enum({ items: () => CustomerSubscriptionStatus, nativeEnumName: 'customer_subscription_status' })
  status: CustomerSubscriptionStatus = CustomerSubscriptionStatus.PENDING;

  @Field(() => FailureReason, { nullable: true, description: 'Why it FAILED; null otherwise.' })
  @Enum({ items: () => FailureReason, nativeEnumName: 'failure_reason', nullable: true })
  failureReason: FailureReason | null = null;

  @Field(() => String, { nullable: true, description: 'Reason given for the last change of status.' })
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Field(() => DateTime, { description: 'When the status last changed (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  statusChangedAt: Date = new Date();
}

/**
 * A customer subscription as a read answers it, from its row with no entity made (`recordsOf`): its
 * columns, and the records it refers to as their keys, as an entity's references show them; the
 * field resolvers read either.
 */
export type CustomerSubscriptionRecord = Omit<
  CustomerSubscription,
  'commune' | 'wilaya' | 'site' | 'contractor' | 'technician'
> & {
  readonly commune: { readonly id: number };
  readonly wilaya: { readonly code: string };
  readonly site: { readonly id: string } | null;
  readonly contractor: { readonly id: string } | null;
  readonly technician: { readonly id: string } | null;
};
