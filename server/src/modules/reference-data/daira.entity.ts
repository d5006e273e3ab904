import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Commune } from './commune.entity.js';
import { Wilaya } from './wilaya.entity.js';

/** A daïra (district): a group of communes within one wilaya. Identified by wilaya and French name. */
@ObjectType({ description: 'A daïra (district): a group of communes within one wilaya.' })
@Entity({ tableName: 'daira' })
@Unique({ properties: ['wilaya', 'name'] })
export class Daira {
  @Field(() => ID, { description: "Raccord's identifier of the daïra (the source data has none)." })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String, { description: 'Name in French (Latin script).' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: 'Name in Arabic.' })
  @Property({ type: 'string', length: 100 })
  nameAr!: string;

  @ManyToOne(() => Wilaya, { ref: true, deleteRule: 'restrict' })
  wilaya!: Ref<Wilaya>;

  @OneToMany(() => Commune, (commune) => commune.daira)
  communes = new Collection<Commune>(this);
}
