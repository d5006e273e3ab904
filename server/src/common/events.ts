import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';

/**
 * The topics of the change log and the payload each carries (written in the transaction of the
 * change, as the change left its records). Each module declares its own topics here, by declaration
 * merging, beside the functions that announce them (e.g. `modules/invoice/invoice.events.ts`): the
 * log knows none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed by the modules (declaration merging)
export interface RaccordTopics {}

export type Topic = keyof RaccordTopics;

/** An event of a change. */
export type RaccordEvent = { [K in Topic]: { topic: K; payload: RaccordTopics[K] } }[Topic];

/**
 * An event announced in a transaction; its payload is read once the change is flushed, still in the
 * transaction (so it may read the database), from the records as the change left them.
 */
export type PendingEvent = {
  [K in Topic]: { topic: K; payload: () => RaccordTopics[K] | Promise<RaccordTopics[K]> };
}[Topic];

/**
 * The tags that say whom an event is for, stored with it in the log so that a subscriber catching
 * up reads from the database only the events that may concern it (`audience` of `subscribe` and
 * `readAfter`). They narrow what is read; each subscription's own rule still decides what it gets.
 * A tag is a word and an id, from validated ids and codes only.
 */
export const audienceTag = {
  /** The events of a topic with no declared audience: every subscriber's read includes them. */
  everyone: 'all',
  contractor: (id: string) => `contractor:${id}`,
  wilaya: (code: string) => `wilaya:${code}`,
  user: (id: string) => `user:${id}`,
  record: (type: 'invoice' | 'site' | 'customer-subscription', id: string) => `${type}:${id}`,
};

const audiences: { [K in Topic]?: (payload: RaccordTopics[K]) => readonly string[] } = {};

/**
 * Declares whom the events of `topic` are for (`audienceTag`), beside the topic's declaration: every
 * tag by which some subscriber's rule may want the event (its firm before and after a move, its
 * wilayas, the record's id), never fewer.
 */
export function declareAudience<K extends Topic>(topic: K, of: (payload: RaccordTopics[K]) => readonly string[]): void {
  (audiences as Record<K, (payload: RaccordTopics[K]) => readonly string[]>)[topic] = of;
}

/** The tags of an event: its topic's declared audience, or `everyone`. */
export function audienceOf(event: RaccordEvent): readonly string[] {
  const of = audiences[event.topic] as ((payload: RaccordEvent['payload']) => readonly string[]) | undefined;
  return of ? [...new Set(of(event.payload))] : [audienceTag.everyone];
}

/**
 * Whether an event tagged `tags` may concern a reader asking for `audience`: it carries a tag of
 * each set, or is for everyone. No sets: every event.
 */
export function inAudience(tags: readonly string[], audience: readonly (readonly string[])[] | null): boolean {
  if (!audience || tags.includes(audienceTag.everyone)) return true;
  return audience.every((set) => set.some((tag) => tags.includes(tag)));
}

/** An event as the change log keeps it. */
export type LoggedEvent<K extends Topic = Topic> = {
  [T in K]: {
    /** Its place in the log: a positive 64-bit integer as a decimal string, increasing in commit order. */
    readonly position: string;
    /** When the change was made (UTC; the change's clock). */
    readonly occurredAt: Date;
    readonly topic: T;
    readonly payload: RaccordTopics[T];
    /** Whom it is for (`audienceTag`), as written with it. */
    readonly audience: readonly string[];
  };
}[K];

/**
 * A durable reader of the log: `handle` receives each batch of new events in position order, inside
 * one transaction (its `em`) with the move of the consumer's cursor, so whatever it writes through
 * `em` happens once per event, or not at all if it throws (the batch is then retried). A consumer
 * first seen starts at the log's end: it does not replay the history.
 */
export type LogConsumer = (em: EntityManager, events: readonly LoggedEvent[]) => Promise<void>;

/**
 * Marks, in a stream of events, a place where the subscriber must refetch what it shows: its
 * subscription started with no `after`, or a change too large to send record by record (an import)
 * happened. `position` is where the mark stands in the log: subscribing again with `after` set to it
 * misses nothing that followed.
 */
export interface Resync {
  readonly resync: true;
  readonly position: string;
}

/** A `Resync` mark at `position`. */
export function resyncAt(position: string): Resync {
  return { resync: true, position };
}

export function isResync(value: unknown): value is Resync {
  return typeof value === 'object' && value !== null && (value as Partial<Resync>).resync === true;
}

