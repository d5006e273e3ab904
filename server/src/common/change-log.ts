import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import PQueue from 'p-queue';
import pg from 'pg';
import type { Logger } from 'pino';
import { applicationNameOf } from '../database/orm.js';
import { badUserInput, DomainError, ErrorCode } from './errors.js';
import {
  audienceOf,
  audienceTag,
  inAudience,
  resyncAt,
  type EventBus,
  type LoggedEvent,
  type LogConsumer,
  type RaccordEvent,
  type Resync,
  type Topic,
} from './events.js';
import { startPruning, systemPruningClock, type PruningClock } from './pruning.js';
import type { Metrics } from './metrics.js';

/**
 * The change log: every event a change announces, written in the change's own transaction
 * (a transactional outbox), then given a position in commit order by a relay, read by every server
 * process (its subscribers) and by the durable consumers (mail, webhooks). PostgreSQL carries it all:
 * `LISTEN`/`NOTIFY` wakes the processes, the tables keep the events (see Migration20261206192101).
 */

export type { LoggedEvent, LogConsumer } from './events.js';

/** The channel a committed change's transaction notifies: events wait for their positions. */
const writtenChannel = 'raccord_change_written';
/** The channel the relay notifies once it gave positions: the log's head moved. */
const positionedChannel = 'raccord_change_positioned';
/** The advisory lock that lets one relay at a time give positions (any number that names it alone). */
export const changeLogRelayLock = 4_170_017;
/** Events a read takes at once (the tail, a replay, a consumer's batch). */
const pageSize = 500;
/**
 * Events a subscriber may leave unread before it is fed from the database instead (see `subscribe`):
 * more than a page of the log, so that one page read at once never sends every subscriber there.
 */
export const subscriberBacklogLimit = 2 * pageSize;
/**
 * Positions of the log one read of a reader catching up (a replay, a poll) examines at most: its
 * statement scans that range of the position index whatever few events of it the reader keeps, so
 * however sparse its topics or audience in a long log, no read costs more than this.
 */
export const scanWindow = 5_000n;
/**
 * Pages of the log read at once by this process's subscribers catching up (`after`, or too slow for
 * the live stream): however many catch up, the database answers at most this many of their reads
 * at a time, and the live stream and the requests keep their connections.
 */
export const catchUpReadsAtOnce = 2;
/** How long a subscriber whose read of the log failed (the database down) waits before it reads again. */
const replayRetryMs = 1_000;
/** How often each process checks the log without being woken: a notification lost while its listener reconnected. */
const sweepIntervalMs = 5_000;

/** The statement that writes events (`events`: their JSON array) at `occurredAt` and wakes the relay, with its placeholders. */
const writeEventsSql = (occurredAt: string, events: string) =>
  `with written as (
     insert into change_event (occurred_at, topic, payload, audience)
     select ${occurredAt}, event.value->>'topic', event.value->'payload', array(select jsonb_array_elements_text(event.value->'audience'))
       from jsonb_array_elements(${events}::jsonb) with ordinality as event(value, n)
     order by event.n
     returning 1)
   select pg_notify('${writtenChannel}', '') from (select 1) once where exists (select 1 from written)`;

/**
 * Writes the events of a transaction to the log, in that transaction (`em`'s), at `occurredAt`; they
 * get their positions once it commits. Nothing is written for no event.
 */
export async function writeEvents(em: EntityManager, events: readonly RaccordEvent[], occurredAt: Date): Promise<void> {
  if (events.length === 0) return;
  await em.execute(writeEventsSql('?', '?'), [occurredAt.toISOString(), withAudiences(events)]);
}

/**
 * `writeEvents` in the transaction open on `client`: for the job queue's tasks, which work through
 * graphile-worker's connection and have no EntityManager.
 */
export async function writeEventsWith(
  client: pg.ClientBase,
  events: readonly RaccordEvent[],
  occurredAt: Date,
): Promise<void> {
  if (events.length === 0) return;
  await client.query(writeEventsSql('$1', '$2'), [occurredAt.toISOString(), withAudiences(events)]);
}

