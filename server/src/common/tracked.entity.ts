import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from './scalars.js';

/**
 * What every tracked record has: a numeric id (shown as an ID string), a version for optimistic
 * concurrency, and its creation and last-change instants (UTC). Its GraphQL fields are inherited by
 * each entity's object type; the type itself is in no schema, since no field returns it.
 */
@ObjectType('TrackedEntity')
@Entity({ abstract: true })
export abstract class TrackedEntity {
  @Field(() => ID, { description: 'Identifier: a whole number, as a string.' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => Int, {
    description: 'Starts at 1 and grows with every change; mutations take it back as `expectedVersion`.',
  })
  @Property({ version: true })
  version!: number;

  @Field(() => DateTime, { description: 'When the record was created (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => DateTime, { description: 'When the record last changed (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
