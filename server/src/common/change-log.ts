import type { EntityManager } from '@mikro-orm/postgresql';
import type { RaccordTopics, Topic } from './events.js';

/** An event as the change log keeps it. */
export type LoggedEvent<K extends Topic = Topic> = {
  [T in K]: {
    /** Its place in the log: a positive 64-bit integer as a decimal string, increasing in commit order. */
    readonly position: string;
    /** When the change committed (UTC). */
    readonly occurredAt: Date;
    readonly topic: T;
    readonly payload: RaccordTopics[T];
  };
}[K];

/**
 * A durable reader of the log: `handle` receives each batch of new events in position order, inside
 * one transaction (its `em`) with the move of the consumer's cursor, so whatever it writes through
 * `em` happens once per event, or not at all if it throws (the batch is then retried). A consumer
 * first seen starts at the log's end: it does not replay the history.
 */
export type LogConsumer = (em: EntityManager, events: readonly LoggedEvent[]) => Promise<void>;