/** The JSON array of `events` as `writeEventsSql` takes it, each with its audience (`audienceOf`). */
function withAudiences(events: readonly RaccordEvent[]): string {
  return JSON.stringify(events.map((event) => ({ ...event, audience: audienceOf(event) })));
}

interface Row {
  position: string;
  /** As the driver gives it: MikroORM's knex reads timestamptz as text. */
  occurred_at: Date | string;
  topic: Topic;
  payload: unknown;
  audience: string[];
}

const asLogged = (row: Row): LoggedEvent =>
  ({
    position: row.position,
    occurredAt: new Date(row.occurred_at),
    topic: row.topic,
    payload: row.payload,
    audience: row.audience,
  }) as LoggedEvent;

/** A text[] literal of `values`, each quoted (a tag or a topic: no quote or backslash in them). */
const textArray = (values: readonly string[]) => `{${values.map((value) => `"${value}"`).join(',')}}`;

/**
 * The events after `after` (up to `through`, when given), of `topics` (all when null), that may
 * concern a reader of `audience` (each set, with `everyone` added, must meet the event's tags: see
 * `inAudience`; all events when null), in position order, at most `limit` (`pageSize`).
 */
export async function readAfter(
  em: EntityManager,
  after: bigint,
  options: {
    through?: bigint;
    topics?: readonly Topic[] | null;
    audience?: readonly (readonly string[])[] | null;
    limit?: number;
  } = {},
): Promise<LoggedEvent[]> {
  const topicsArray = options.topics ? textArray(options.topics) : null;
  const sets = (options.audience ?? []).map((set) => textArray([...set, audienceTag.everyone]));
  const rows: Row[] = await em.execute(
    `select position::text as position, occurred_at, topic, payload, audience from change_event as event
      where event.position > ? and (?::bigint is null or event.position <= ?::bigint) and (?::text[] is null or event.topic = any(?::text[]))
      ${sets.map(() => 'and event.audience && ?::text[]').join(' ')}
      order by event.position limit ?`,
    [
      after.toString(),
      options.through?.toString() ?? null,
      options.through?.toString() ?? null,
      topicsArray,
      topicsArray,
      ...sets,
      options.limit ?? pageSize,
    ],
  );
  return rows.map(asLogged);
}

/**
 * The events after `after` that `readAfter` gives (with `through`, `topics` and `audience`), examining
 * at most `scanWindow` positions, and the position the read examined the log up to: the last event's
 * when the page is full, else the window's end. Reading again after it misses nothing.
 */
export async function readWindow(
  em: EntityManager,
  after: bigint,
  options: { through: bigint; topics?: readonly Topic[] | null; audience?: readonly (readonly string[])[] | null },
): Promise<{ events: LoggedEvent[]; examinedThrough: bigint }> {
  const end = options.through < after + scanWindow ? options.through : after + scanWindow;
  const events = await readAfter(em, after, { ...options, through: end });
  return { events, examinedThrough: events.length === pageSize ? BigInt(events.at(-1)!.position) : end };
}

/** Where the log stands: its last position, and the last one pruned (events up to it are gone). */
async function logState(em: EntityManager): Promise<{ head: bigint; prunedThrough: bigint }> {
  const [row] = await em.execute<{ head: string; pruned_through: string }[]>(
    `select head::text, pruned_through::text from change_log_state`,
  );
  return { head: BigInt(row!.head), prunedThrough: BigInt(row!.pruned_through) };
}

/**
 * The position to read after for a client's `after` (`from`), and the log's end as read then
 * (`head`): "0" stands for the start of what the log still keeps (the last position pruned); any
 * other must still be followed by every event it had.
 * @throws DomainError EVENTS_PRUNED (with `prunedThrough`) when events after it were pruned;
 *   BAD_USER_INPUT (`field: "after"`) when it is past the log's end
 */
