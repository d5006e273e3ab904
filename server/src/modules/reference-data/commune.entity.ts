import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Daira } from './daira.entity.js';
import { Wilaya } from './wilaya.entity.js';

/**
 * A commune (municipality), the smallest administrative unit; sites and customers are located in one.
 * Identified by its `id` (1–1541 in the source data), never by its name: 38 names repeat across wilayas.
 */
@ObjectType({ description: 'A commune (municipality). Names repeat across wilayas: identify a commune by its id.' })
@Entity({ tableName: 'commune' })
export class Commune {
  @Field(() => ID, { description: 'Identifier from the public dataset (1 to 1541).' })
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Field(() => String, { description: 'Name in French (Latin script).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  @Property({ type: 'string', length: 100 })
  nameAr!: string;

  @Index()
  @ManyToOne(() => Daira, { ref: true, deleteRule: 'restrict' })
  daira!: Ref<Daira>;

  @Index()
  @ManyToOne(() => Wilaya, { ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @Field(() => Float, {
    nullable: true,
    description: "Latitude of the commune's centre, decimal degrees (WGS 84); null where the reference data has none.",
  })
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description: "Longitude of the commune's centre, decimal degrees (WGS 84); null where the reference data has none.",
  })
  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;
}
