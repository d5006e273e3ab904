import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The counters of rate-limiter-flexible's PostgreSQL store (failed sign-ins per account and
 * address pair, and per address; password reset requests per address and per e-mail address), declared here so that migrations create the table the library expects.
 */
@Entity({ tableName: 'login_rate_limit' })
export class LoginRateLimit {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points = 0;

  @Property({ type: 'bigint', nullable: true })
  expire: string | null = null;
}
