import {
  Check,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  type Ref,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DatedVersion } from '../audit/dated-version.js';
import { LocalDate } from '../../common/scalars.js';

export enum PriceUnit {
  U = 'U',
  M = 'M',
  FORFAIT = 'FORFAIT',
}
registerEnumType(PriceUnit, {
  name: 'PriceUnit',
  description: 'Unit of a price schedule item: U (each), M (metre), FORFAIT (lump sum).',
  valuesConfig: {
    U: { description: 'Each (unité): a whole number of them.' },
    M: { description: 'Metre (mètre linéaire): a decimal quantity.' },
    FORFAIT: { description: 'Lump sum (forfait): a whole number of them.' },
  },
});

/**
 * A dated tax rate (TVA). Rates are data, never constants: a new rate is a new row with its start date.
 */
@ObjectType({ description: 'A VAT rate in force from a date (rates are data, never constants).' })
@Entity({ tableName: 'tax_rate' })
@Unique({ properties: ['code', 'validFrom'] })
export class TaxRate {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Tax code used by price schedule items, e.g. "TVA19".' })
  @Property({ type: 'string', length: 20 })
  code!: string;

  @Field(() => String, { description: 'Rate in percent, as a decimal string, e.g. "19".' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  ratePercent!: string;

  @Field(() => LocalDate, { description: 'First day the rate applies (Algiers).' })
  @Property({ type: 'string', columnType: 'date' })
  validFrom!: string;
}

/**
 * A version of the BPU (bordereau des prix unitaires), in force from `effectiveFrom` to the day
 * before `effectiveTo` (open-ended when null). Versions never overlap (an exclusion constraint says
 * so in the database); a version in force is never changed: a new price makes a new version.
 */
@ObjectType({
  description: 'A version of the price schedule (BPU), in force over a range of dates that no other version overlaps.',
})
@Entity({ tableName: 'price_schedule' })
@Check({ name: 'price_schedule_ends_after_start', expression: 'effective_to is null or effective_to > effective_from' })
@Index({
  name: 'price_schedule_no_overlap',
  expression:
    'alter table "price_schedule" add constraint "price_schedule_no_overlap" exclude using gist (daterange("effective_from", "effective_to", \'[)\') with &&)',
})
export class PriceSchedule extends DatedVersion {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @OneToMany(() => PriceScheduleItem, (item) => item.schedule, { orderBy: { code: 'asc' } })
  items = new Collection<PriceScheduleItem>(this);
}

/** One priced item of a schedule version. */
@ObjectType({ description: 'An item of the price schedule: what is paid, per which unit, at which price.' })
@Entity({ tableName: 'price_schedule_item' })
@Unique({ properties: ['schedule', 'code'] })
export class PriceScheduleItem {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Index()
  @ManyToOne(() => PriceSchedule, { ref: true, deleteRule: 'cascade' })
  schedule!: Ref<PriceSchedule>;

  @Field(() => String, { description: 'Item code, e.g. "RAC-STD".' })
  @Property({ type: 'string', length: 20 })
  code!: string;

  @Field(() => String, { description: 'Designation as printed on invoices.' })
  @Property({ type: 'string', length: 200 })
  designation!: string;

  @Field(() => PriceUnit, { description: 'Unit the quantity is measured in.' })
  @Enum({ items: () => PriceUnit, nativeEnumName: 'price_unit' })
  unit!: PriceUnit;

  /** Unit price excluding tax, in DZD centimes. */
  @Property({ type: 'bigint' })
  unitPriceCentimes!: string;

  @Field(() => String, { description: 'Tax code of the item (see taxRates), e.g. "TVA19".' })
  @Property({ type: 'string', length: 20 })
  taxCode!: string;
}