/** What subscriptions and the reactions to committed changes listen to: the change log of this process. */
export interface EventBus {
  /**
   * Tells this process that a transaction committed these events (already written to the log):
   * `onCommitted` listeners run at once, before the change's answer leaves, and the log is positioned.
   */
  publish(events: readonly RaccordEvent[]): void;
  /**
   * Calls `listener`, in this process, with the events of each transaction it commits, as `publish`
   * receives them and before any subscriber does: what reacts to a committed change before its answer
   * leaves (a reading the change makes stale is dropped then). Returns what stops calling it.
   */
  onCommitted(listener: (events: readonly RaccordEvent[]) => void): () => void;
  /**
   * Checks that the log still holds every event after `after` and that it is not past the log's end.
   * @throws DomainError EVENTS_PRUNED (with `prunedThrough`); BAD_USER_INPUT (`field: "after"`)
   */
  checkAfter(after: string): Promise<void>;
  /**
   * The events of `topics` from every server process, in position order, each once. With no `after`,
   * it starts with a `Resync` mark at the log's current end; with `after`, it first replays the events
   * after that position from the log, then goes on live with no gap and no repeat. With `audience`,
   * only the events that may concern it are read (`inAudience`).
   * @throws DomainError EVENTS_PRUNED when events after `after` were pruned; BAD_USER_INPUT when
   *   `after` is past the log's end
   */
  subscribe<K extends Topic>(
    topics: readonly K[],
    options?: { after?: string | null; audience?: readonly (readonly string[])[] | null },
  ): AsyncIterableIterator<LoggedEvent<K> | Resync>;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Events announced inside a transaction, by the transaction's EntityManager, until it commits. */
const pendingByTransaction = new WeakMap<EntityManager, PendingEvent[]>();

/** Opens the list of events of the transaction `em` (called by `inTransaction`). */
export function openEvents(em: EntityManager): PendingEvent[] {
  const pending: PendingEvent[] = [];
  pendingByTransaction.set(em, pending);
  return pending;
}

/** The events of a transaction, their payloads read now (once its changes are flushed). */
export async function eventsOf(pending: readonly PendingEvent[]): Promise<RaccordEvent[]> {
  const events: RaccordEvent[] = [];
  for (const event of pending) events.push({ topic: event.topic, payload: await event.payload() } as RaccordEvent);
  return events;
}

/**
 * Announces an event, written to the change log in the transaction of `em` once its changes are
 * flushed: a change rolled back is never announced, and one that commits always is. `payload` is
 * called then. Outside a transaction opened by `inTransaction`, nothing is announced.
 */
export function announce<K extends Topic>(
  em: EntityManager,
  topic: K,
  payload: () => RaccordTopics[K] | Promise<RaccordTopics[K]>,
): void {
  pendingByTransaction.get(em)?.push({ topic, payload } as PendingEvent);
}

/**
 * A record as a change left it, for its event: its own properties, and the ids of the records it
 * refers to (MikroORM's comparable form). `recordFromSnapshot` reads it back.
 */
export function snapshotOf(em: EntityManager, entity: object): Record<string, unknown> {
  const snapshot = em.getComparator().prepareEntity(entity as never) as Record<string, unknown>;
  // The comparable form leaves out the version (MikroORM checks it apart): the event carries it.
  const version = em.getMetadata().find(entity.constructor.name)?.versionProperty;
  if (version) snapshot[version] = (entity as Record<string, unknown>)[version];
  return snapshot;
}

/** A record of type `entity` as its event's snapshot (`snapshotOf`) says the change left it, managed by a fresh fork of `em`. */
export function recordFromSnapshot<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  snapshot: Record<string, unknown>,
): T {
  return em
    .fork({ clear: true })
    .getEntityFactory()
    .create(entity, snapshot as never, { merge: true, newEntity: false });
}

const loadsByEvent = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * What the subscribers of one event need, made once per event in this process however many
 * subscribers receive it (`what` names it). The event object is the same for every subscriber the
 * process delivers it to live.
 */
export function oncePerEvent<T>(event: object, what: string, load: () => T | Promise<T>): Promise<T> {
  let loads = loadsByEvent.get(event);
  if (!loads) loadsByEvent.set(event, (loads = new Map()));
  let loading = loads.get(what) as Promise<T> | undefined;
  if (!loading) loads.set(what, (loading = Promise.resolve().then(load)));
  return loading;
}
