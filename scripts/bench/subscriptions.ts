import os from 'node:os';
import { inspect } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import * as hdr from 'hdr-histogram-js';
import pg from 'pg';
import WebSocket from 'ws';
import { benchFirm, graphql, scheduledWork, startBenchServer, usage } from './server.js';

/**
 * `npm run bench:subscriptions [N …]` (default 0 100 1000 5000): how one server process delivers live
 * updates from the change log to WebSocket subscribers. The server is the built one
 * (`dist/server/src/main.js`, as `npm start` runs it) on a fresh database of DATABASE_URL's PostgreSQL
 * (or the embedded one), in a process of its own; the subscribers are graphql-ws clients in this
 * process, each subscribed to `invoiceChanged`. Latency is commit to receipt: the receipt time in this
 * process minus the event's `occurredAt` (set in the committing transaction, just before its commit,
 * on the same machine's clock). Prints one JSON line per measure:
 *
 * - `subscriptions`, per N: N subscribers watch one contractor, then `EVENTS` installations of it are
 *   accepted one after the other, each once every subscriber received the previous one's event (or
 *   after 30 s). Latency p50/p99 over every delivery; the server's CPU (user + system, /proc) over
 *   the acceptances, per acceptance and per delivery (N = 0 gives the acceptance's own cost); its
 *   resident memory growth per subscriber; delivered ÷ expected (N × EVENTS), which must be 1.
 * - `subscriptions-writers`, per `WRITERS_SUBSCRIBERS` (default 1000): 16 writers, each for its own
 *   contractor, accept installations at `WRITE_RATE` (default 20) a second in all, evenly spaced, for
 *   `WRITE_SECONDS` (default 30); the subscribers are spread over the 16 contractors (each watches
 *   one), so each change reaches N ÷ 16 of them. Latency p50/p99, the acceptances' response times,
 *   the server's CPU per second of the run.
 * - `subscriptions-replay`: `REPLAY_EVENTS` (default 10,000) events of the contractor are added to
 *   the log while nobody listens (copies of its last acceptance's event, written by SQL), then one
 *   subscriber connects with `after` the position before them: the time from connecting to the
 *   receipt of the last one (catching up), and the server's CPU over it.
 *
 * `BENCH_SERVER_NODE_FLAGS` passes flags to the server's node (e.g. `--cpu-prof` to profile it).
 */
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 0);
const subscriberCounts = sizes.length > 0 ? sizes : [0, 100, 1000, 5000];
const EVENTS = Number(process.env['EVENTS'] ?? 20);
const writersSubscriberCounts = (process.env['WRITERS_SUBSCRIBERS'] ?? '1000')
  .split(/[ ,]+/)
  .filter(Boolean)
  .map(Number);
const WRITERS = 16;
const WRITE_RATE = Number(process.env['WRITE_RATE'] ?? 20);
const WRITE_SECONDS = Number(process.env['WRITE_SECONDS'] ?? 30);
const REPLAY_EVENTS = Number(process.env['REPLAY_EVENTS'] ?? 10_000);

const invoiceChanged =
  'subscription ($c: ID, $after: String) { invoiceChanged(contractorId: $c, after: $after) { change position occurredAt invoice { id netPayable { centimes } } } }';

interface InvoiceChanged {
  change: string;
  position: string;
  occurredAt: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds, 1 ms to 1 hour, three significant digits. */
const histogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000, numberOfSignificantValueDigits: 3 });

/** p50, p99 and max of `h`, in ms. */
const summary = (h: hdr.Histogram) => ({
  p50Ms: h.getValueAtPercentile(50),
  p99Ms: h.getValueAtPercentile(99),
  maxMs: h.maxValue,
});

