import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';

export enum SiteKind {
  RESIDENTIAL_ZONE = 'RESIDENTIAL_ZONE',
  HOUSING_ESTATE = 'HOUSING_ESTATE',
  BUILDING = 'BUILDING',
  STREET = 'STREET',
  BUSINESS_ZONE = 'BUSINESS_ZONE',
  RURAL_AREA = 'RURAL_AREA',
  OTHER = 'OTHER',
}
registerEnumType(SiteKind, {
  name: 'SiteKind',
  description:
    'What the site covers: a residential zone, a housing estate (cité), a building, a street, a business zone, a rural area, other.',
  valuesConfig: {
    RESIDENTIAL_ZONE: { description: 'A residential zone.' },
    HOUSING_ESTATE: { description: 'A housing estate (cité).' },
    BUILDING: { description: 'A building.' },
    STREET: { description: 'A street.' },
    BUSINESS_ZONE: { description: 'A business zone.' },
    RURAL_AREA: { description: 'A rural area.' },
    OTHER: { description: 'Anything else.' },
  },
});

export enum SiteStatus {
  PLANNED = 'PLANNED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(SiteStatus, {
  name: 'SiteStatus',
  description:
    'PLANNED → ASSIGNED → IN_PROGRESS → COMPLETED → CLOSED; SUSPENDED from PLANNED, ASSIGNED or IN_PROGRESS, and back.',
  valuesConfig: {
    PLANNED: {
      description: 'Planned, given to no contractor yet: takes no work. Next: ASSIGNED (assignSite) or SUSPENDED.',
    },
    ASSIGNED: { description: 'Given to a contractor: takes work. Next: IN_PROGRESS (startSite) or SUSPENDED.' },
    IN_PROGRESS: { description: 'Work under way: takes work. Next: COMPLETED or SUSPENDED.' },
    COMPLETED: { description: 'Work done: takes no more work. Next: CLOSED.' },
    CLOSED: { description: 'Closed: final, its data no longer changes.' },
    SUSPENDED: { description: 'On hold: takes no work until resumed (resumeSite), back to its status before.' },
  },
});

/**
 * A work site: a zone, street or building block where one contractor deploys and connects many
 * customers. Its progress (accepted connections ÷ target) is derived from its customer subscriptions.
 */
@ObjectType({ description: 'A work site where a contractor deploys fibre and connects customers.' })
@Entity({ tableName: 'site' })
@Index({ properties: ['code', 'id'] })
@Index({ properties: ['wilaya', 'code', 'id'] })
@Index({ properties: ['contractor', 'code', 'id'] })
@Index({ properties: ['status', 'code', 'id'] })
// `updatedSince`: what a client that polls the list asks for.
@Index({ properties: ['updatedAt'] })
// The free-text search (`textContains`): its columns as raccord_search_text gives them.
@Index({
  name: 'site_search_text_trgm',
  expression:
    'create index "site_search_text_trgm" on "site" using gin (raccord_search_text("code") gin_trgm_ops, raccord_search_text("name") gin_trgm_ops)',
})
export class Site extends TrackedEntity {
  @Field(() => String, { description: 'Unique code, upper case: letters, digits, "-" and "_" (e.g. "ALG-BAB-0042").' })
  @Property({ type: 'string', length: 40, unique: 'site_code_unique' })
  code!: string;

  @Field(() => String, { description: 'Name, e.g. "Cité 500 logements, Bab Ezzouar".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => SiteKind, { description: 'What the site covers.' })
  @Enum({ items: () => SiteKind, nativeEnumName: 'site_kind' })
  kind!: SiteKind;

  @Index()
  @ManyToOne(() => Commune, { ref: true, deleteRule: 'restrict' })
  commune!: Ref<Commune>;

  /** The commune's wilaya, kept on the site for filtering; set from the commune on every write. */
  @ManyToOne(() => Wilaya, { ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @Field(() => Float, {
    nullable: true,
    description: 'Latitude in decimal degrees (WGS 84), within Algeria (18.9 to 37.2).',
  })
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description: 'Longitude in decimal degrees (WGS 84), within Algeria (−8.7 to 12.0).',
  })
  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Field(() => Int, { description: 'Number of customer connections the site is to deliver.' })
  @Property({ type: 'integer' })
  targetConnections!: number;

  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict' })
  contractor: Ref<Contractor> | null = null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned start (calendar date, Algiers).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  plannedStart: string | null = null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Planned end (calendar date, Algiers), not before the start.',
  })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  plannedEnd: string | null = null;

  @Field(() => SiteStatus, { description: 'Where the site stands in its lifecycle.' })
  @Enum({ items: () => SiteStatus, nativeEnumName: 'site_status' })
  status: SiteStatus = SiteStatus.PLANNED;

  /** While SUSPENDED: the status to resume to. */
  @Enum({ items: () => SiteStatus, nativeEnumName: 'site_status', nullable: true })
  suspendedFromStatus: SiteStatus | null = null;

  @Field(() => String, { nullable: true, description: 'Reason given for the last change of status.' })
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Field(() => DateTime, { description: 'When the status last changed (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  statusChangedAt: Date = new Date();
}