export async function checkAfter(em: EntityManager, after: bigint): Promise<{ from: bigint; head: bigint }> {
  const state = await logState(em);
  if (after === 0n) return { from: state.prunedThrough, head: state.head };
  if (after < state.prunedThrough)
    throw new DomainError(
      ErrorCode.EVENTS_PRUNED,
      `The events after ${after} are no longer kept (up to ${state.prunedThrough} were pruned): refetch what you show, then subscribe without after, or poll after ${state.prunedThrough}`,
      { field: 'after', prunedThrough: state.prunedThrough.toString() },
    );
  if (after > state.head) throw badUserInput('after', `position ${after} is past the log's end (${state.head})`);
  return { from: after, head: state.head };
}

/**
 * Gives the committed events that have none their positions, after the head, in the order they were
 * written, and moves the head; one relay at a time (any process). An event of a transaction still
 * open is not visible yet: it gets the next positions once it commits, so positions follow commits.
 * Returns how many it positioned.
 */
async function relay(orm: MikroORM): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(`select pg_advisory_xact_lock(${changeLogRelayLock})`);
    const [row] = await em.execute<{ positioned: number }[]>(
      `with waiting as (
         select id, row_number() over (order by id) as n from change_event where position is null order by id limit 10000),
       state as (select head from change_log_state),
       positioned as (
         update change_event set position = state.head + waiting.n from waiting, state
          where change_event.id = waiting.id returning 1),
       moved as (
         update change_log_state set head = head + (select count(*) from positioned)
          where exists (select 1 from positioned) returning head)
       select (select count(*) from positioned)::int as positioned,
              pg_notify('${positionedChannel}', head::text) from moved`,
    );
    return row?.positioned ?? 0;
  });
}

/** A task run on demand, never twice at once: asked again while running, it runs once more after. */
function coalesced(task: () => Promise<unknown>, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await task();
        } catch (error) {
          onError(error);
        }
      } while (again);
      running = null;
    })();
    return running;
  };
  return run;
}

/** The change log of a running server: the event bus of its subscriptions, and its consumers' runner. */
export interface ChangeLog extends EventBus {
  /** Listens, reads where the log stands and starts the consumers. */
  start(): Promise<void>;
  /** The last position this process has read (and given its subscribers). */
  head(): string;
  /** Removes the events older than `before` (UTC); returns how many. */
  prune(before: Date): Promise<number>;
}

/**
 * Creates the change log of this process on `orm`'s database (`databaseUrl` for its listening
 * connection). `consumers` are run here as in every other process, each batch by one of them.
 */
