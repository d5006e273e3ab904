import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { User } from '../user/user.entity.js';

/**
 * A request to reset a user's password, by the user (a forgotten password) or by who manages its
 * access. Its link's token is made by the job that mails it and kept only as its SHA-256 hash: the
 * database never holds a token that works. It works once, until `expiresAt`.
 */
@Entity({ tableName: 'password_reset' })
export class PasswordReset {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** The manager who sent the link; null when the user asked for it. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  requestedBy: Ref<User> | null = null;

  /** SHA-256 of the link's token, hex; null until the mail job made the token. */
  @Property({ type: 'string', length: 64, nullable: true, unique: 'password_reset_token_hash_unique' })
  tokenHash: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  /** When a new password was set with it, or with another link of the same user: it no longer works. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  usedAt: Date | null = null;
}
