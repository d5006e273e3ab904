import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import { Redis } from 'ioredis';
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.js';

/**
 * The topics of the event bus and the payload each carries (published after the transaction
 * committed). Each module declares its own topics here, by declaration merging, beside the functions
 * that announce them (e.g. `modules/invoice/invoice.events.ts`): this bus knows none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed by the modules (declaration merging)
export interface RaccordTopics {}

export type Topic = keyof RaccordTopics;

/** An event to publish. */
export type RaccordEvent = { [K in Topic]: { topic: K; payload: RaccordTopics[K] } }[Topic];

/** An event waiting for its transaction to commit; its payload is read then, from the records as committed. */
export type PendingEvent = { [K in Topic]: { topic: K; payload: () => RaccordTopics[K] } }[Topic];

/** Marks, in a stream of events, the place where events may have been missed: refetch. */
export interface Resync {
  readonly resync: true;
}

export const resync: Resync = Object.freeze({ resync: true });

export function isResync(value: unknown): value is Resync {
  return value === resync;
}

/**
 * The event bus that GraphQL subscriptions listen to. In memory within one process, or through
 * Redis (`REDIS_URL`) so that several server processes serve one set of subscribers.
 */
export interface EventBus {
  /** `memory` or `redis`. */
  readonly kind: 'memory' | 'redis';
  /**
   * Publishes the events of a committed transaction. Never throws: with Redis unreachable, each
   * event is logged (`event lost`) and the change itself stands.
   */
  publish(events: readonly RaccordEvent[]): void;
  /**
   * Calls `listener`, in this process, with the events of each transaction it commits, as `publish`
   * receives them and before any subscriber does: what reacts to a committed change before its answer
   * leaves (a reading the change makes stale is dropped then). Returns what stops calling it.
   */
  onCommitted(listener: (events: readonly RaccordEvent[]) => void): () => void;
  /**
   * The events of `topic` from every server process, starting with a `Resync` mark, and with another
   * one each time the connection to Redis comes back (events may have been lost meanwhile).
   */
  subscribe<K extends Topic>(topic: K): AsyncIterableIterator<RaccordTopics[K] | Resync>;
  /** Closes the Redis connections, if any. */
  close(): Promise<void>;
}

/** Events a subscriber may leave unread before it is told to refetch instead (see `listen`). */
export const subscriberBacklogLimit = 100;