export function createChangeLog(options: {
  orm: MikroORM;
  databaseUrl: string;
  logger: Logger;
  metrics?: Metrics;
  consumers?: Readonly<Record<string, LogConsumer>>;
}): ChangeLog {
  const { orm, logger, metrics } = options;
  const log = logger.child({ component: 'change-log' });
  const consumers = Object.entries(options.consumers ?? {});
  const committedListeners: ((events: readonly RaccordEvent[]) => void)[] = [];
  const readers = new Set<(event: LoggedEvent) => void>();
  let head = 0n;
  let listener: pg.Client | null = null;
  let sweep: NodeJS.Timeout | undefined;
  let reconnect: NodeJS.Timeout | undefined;
  let closed = false;

  /** Reads the events after this process's head and gives each to every reader, in order. */
  const advance = coalesced(
    async () => {
      for (;;) {
        const events = await readAfter(orm.em.fork(), head);
        for (const event of events) {
          head = BigInt(event.position);
          metrics?.eventsReceived.inc({ topic: event.topic });
          for (const reader of readers) reader(event);
        }
        if (events.length < pageSize) break;
      }
      if (consumers.length > 0) void consume();
    },
    (error) => log.error({ err: error }, 'reading the change log failed; retried at the next change'),
  );

  const position = coalesced(
    async () => {
      if ((await relay(orm)) > 0) await advance();
    },
    (error) => log.error({ err: error }, 'positioning the change log failed; retried at the next change'),
  );

  /** Runs each consumer over the events after its cursor, a batch per transaction, skipping one another process holds. */
  const consume = coalesced(
    async () => {
      for (const [name, handle] of consumers) {
        try {
          for (;;) {
            const handled = await orm.em.fork().transactional(async (em) => {
              await em.execute(
                `insert into change_log_consumer (name, position) select ?, head from change_log_state on conflict do nothing`,
                [name],
              );
              const [cursor] = await em.execute<{ position: string }[]>(
                `select position::text from change_log_consumer where name = ? for update skip locked`,
                [name],
              );
              if (!cursor) return 0;
              const events = await readAfter(em, BigInt(cursor.position));
              if (events.length === 0) return 0;
              await handle(em, events);
              await em.execute(`update change_log_consumer set position = ? where name = ?`, [
                events.at(-1)!.position,
                name,
              ]);
              return events.length;
            });
            if (handled < pageSize) break;
          }
        } catch (error) {
          log.error({ err: error, consumer: name }, 'a change log consumer failed; its batch is retried');
        }
      }
    },
    () => undefined,
  );

  const listen = async () => {
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: applicationNameOf(options.databaseUrl, 'raccord'),
    });
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = null;
      metrics?.changeLogListening.set(0);
      metrics?.changeLogListenerDisconnects.inc();
      log.error({ err: error }, 'change log listener lost: reconnecting; live updates wait until it returns');
      client.end().catch(() => undefined);
      if (!closed) reconnect = setTimeout(() => void listen(), 1_000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === writtenChannel) void position();
      else void advance();
    });
    try {
      await client.connect();
      await client.query(`listen ${writtenChannel}; listen ${positionedChannel}`);
    } catch (error) {
      log.error({ err: error }, 'change log listener could not connect: retrying');
      client.end().catch(() => undefined);
      if (!closed) reconnect = setTimeout(() => void listen(), 1_000);
      return;
    }
    listener = client;
    metrics?.changeLogListening.set(1);
    // What committed while nobody listened.
    void position();
    void advance();
  };

  const catchUpReads = new PQueue({ concurrency: catchUpReadsAtOnce });

  /** The events of `topics` (and `audience`) after `from` up to `through`, from the database, a window at a time (`readWindow`; `catchUpReadsAtOnce`). */
  async function* replay(
    from: bigint,
    through: bigint,
    topics: readonly Topic[],
    audience: readonly (readonly string[])[] | null,
  ): AsyncGenerator<LoggedEvent> {
    let after = from;
    while (after < through) {
      const { events, examinedThrough } = await catchUpReads.add(() =>
        readWindow(orm.em.fork(), after, { through, topics, audience }),
      );
      for (const event of events) yield event;
      after = examinedThrough;
    }
  }

  return {
    publish: (events) => {
      metrics?.countCommitted(events);
      for (const committed of committedListeners) committed(events);
      if (events.length > 0) void position();
    },
    onCommitted: (committed) => {
      committedListeners.push(committed);
      return () => {
        const at = committedListeners.indexOf(committed);
        if (at >= 0) committedListeners.splice(at, 1);
      };
    },
    checkAfter: async (after) => void (await checkAfter(orm.em.fork(), BigInt(after))),
    subscribe: <K extends Topic>(
      topics: readonly K[],
      subscribeOptions: { after?: string | null; audience?: readonly (readonly string[])[] | null } = {},
    ): AsyncIterableIterator<LoggedEvent<K> | Resync> => {
      const audience = subscribeOptions.audience ?? null;
      // Events reach `queue` from the moment the subscriber attaches (its first `next`); the log before that comes from the database.
      let queue: LoggedEvent<K>[] = [];
      let behind = false;
      let stopped = false;
      // Resolves the wait of the stream below for an event, a retry or the subscriber's return.
      let wake: (() => void) | null = null;
      const reader = (event: LoggedEvent) => {
        if (!topics.includes(event.topic as K) || !inAudience(event.audience, audience)) return;
        if (queue.length >= subscriberBacklogLimit) {
          // Too slow a reader: it reads the rest from the database rather than hold it in memory.
          queue = [];
          behind = true;
        } else queue.push(event as LoggedEvent<K>);
        wake?.();
      };
      const waitFor = (retryMs?: number) =>
        new Promise<void>((resolve) => {
          const woken = () => {
            clearTimeout(timer);
            wake = null;
            resolve();
          };
          const timer = retryMs === undefined ? undefined : setTimeout(woken, retryMs);
          wake = woken;
        });
      // A generator gives an event only when the subscriber asks for the next one: what it has not read
      // waits in `queue` (bounded, above), and a yield is one promise, not a Repeater's several.
      const stream = (async function* (): AsyncGenerator<LoggedEvent<K> | Resync> {
        readers.add(reader);
        let last: bigint;
        try {
          if (subscribeOptions.after == null) {
            last = head;
            yield resyncAt(head.toString());
          } else {
            last = (await checkAfter(orm.em.fork(), BigInt(subscribeOptions.after))).from;
            behind = true;
          }
          while (!stopped) {
            if (behind) {
              behind = false;
              const through = head;
              try {
                for await (const event of replay(last, through, topics, audience)) {
                  if (stopped) return;
                  yield event as LoggedEvent<K>;
                  last = BigInt(event.position);
                }
              } catch (error) {
                // The database did not answer: the subscriber waits and reads on from where it stands, losing nothing.
                log.error({ err: error }, 'a subscriber could not read the change log: it tries again');
                behind = true;
                await waitFor(replayRetryMs);
                continue;
              }
              if (through > last) last = through;
            }
            while (queue.length > 0 && !behind && !stopped) {
              const event = queue.shift()!;
              if (BigInt(event.position) <= last) continue;
              last = BigInt(event.position);
              yield event;
            }
            if (behind || stopped) continue;
            await waitFor();
          }
        } finally {
          readers.delete(reader);
        }
      })();
      return {
        [Symbol.asyncIterator]() {
          return this;
        },
        next: () => stream.next(),
        // Stops at once, even while the stream waits for an event or reads the database: the reader is
        // detached now, a `next` waiting ends, and the stream finishes behind (a read in progress first).
        return: () => {
          stopped = true;
          readers.delete(reader);
          wake?.();
          void stream.return(undefined);
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
    start: async () => {
      head = (await logState(orm.em.fork())).head;
      await listen();
      sweep = setInterval(() => {
        void position();
        void advance();
      }, sweepIntervalMs);
      sweep.unref();
    },
    head: () => head.toString(),
    prune: async (before) => {
      const [row] = await orm.em.fork().execute<{ pruned: number }[]>(
        `with gone as (delete from change_event where occurred_at < ? and position is not null returning position),
         moved as (update change_log_state set pruned_through = greatest(pruned_through, (select max(position) from gone))
                    where exists (select 1 from gone) returning 1)
         select (select count(*) from gone)::int as pruned, (select count(*) from moved) as moved`,
        [before.toISOString()],
      );
      return row?.pruned ?? 0;
    },
    close: async () => {
      closed = true;
      clearInterval(sweep);
      clearTimeout(reconnect);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
      readers.clear();
    },
  };
}

/** How often the events older than the retention are pruned. */
export const changeLogPruneIntervalMs = 60 * 60_000;

/**
 * Prunes, at start and then every `changeLogPruneIntervalMs`, the events of `log` older than
 * `retentionDays`; a subscriber asking for pruned events is told EVENTS_PRUNED. Failures are logged
 * and retried at the next run. Returns `stop()`, which waits for a run in progress.
 */
export function startChangeLogPruning(
  log: ChangeLog,
  logger: Logger,
  retentionDays: number,
  clock: PruningClock = systemPruningClock,
): { stop: () => Promise<void> } {
  return startPruning(
    changeLogPruneIntervalMs,
    async () => {
      const pruned = await log.prune(new Date(clock.now().getTime() - retentionDays * 86_400_000));
      if (pruned > 0) logger.info({ pruned, retentionDays }, 'change log: old events pruned');
    },
    (error) => logger.error({ err: error }, 'pruning the change log failed; retried at the next run'),
    clock,
  );
}