/** A customer subscription of `firmId` reported INSTALLED (version 4), through the API. */
async function installed(url: string, token: string, firmId: string): Promise<string> {
  const id = await scheduledWork(url, token, firmId);
  await graphql(
    url,
    'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
    {
      input: {
        id,
        expectedVersion: 3,
        installedAt: new Date(Date.now() - 60_000).toISOString(),
        technicianName: 'Technicien Bench',
        networkClass: 'B_PLUS',
        receivedPowerDbm: '-21.5',
        lines: [
          { code: 'RAC-STD', quantity: '1' },
          { code: 'PTO', quantity: '1' },
        ],
      },
    },
    token,
  );
  return id;
}

const accept = (url: string, token: string, id: string) =>
  graphql(
    url,
    'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
    { id },
    token,
  );

/** Subscribers connected to the server, each to `invoiceChanged` of one contractor. */
interface Subscribers {
  /** Events received (RESYNC marks apart). */
  readonly delivered: () => number;
  readonly failures: string[];
  dispose(): Promise<void>;
}

/**
 * Connects `count` subscribers, subscriber i to `firmOf(i)`'s invoices (after `after` when given),
 * and waits until each is registered (its RESYNC mark received; at once with `after`). `onEvent`
 * sees each event with its receipt time.
 */
async function subscribe(
  url: string,
  token: string,
  count: number,
  firmOf: (i: number) => string,
  onEvent: (event: InvoiceChanged, receivedAt: number) => void,
  after?: string,
): Promise<Subscribers> {
  const clients: Client[] = [];
  const failures: string[] = [];
  let delivered = 0;
  let registered = 0;
  for (let i = 0; i < count; i += 1) {
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    clients.push(client);
    client.subscribe<{ invoiceChanged: InvoiceChanged }>(
      { query: invoiceChanged, variables: { c: firmOf(i), after: after ?? null } },
      {
        next: (result) => {
          const receivedAt = Date.now();
          const event = result.data?.invoiceChanged;
          if (!event) {
            failures.push(`subscriber ${i}: ${JSON.stringify(result)}`);
            return;
          }
          if (event.change === 'RESYNC') {
            registered += 1;
            return;
          }
          delivered += 1;
          onEvent(event, receivedAt);
        },
        error: (error) => {
          const closed = error as { code?: number; reason?: string };
          failures.push(
            `subscriber ${i}: ${error instanceof Error ? error.message : `socket closed (${closed.code} ${closed.reason})`}`,
          );
        },
        complete: () => undefined,
      },
    );
    // Connect in waves, as users arrive, rather than all in the same millisecond; on a loaded machine
    // a wave waits for the previous one to be registered, or the server's accept queue overflows (ECONNRESET).
    if (i % 200 === 199) {
      await sleep(50);
      const waveDeadline = Date.now() + 60_000;
      while (after === undefined && registered < i - 199 && failures.length === 0 && Date.now() < waveDeadline)
        await sleep(20);
    }
  }
  // A client whose socket never opened rejects its dispose with the socket's error: nothing is left to close.
  const dispose = () => Promise.allSettled(clients.map(async (client) => client.dispose())).then(() => undefined);
  if (after === undefined) {
    const deadline = Date.now() + 120_000;
    while (registered < count && failures.length === 0 && Date.now() < deadline) await sleep(50);
    if (registered < count) {
      await dispose();
      throw new Error(`only ${registered} of ${count} subscribers were registered: ${failures.slice(0, 3).join('; ')}`);
    }
  }
  return { delivered: () => delivered, failures, dispose };
}

const failed = (subscribers: Subscribers) => {
  if (subscribers.failures.length > 0)
    throw new Error(
      `${subscribers.failures.length} subscriptions failed: ${subscribers.failures.slice(0, 3).join('; ')}`,
    );
};

const latencyOf = (event: InvoiceChanged, receivedAt: number) =>
  Math.max(0, receivedAt - Date.parse(event.occurredAt!));

