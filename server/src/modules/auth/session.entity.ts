import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../user/user.entity.js';

/**
 * A signed-in session: the token names it (`sid`), so that signing out or disabling the user ends it
 * at once, whatever the token's expiry says.
 */
@Entity({ tableName: 'session' })
export class Session {
  /** Random UUID, the token's `sid`. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** Address the sign-in came from. */
  @Property({ type: 'string', length: 64, nullable: true })
  ipAddress: string | null = null;
}
