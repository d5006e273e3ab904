import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A money-moving mutation run under an idempotency key: who ran it, the key, the operation, a hash
 * of its input, and the id of what it produced. Written in the mutation's own transaction, so a
 * rolled-back run leaves no record and the key can be used again. Kept IDEMPOTENCY_KEY_TTL_HOURS
 * (7 days by default), then deleted by the server (`startIdempotencyKeyPruning`).
 */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** Who ran it: "USER:<id>", "API_KEY:<id>" or "SYSTEM:". */
  @PrimaryKey({ type: 'string', length: 80 })
  principal!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @Property({ type: 'string', length: 60 })
  operation!: string;

  /** SHA-256 (hex) of the operation's input, keys sorted, without the idempotency key. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** Id of the record the first run returned. */
  @Property({ type: 'string', length: 64 })
  resultId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}