/** Acceptances one after the other, each delivered to all `subscribers` of one contractor. */
async function sequential(url: string, pid: number, token: string, firmId: string, subscribers: number) {
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i += 1) ids.push(await installed(url, token, firmId));

  const before = usage(pid);
  const latencies = histogram();
  const connected = await subscribe(
    url,
    token,
    subscribers,
    () => firmId,
    (event, at) => latencies.recordValue(latencyOf(event, at)),
  );
  // Let the connections' own work settle before the acceptances are measured.
  await sleep(1000);
  const ready = usage(pid);

  for (const id of ids) {
    const target = connected.delivered() + subscribers;
    await accept(url, token, id);
    const waitUntil = Date.now() + 30_000;
    while (connected.delivered() < target && Date.now() < waitUntil) await sleep(2);
  }
  await sleep(500);
  const after = usage(pid);
  await connected.dispose();
  failed(connected);
  const delivered = connected.delivered();
  const expected = subscribers * EVENTS;
  const cpuSeconds = after.cpuSeconds - ready.cpuSeconds;
  return {
    bench: 'subscriptions',
    subscribers,
    events: EVENTS,
    expected,
    delivered,
    deliveredRatio: expected === 0 ? 1 : delivered / expected,
    latency: summary(latencies),
    serverCpuPerAcceptanceMs: Math.round((cpuSeconds / EVENTS) * 1000),
    serverCpuPerDeliveryMicros: delivered === 0 ? null : Math.round((cpuSeconds / delivered) * 1e6),
    serverMemoryPerSubscriberKiB:
      subscribers === 0 ? null : Math.round((ready.rssBytes - before.rssBytes) / subscribers / 1024),
    serverRssMiB: Math.round(ready.rssBytes / 1048576),
  };
}

/** 16 writers, one per contractor, accepting `WRITE_RATE` installations a second in all, with `subscribers` spread over the contractors. */
async function writers(url: string, pid: number, token: string, firms: readonly string[], subscribers: number) {
  const perWriter = Math.ceil((WRITE_RATE * WRITE_SECONDS) / WRITERS);
  const work = await Promise.all(
    firms.map(async (firmId) => {
      const ids: string[] = [];
      for (let k = 0; k < perWriter; k += 1) ids.push(await installed(url, token, firmId));
      return ids;
    }),
  );

  const latencies = histogram();
  const responses = histogram();
  const connected = await subscribe(
    url,
    token,
    subscribers,
    (i) => firms[i % WRITERS]!,
    (event, at) => latencies.recordValue(latencyOf(event, at)),
  );
  const watchersOf = firms.map((_, w) => Math.floor(subscribers / WRITERS) + (w < subscribers % WRITERS ? 1 : 0));
  await sleep(1000);
  const ready = usage(pid);
  const start = Date.now();
  // Open loop: the j-th change overall is due at start + j ÷ rate, whatever the previous ones took.
  await Promise.all(
    work.map(async (ids, w) => {
      for (const [k, id] of ids.entries()) {
        const due = start + ((k * WRITERS + w) / WRITE_RATE) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
        const sent = Date.now();
        await accept(url, token, id);
        responses.recordValue(Date.now() - sent);
      }
    }),
  );
  const written = Date.now();
  const expected = watchersOf.reduce((sum, watchers) => sum + watchers * perWriter, 0);
  const waitUntil = Date.now() + 120_000;
  while (connected.delivered() < expected && Date.now() < waitUntil) await sleep(10);
  const done = Date.now();
  const after = usage(pid);
  await connected.dispose();
  failed(connected);
  const seconds = (done - start) / 1000;
  return {
    bench: 'subscriptions-writers',
    subscribers,
    writers: WRITERS,
    changes: perWriter * WRITERS,
    changesPerSecond: Number(((perWriter * WRITERS) / ((written - start) / 1000)).toFixed(1)),
    expected,
    delivered: connected.delivered(),
    deliveredRatio: expected === 0 ? 1 : connected.delivered() / expected,
    deliveriesPerSecond: Math.round(connected.delivered() / seconds),
    latency: summary(latencies),
    acceptanceResponse: summary(responses),
    drainAfterLastWriteMs: done - written,
    serverCpuSecondsPerSecond: Number(((after.cpuSeconds - ready.cpuSeconds) / seconds).toFixed(2)),
    serverCpuPerDeliveryMicros:
      connected.delivered() === 0
        ? null
        : Math.round(((after.cpuSeconds - ready.cpuSeconds) / connected.delivered()) * 1e6),
  };
}

