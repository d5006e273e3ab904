import { ArrayType, Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The change log's tables (see `change-log.ts`), read and written with SQL set-wise: these entities
 * declare them so that the migrations and the schema agree, nothing loads them.
 */

/**
 * An event of the change log: written in the transaction of its change with no position; the relay
 * gives it the next one once that transaction committed.
 */
@Entity({ tableName: 'change_event' })
@Index({
  name: 'change_event_unpositioned_index',
  expression: 'create index "change_event_unpositioned_index" on "change_event" ("id") where "position" is null',
})
export class ChangeEvent {
  /** The order events were written in (a sequence): the relay positions the committed ones in this order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Its place in the log, gapless and in commit order; null until the relay gives it one. */
  @Unique({ name: 'change_event_position_unique' })
  @Property({ type: 'bigint', nullable: true })
  position: string | null = null;

  /** When the change was made (the change's clock). */
  @Index({ name: 'change_event_occurred_at_index' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 60 })
  topic!: string;

  /** The event's payload: the records as the change left them. */
  @Property({ type: 'json' })
  payload!: unknown;

  /**
   * Whom the event is for (`audienceTag`: its firms, wilayas, record, recipient; `all` for everyone),
   * so that a subscriber catching up reads only what may concern it, through the GIN index.
   */
  @Index({ name: 'change_event_audience_index', type: 'gin' })
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: "'{all}'::text[]" })
  audience!: string[];
}

/** Where the change log stands: one row. */
@Entity({ tableName: 'change_log_state' })
@Check({ name: 'change_log_state_singleton_check', expression: 'singleton = true' })
export class ChangeLogState {
  /** Always true: the table holds one row. */
  @PrimaryKey({ type: 'boolean', default: true })
  singleton!: boolean;

  /** The last position given. */
  @Property({ type: 'bigint', default: 0 })
  head!: string;

  /** The last position pruned: the events up to it are gone. */
  @Property({ type: 'bigint', default: 0 })
  prunedThrough!: string;
}

/** A durable reader of the change log and the last position it handled. */
@Entity({ tableName: 'change_log_consumer' })
export class ChangeLogConsumer {
  @PrimaryKey({ type: 'string', length: 60 })
  name!: string;

  @Property({ type: 'bigint' })
  position!: string;
}