/** What `listen` needs of an event target: the in-memory EventTarget and the Redis one alike. */
interface Listenable {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

/**
 * The events of `type` on `target`, for one subscriber, as fast as it reads them. At most
 * `subscriberBacklogLimit` wait unread: past that, events are dropped and one `Resync` mark takes
 * their place, so a slow or stalled subscriber costs bounded memory and never stops the process.
 */
function listen<T>(target: Listenable, type: string): AsyncIterableIterator<T | Resync> {
  const unread = new FixedBuffer(subscriberBacklogLimit);
  return new Repeater<T | Resync>(async (push, stop) => {
    let dropping = false;
    const listener = (event: Event) => {
      if (dropping) {
        // Dropping lasts until the subscriber has read everything, the Resync mark included.
        if (!unread.empty) return;
        dropping = false;
      }
      const detail = (event as CustomEvent<T | null>).detail;
      // Not an event Raccord published (a stranger's message on a shared Redis): nothing to deliver.
      if (typeof detail !== 'object' || detail === null) return;
      if (unread.full) {
        dropping = true;
        void push(resync);
        return;
      }
      void push(detail);
    };
    target.addEventListener(type, listener);
    await stop;
    target.removeEventListener(type, listener);
  }, unread);
}

/**
 * Creates the event bus: through Redis when `redisUrl` is given (channels named `prefix` + topic),
 * else in memory. A Redis connection that drops is retried for ever; while it is down, publishing
 * logs the events lost, and when it returns every subscription receives a `Resync` mark. `metrics`
 * counts what is published, received from Redis and lost, and Redis' disconnections.
 */
export function createEventBus(options: {
  redisUrl?: string | undefined;
  channelPrefix?: string;
  logger: Logger;
  metrics?: Metrics;
}): EventBus {
  const { logger, metrics } = options;
  const committedListeners: ((events: readonly RaccordEvent[]) => void)[] = [];
  const committed = (events: readonly RaccordEvent[]) => {
    metrics?.countCommitted(events);
    for (const listener of committedListeners) listener(events);
  };
  const onCommitted = (listener: (events: readonly RaccordEvent[]) => void) => {
    committedListeners.push(listener);
    return () => {
      const at = committedListeners.indexOf(listener);
      if (at >= 0) committedListeners.splice(at, 1);
    };
  };
  const localTarget = unboundedEventTarget();
  const local = createPubSub<{ RESYNC: [Resync] }>({ eventTarget: localTarget as never });
  const withResync = <T>(events: AsyncIterableIterator<T | Resync>): AsyncIterableIterator<T | Resync> =>
    Repeater.merge([[resync], events, listen<Resync>(localTarget, 'RESYNC')]) as unknown as AsyncIterableIterator<
      T | Resync
    >;

  if (!options.redisUrl) {
    const target = unboundedEventTarget();
    const pubSub = createPubSub<{ [K in Topic]: [RaccordTopics[K]] }>({ eventTarget: target as never });
    return {
      kind: 'memory',
      publish: (events) => {
        committed(events);
        for (const event of events) pubSub.publish(event.topic, event.payload as never);
      },
      onCommitted,
      subscribe: (topic) => withResync(listen<RaccordTopics[typeof topic]>(target, topic)),
      close: async () => undefined,
    };
  }

  const prefix = options.channelPrefix ?? 'raccord:';
  const redisLogger = logger.child({ component: 'redis' });
  // Publishing never waits for Redis: a command it cannot send now fails at once, and the event is logged as lost.
  const publisher = new Redis(options.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  // The subscriber keeps its SUBSCRIBE commands queued while Redis is down, and subscribes again on reconnection.
  const subscriber = new Redis(options.redisUrl, { maxRetriesPerRequest: null, autoResubscribe: true });
  let down = false;
  const lost = (cause: Record<string, unknown>) => {
    if (!down) {
      redisLogger.error(cause, 'Redis unreachable: live updates stop until it returns; changes still commit');
      metrics?.redisDisconnects.inc();
      metrics?.redisUp.set(0);
    }
    down = true;
  };
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: Error) => lost({ err: error, client: name }));
  }
  subscriber.on('close', () => lost({ client: 'subscriber', reason: 'connection closed' }));
  subscriber.on('ready', () => {
    if (!down) return;
    down = false;
    metrics?.redisUp.set(1);
    redisLogger.info('Redis reachable again: subscribers are told to refetch');
    local.publish('RESYNC', resync);
  });

  const target = createRedisEventTarget({
    publishClient: publisher,
    subscribeClient: subscriber,
    serializer: {
      stringify: JSON.stringify,
      // A message that is not JSON (published by something else on a shared Redis) is logged and dropped, never thrown.
      parse: (text) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          redisLogger.warn({ message: text.slice(0, 200) }, 'a message on a Raccord channel is not JSON: ignored');
          return null;
        }
      },
    },
  });
  // One SUBSCRIBE per topic for the life of the process from its first subscriber on, however many come and go; it counts what Redis delivers.
  const listeners = new Map<Topic, (event: Event) => void>();
  const counted = (topic: Topic) => {
    if (listeners.has(topic)) return;
    const listener = (event: Event) => {
      // null: a message that is not JSON, already logged.
      if ((event as CustomEvent<unknown>).detail !== null) metrics?.eventsReceived.inc({ topic });
    };
    listeners.set(topic, listener);
    target.addEventListener(prefix + topic, listener);
  };

  return {
    kind: 'redis',
    publish: (events) => {
      committed(events);
      for (const event of events) {
        publisher.publish(prefix + event.topic, JSON.stringify(event.payload)).catch((error: unknown) => {
          metrics?.eventsLost.inc({ topic: event.topic });
          redisLogger.error(
            { err: error, topic: event.topic, event: event.payload },
            'event lost: Redis unavailable (the change itself committed)',
          );
        });
      }
    },
    onCommitted,
    subscribe: (topic) => {
      counted(topic);
      return withResync(listen<RaccordTopics[typeof topic]>(target as unknown as Listenable, prefix + topic));
    },
    close: async () => {
      for (const [topic, listener] of listeners) target.removeEventListener(prefix + topic, listener);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/** An EventTarget for any number of listeners: one per subscriber (Node warns past 10 by default). */
function unboundedEventTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(Infinity, target);
  return target;
}

/** Events announced inside a transaction, by the transaction's EntityManager, until it commits. */
const pendingByTransaction = new WeakMap<EntityManager, PendingEvent[]>();

/** Opens the list of events of the transaction `em` (called by `inTransaction`). */
export function openEvents(em: EntityManager): PendingEvent[] {
  const pending: PendingEvent[] = [];
  pendingByTransaction.set(em, pending);
  return pending;
}

/**
 * The events of a committed transaction, their payloads read from the records as committed. An
 * event whose payload cannot be read is logged and left out: the change itself has committed.
 */
export function committedEvents(pending: readonly PendingEvent[], logger: Logger): RaccordEvent[] {
  const events: RaccordEvent[] = [];
  for (const event of pending) {
    try {
      events.push({ topic: event.topic, payload: event.payload() } as RaccordEvent);
    } catch (error) {
      logger.error(
        { err: error, topic: event.topic },
        'event lost: its payload could not be read (the change itself committed)',
      );
    }
  }
  return events;
}

/**
 * Announces an event, published once the transaction of `em` commits: a change rolled back is never
 * announced. `payload` is called after the commit. Outside a transaction opened by `inTransaction`,
 * nothing is announced.
 */
export function announce<K extends Topic>(em: EntityManager, topic: K, payload: () => RaccordTopics[K]): void {
  pendingByTransaction.get(em)?.push({ topic, payload } as PendingEvent);
}

const loadsByEvent = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * What the subscribers of one event need from the database, loaded once per event in this process
 * however many subscribers receive it (`what` names the load). The event object is the same for
 * every subscriber of the process, from the in-memory bus and from Redis alike.
 */
export function oncePerEvent<T>(event: object, what: string, load: () => Promise<T>): Promise<T> {
  let loads = loadsByEvent.get(event);
  if (!loads) loadsByEvent.set(event, (loads = new Map()));
  let loading = loads.get(what) as Promise<T> | undefined;
  if (!loading) loads.set(what, (loading = load()));
  return loading;
}