/** A subscriber that missed `REPLAY_EVENTS` events of `firmId` reconnects with `after`: time to catch up. */
async function replay(url: string, databaseUrl: string, pid: number, token: string, firmId: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let from: string;
  try {
    const {
      rows: [last],
    } = await db.query<{ position: string }>(
      `select position::text from change_event where topic = 'INVOICE_CHANGED' and payload->>'contractorId' = $1
        and position is not null order by position desc limit 1`,
      [firmId],
    );
    if (!last) throw new Error('no event of the contractor to copy: run the acceptances first');
    const {
      rows: [state],
    } = await db.query<{ head: string }>('select head::text from change_log_state');
    from = state!.head;
    // Written as a change's transaction writes them; the server's relay gives them their positions.
    await db.query(
      `with written as (
         insert into change_event (occurred_at, topic, payload)
         select now(), topic, payload from change_event, generate_series(1, $2::int) where position = $1::bigint
         returning 1)
       select pg_notify('raccord_change_written', '') from (select count(*) from written) as once`,
      [last.position, REPLAY_EVENTS],
    );
    const target = BigInt(from) + BigInt(REPLAY_EVENTS);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const { rows } = await db.query<{ head: string }>('select head::text from change_log_state');
      if (BigInt(rows[0]!.head) >= target) break;
      if (Date.now() > deadline) throw new Error('the relay did not position the events');
      await sleep(50);
    }
  } finally {
    await db.end();
  }
  // Let the server's process read the new head and settle.
  await sleep(1000);

  const before = usage(pid);
  const start = Date.now();
  let firstAt = 0;
  let lastAt = 0;
  const connected = await subscribe(
    url,
    token,
    1,
    () => firmId,
    (_event, at) => {
      firstAt ||= at;
      lastAt = at;
    },
    from,
  );
  const deadline = Date.now() + 600_000;
  while (connected.delivered() < REPLAY_EVENTS && connected.failures.length === 0 && Date.now() < deadline)
    await sleep(10);
  const after = usage(pid);
  await connected.dispose();
  failed(connected);
  const caughtUpMs = lastAt - start;
  return {
    bench: 'subscriptions-replay',
    missed: REPLAY_EVENTS,
    delivered: connected.delivered(),
    firstEventMs: firstAt - start,
    caughtUpMs,
    eventsPerSecond: Math.round(connected.delivered() / (caughtUpMs / 1000)),
    serverCpuMs: Math.round((after.cpuSeconds - before.cpuSeconds) * 1000),
  };
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  const print = (line: object) =>
    process.stdout.write(
      `${JSON.stringify({ ...line, cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version })}\n`,
    );
  // A measure that fails is reported as such and the next one runs: its subscribers are gone by then.
  const run = async (bench: string, details: object, measure: () => Promise<object>) => {
    try {
      print(await measure());
    } catch (error) {
      print({ bench, ...details, error: error instanceof Error ? error.message : inspect(error, { depth: 1 }) });
    }
  };
  const pid = server.process.pid!;
  try {
    const firmId = await benchFirm(server.url, server.token);
    for (const subscribers of subscriberCounts)
      await run('subscriptions', { subscribers }, () => sequential(server.url, pid, server.token, firmId, subscribers));
    if (writersSubscriberCounts.length > 0) {
      const firms = [firmId];
      for (let n = 1; n < WRITERS; n += 1) firms.push(await benchFirm(server.url, server.token, n));
      for (const subscribers of writersSubscriberCounts)
        await run('subscriptions-writers', { subscribers }, () =>
          writers(server.url, pid, server.token, firms, subscribers),
        );
    }
    if (REPLAY_EVENTS > 0)
      await run('subscriptions-replay', { missed: REPLAY_EVENTS }, () =>
        replay(server.url, server.databaseUrl, pid, server.token, firmId),
      );
  } finally {
    await server.stop();
  }
}

await main();
