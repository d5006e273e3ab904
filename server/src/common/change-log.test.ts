import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { initOrm } from '../entities.js';
import {
  createChangeLog,
  startChangeLogPruning,
  readAfter,
  readWindow,
  scanWindow,
  subscriberBacklogLimit,
  writeEvents,
  type ChangeLog,
  type LoggedEvent,
} from './change-log.js';
import { contextAt } from '../../test/contexts.js';
import { announce, isResync, type RaccordEvent, type Resync } from './events.js';
import { inTransaction } from './transaction.js';
// Declares NOTIFICATION_ADDED's audience: each event is for its recipient.
import '../modules/notification/notification.events.js';

const logger = pino({ level: 'silent' });
let database: TestDatabase;
let orm: MikroORM;
/** Two processes' change logs on one database. */
let first: ChangeLog;
let second: ChangeLog;
const handled: { consumer: string; marks: string[] }[] = [];
let failNext = 0;

/** An event whose payload names it: `mark` (FIGURES_CHANGED carries a list of strings). */
const marked = (mark: string): RaccordEvent => ({ topic: 'FIGURES_CHANGED', payload: { wilayaCodes: [mark] } });
const markOf = (event: LoggedEvent | Resync) =>
  isResync(event) ? 'RESYNC' : (event.payload as { wilayaCodes: string[] }).wilayaCodes[0]!;

/** Commits `marks`' events in one transaction and tells `log` (as `inTransaction` does). */
async function commit(log: ChangeLog, ...marks: string[]): Promise<void> {
  const events = marks.map(marked);
  await orm.em.fork().transactional((em) => writeEvents(em as EntityManager, events, new Date()));
  log.publish(events);
}

/** Reads `count` items of `stream`. */
async function take<T>(stream: AsyncIterator<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  while (items.length < count) {
    const next = await stream.next();
    if (next.done) break;
    items.push(next.value);
  }
  return items;
}

const head = async () =>
  (await orm.em.fork().execute<{ head: string }[]>('select head::text from change_log_state'))[0]!.head;

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await initOrm({ databaseUrl: database.url, logger, poolMax: 6 });
  const consumer = (name: string) => async (_em: EntityManager, events: readonly LoggedEvent[]) => {
    if (failNext > 0) {
      failNext--;
      throw new Error('the consumer failed');
    }
    handled.push({ consumer: name, marks: events.map(markOf) });
  };
  first = createChangeLog({ orm, databaseUrl: database.url, logger, consumers: { audit: consumer('first') } });
  second = createChangeLog({ orm, databaseUrl: database.url, logger, consumers: { audit: consumer('second') } });
  await first.start();
  await second.start();
});
afterAll(async () => {
  await first.close();
  await second.close();
  await orm.close();
  await database.drop();
});

