import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { User } from '../user/user.entity.js';
import { ApiKeyScope } from './api-key.scopes.js';

/**
 * A key a third-party application sends as `Authorization: Bearer rk_<prefix>_<secret>`. Only the
 * SHA-256 of the secret is kept (the key is 32 random bytes: a slow hash adds nothing); the whole key
 * is shown once, when created.
 */
@ObjectType({
  description: 'An API key of a third-party application (the secret itself is shown only once, at creation).',
})
@Entity({ tableName: 'api_key' })
export class ApiKey extends TrackedEntity {
  @Field(() => String, { description: 'Name given by its creator, e.g. "ERP finance".' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: 'The public start of the key ("rk_ab12cd34"), to recognise it.' })
  @Property({ type: 'string', length: 16, unique: 'api_key_prefix_unique' })
  prefix!: string;

  /** Hex SHA-256 of the key's secret part. */
  @Property({ type: 'string', length: 64, hidden: true })
  secretHash!: string;

  @Field(() => [ApiKeyScope], { description: 'What the key may do, sorted by their stored names.' })
  @Property({ type: 'json' })
  scopes: string[] = [];

  /** A key of a firm sees and acts on that firm's work only. */
  @Index()
  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict' })
  contractor: Ref<Contractor> | null = null;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @Field(() => DateTime, { nullable: true, description: 'When the key stops working (UTC); null: until revoked.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => DateTime, { nullable: true, description: 'When the key was revoked (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => DateTime, { nullable: true, description: 'Last time the key was used (UTC, to the minute).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}