describe('the change log', () => {
  it('positions in commit order: an event of a transaction that commits late comes after those that committed before it', async () => {
    const start = BigInt(await head());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const writtenLate = new Promise<void>((resolve) => (written = resolve));
    // Written first (its row has the smaller id), committed last.
    const late = orm.em.fork().transactional(async (em) => {
      await writeEvents(em as EntityManager, [marked('late')], new Date());
      written();
      await held;
    });
    await writtenLate;
    await commit(first, 'early');
    await eventually(async () => expect(await head()).toBe((start + 1n).toString()));
    // A reader who read everything up to here...
    const seen = first.subscribe(['FIGURES_CHANGED'], { after: start.toString() });
    expect((await take(seen, 1)).map(markOf)).toEqual(['early']);
    release();
    await late;
    first.publish([marked('late')]);
    // ...reads "after" its position and misses nothing committed since.
    expect((await take(seen, 1)).map(markOf)).toEqual(['late']);
    await seen.return?.();
    const rows = await orm.em
      .fork()
      .execute<{ position: string; mark: string }[]>(
        `select position::text, payload->'wilayaCodes'->>0 as mark from change_event where position > ? order by position`,
        [start.toString()],
      );
    expect(rows).toEqual([
      { position: (start + 1n).toString(), mark: 'early' },
      { position: (start + 2n).toString(), mark: 'late' },
    ]);
  });

  it('gives concurrent writers on two processes gapless positions, and each subscriber every event once, in order', async () => {
    const start = BigInt(await head());
    const onFirst = first.subscribe(['FIGURES_CHANGED']);
    const onSecond = second.subscribe(['FIGURES_CHANGED'], { after: start.toString() });
    expect((await take(onFirst, 1)).map(markOf)).toEqual(['RESYNC']);
    const writers = Array.from({ length: 8 }, (_, writer) =>
      (async () => {
        for (let n = 0; n < 10; n++) await commit(writer % 2 ? first : second, `w${writer}-${n}`);
      })(),
    );
    const [fromFirst, fromSecond] = await Promise.all([take(onFirst, 80), take(onSecond, 80), ...writers]);
    for (const received of [fromFirst!, fromSecond!]) {
      const positions = (received as LoggedEvent[]).map((event) => BigInt(event.position));
      expect(positions).toEqual(Array.from({ length: 80 }, (_, n) => start + BigInt(n) + 1n));
      // Each writer's own events in the order it wrote them.
      for (let writer = 0; writer < 8; writer++) {
        const own = received.map(markOf).filter((mark) => mark.startsWith(`w${writer}-`));
        expect(own).toEqual(Array.from({ length: 10 }, (_, n) => `w${writer}-${n}`));
      }
    }
    await onFirst.return?.();
    await onSecond.return?.();
  });

  it('replays what a subscriber missed, then continues live, with no gap and no repeat at the seam', async () => {
    const start = BigInt(await head());
    for (let n = 0; n < 30; n++) await commit(first, `before-${n}`);
    await eventually(async () => expect(await head()).toBe((start + 30n).toString()));
    const resumed = second.subscribe(['FIGURES_CHANGED'], { after: (start + 10n).toString() });
    // Live events committed while the replay runs.
    const writing = (async () => {
      for (let n = 0; n < 30; n++) await commit(second, `during-${n}`);
    })();
    const received = await take(resumed, 50);
    await writing;
    expect(received.map(markOf)).toEqual([
      ...Array.from({ length: 20 }, (_, n) => `before-${n + 10}`),
      ...Array.from({ length: 30 }, (_, n) => `during-${n}`),
    ]);
    await resumed.return?.();
  });

  it('reads for a subscriber with an audience only the events that may concern it, from the database and live', async () => {
    const start = BigInt(await head());
    const notified = (recipientId: string, n: number): RaccordEvent => ({
      topic: 'NOTIFICATION_ADDED',
      payload: { notificationId: `${recipientId}-${n}`, recipientId },
    });
    const commitEvents = async (log: ChangeLog, events: RaccordEvent[]) => {
      await orm.em.fork().transactional((em) => writeEvents(em as EntityManager, events, new Date()));
      log.publish(events);
    };
    for (let n = 0; n < 5; n++) await commitEvents(first, [notified('7', n), notified('8', n), marked(`for-all-${n}`)]);
    await eventually(async () => expect(await head()).toBe((start + 15n).toString()));

    // The database returns user 7's events and those for everyone, not user 8's.
    const read = await readAfter(orm.em.fork(), start, { audience: [['user:7']] });
    expect(
      read.map((event) => (event.topic === 'NOTIFICATION_ADDED' ? event.payload.notificationId : markOf(event))),
    ).toEqual(Array.from({ length: 5 }, (_, n) => [`7-${n}`, `for-all-${n}`]).flat());
    expect(read[0]!.audience).toEqual(['user:7']);
    expect(read[1]!.audience).toEqual(['all']);
    // Every set must meet an event's tags: no event is for both users.
    expect(
      (await readAfter(orm.em.fork(), start, { topics: ['NOTIFICATION_ADDED'], audience: [['user:7'], ['user:8']] }))
        .length,
    ).toBe(0);

    // A subscriber of user 7 replays its five, then gets live only its own.
    const resumed = second.subscribe(['NOTIFICATION_ADDED'], { after: start.toString(), audience: [['user:7']] });
    const replayed = await take(resumed, 5);
    await commitEvents(first, [notified('8', 5)]);
    await commitEvents(first, [notified('7', 5)]);
    const [live] = await take(resumed, 1);
    expect(
      [...replayed, live!].map((event) => (event as LoggedEvent<'NOTIFICATION_ADDED'>).payload.notificationId),
    ).toEqual(Array.from({ length: 6 }, (_, n) => `7-${n}`));
    await resumed.return?.();
  });

  it('reads a long stretch of others’ events a window at a time: no read examines more than `scanWindow` positions', async () => {
    const start = BigInt(await head());
    const others = Number(scanWindow) + 100;
    const events: RaccordEvent[] = [
      ...Array.from({ length: others }, (_, n): RaccordEvent => ({
        topic: 'NOTIFICATION_ADDED',
        payload: { notificationId: `8-far-${n}`, recipientId: '8' },
      })),
      { topic: 'NOTIFICATION_ADDED', payload: { notificationId: '7-far', recipientId: '7' } },
    ];
    await orm.em.fork().transactional((em) => writeEvents(em as EntityManager, events, new Date()));
    first.publish(events);
    const end = start + BigInt(others) + 1n;
    await eventually(async () => expect(await head()).toBe(end.toString()));

    const audience = [['user:7']];
    const firstWindow = await readWindow(orm.em.fork(), start, { through: end, audience });
    expect(firstWindow).toEqual({ events: [], examinedThrough: start + scanWindow });
    const secondWindow = await readWindow(orm.em.fork(), firstWindow.examinedThrough, { through: end, audience });
    expect(secondWindow.events.map((event) => event.position)).toEqual([end.toString()]);
    expect(secondWindow.examinedThrough).toBe(end);

    // A subscriber resuming before them reads on window after window to its event.
    const resumed = second.subscribe(['NOTIFICATION_ADDED'], { after: start.toString(), audience });
    const [found] = await take(resumed, 1);
    expect((found as LoggedEvent<'NOTIFICATION_ADDED'>).payload.notificationId).toBe('7-far');
    await resumed.return?.();
  });

  it('feeds a subscriber too slow for the live stream from the log, losing nothing', async () => {
    // Its RESYNC mark stands where this process has read: everything before.
    await eventually(async () => expect(first.head()).toBe(await head()));
    const slow = first.subscribe(['FIGURES_CHANGED']);
    await take(slow, 1);
    const count = subscriberBacklogLimit * 3;
    await commit(first, ...Array.from({ length: count }, (_, n) => `burst-${n}`));
    const received = await take(slow, count);
    expect(received.map(markOf)).toEqual(Array.from({ length: count }, (_, n) => `burst-${n}`));
    await slow.return?.();
  });

  it('ends a subscriber that returns while it waits for an event: its waiting read is done at once, and nothing comes after', async () => {
    const leaving = first.subscribe(['FIGURES_CHANGED']);
    await take(leaving, 1);
    const waiting = leaving.next();
    await leaving.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await commit(first, 'after-return');
    expect(await leaving.next()).toEqual({ done: true, value: undefined });
  });

  it('keeps a subscriber whose read of the log fails (the database not answering): it reads on once it answers, losing nothing', async () => {
    const lines: string[] = [];
    const capturing = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const third = createChangeLog({ orm, databaseUrl: database.url, logger: capturing });
    await third.start();
    const start = await head();
    await commit(first, 'while-away-1', 'while-away-2', 'while-away-3');
    await eventually(async () => expect(BigInt(await head())).toBe(BigInt(start) + 3n));
    await orm.em.fork().execute('alter table change_event rename to change_event_away');
    try {
      const resumed = third.subscribe(['FIGURES_CHANGED'], { after: start });
      const reading = take(resumed, 3);
      await eventually(() => expect(lines.join('')).toContain('a subscriber could not read the change log'));
      await orm.em.fork().execute('alter table change_event_away rename to change_event');
      expect((await reading).map(markOf)).toEqual(['while-away-1', 'while-away-2', 'while-away-3']);
      await resumed.return?.();
    } finally {
      await orm.em.fork().execute('alter table if exists change_event_away rename to change_event');
      await third.close();
    }
  });

  it('refuses to resume after pruned events (EVENTS_PRUNED) or past the log’s end (BAD_USER_INPUT)', async () => {
    await commit(first, 'old', 'older');
    await eventually(async () =>
      expect(await orm.em.fork().execute('select 1 from change_event where position is null')).toEqual([]),
    );
    const end = BigInt(await head());
    await expect(first.checkAfter((end + 1n).toString())).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    await orm.em
      .fork()
      .execute(`update change_event set occurred_at = now() - interval '91 days' where position <= ?`, [
        end.toString(),
      ]);
    const pruning = startChangeLogPruning(first, logger, 90, {
      now: () => new Date(),
      setInterval: () => 0 as never,
      clearInterval: () => undefined,
    });
    await pruning.stop();
    await expect(first.checkAfter((end - 1n).toString())).rejects.toMatchObject({
      extensions: { code: 'EVENTS_PRUNED', prunedThrough: end.toString() },
    });
    await expect(first.checkAfter(end.toString())).resolves.toBeUndefined();
    // "0" stands for the start of what the log keeps: it reads on from the last position pruned.
    await commit(first, 'kept');
    const fromStart = first.subscribe(['FIGURES_CHANGED'], { after: '0' });
    expect((await take(fromStart, 1)).map(markOf)).toEqual(['kept']);
    await fromStart.return?.();
  });

  it('writes a change’s events in its transaction, at the change’s time: both commit, or neither', async () => {
    const context = contextAt(orm, '2026-05-03T08:00:00Z');
    const count = async () =>
      (await orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from change_event`))[0]!.n;
    const before = await count();
    await expect(
      inTransaction(context, async (em) => {
        announce(em, 'FIGURES_CHANGED', () => ({ wilayaCodes: ['rolled-back'] }));
        await em.execute(`insert into change_log_consumer (name, position) values ('rolled-back', 0)`);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(
      inTransaction(context, async (em) => {
        await em.execute(`insert into change_log_consumer (name, position) values ('unreadable', 0)`);
        announce(em, 'FIGURES_CHANGED', () => {
          throw new Error('the event cannot be read');
        });
      }),
    ).rejects.toThrow('the event cannot be read');
    expect(await count()).toBe(before);
    expect(
      await orm.em.fork().execute(`select name from change_log_consumer where name in ('rolled-back', 'unreadable')`),
    ).toEqual([]);
    await inTransaction(context, async (em) => {
      announce(em, 'FIGURES_CHANGED', () => ({ wilayaCodes: ['committed'] }));
    });
    const [row] = await orm.em
      .fork()
      .execute<{ occurred_at: string }[]>(
        `select occurred_at from change_event where payload->'wilayaCodes'->>0 = 'committed'`,
      );
    expect(new Date(row!.occurred_at).toISOString()).toBe('2026-05-03T08:00:00.000Z');
  });

  it('runs each consumer over every event once, in order, and retries a batch that failed', async () => {
    // The earlier tests' events positioned and handled first.
    await eventually(async () => {
      const [state] = await orm.em.fork().execute<{ waiting: number; cursor: string; head: string }[]>(
        `select (select count(*)::int from change_event where position is null) as waiting,
                (select position::text from change_log_consumer where name = 'audit') as cursor, head::text from change_log_state`,
      );
      expect(state).toMatchObject({ waiting: 0, cursor: state!.head });
    });
    handled.length = 0;
    failNext = 1;
    for (let n = 0; n < 5; n++) await commit(n % 2 ? first : second, `consumed-${n}`);
    await eventually(() =>
      expect(handled.flatMap((batch) => batch.marks)).toEqual(Array.from({ length: 5 }, (_, n) => `consumed-${n}`)),
    );
  });
});
