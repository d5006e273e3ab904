import os from 'node:os';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { benchFirm, graphql, percentile, scheduledWork, startBenchServer, usage } from './server.js';

/**
 * `npm run bench:subscriptions [N …]` (default 100 1000 5000): how one server process delivers live
 * updates to N WebSocket subscribers. The server is the built one (`dist/server/src/main.js`, as
 * `npm start` runs it) on a fresh database of DATABASE_URL's PostgreSQL (or the embedded one), in a
 * process of its own; the subscribers are graphql-ws clients in this process. For each N, every
 * subscriber watches `invoiceChanged` for one contractor, then `EVENTS` installations of that
 * contractor are accepted one after the other, each once every subscriber received the previous
 * one's event (or after 30 s). Measured, per N:
 * - latency from commit to receipt, p50 and p99 over every delivery (ms): receipt time in this
 *   process minus the invoice's `updatedAt`, set at flush inside the committing transaction (same clock);
 * - the server's CPU time (user + system, from /proc) over the acceptances, per delivered event (µs);
 * - the server's resident memory growth per connected subscriber (KiB);
 * - delivered ÷ expected (N × EVENTS), which must be exactly 1.
 * Prints one JSON line per N. `EVENTS` sets the acceptances per N (default 20);
 * `BENCH_SERVER_NODE_FLAGS` passes flags to the server's node (e.g. `--cpu-prof` to profile it).
 */
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const subscriberCounts = sizes.length > 0 ? sizes : [100, 1000, 5000];
const EVENTS = Number(process.env['EVENTS'] ?? 20);

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

async function measure(url: string, pid: number, token: string, firmId: string, subscribers: number) {
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i += 1) ids.push(await installed(url, token, firmId));

  const before = usage(pid);
  const clients: Client[] = [];
  const latencies: number[] = [];
  const receivedPerEvent = new Map<string, number>();
  let delivered = 0;
  let subscribed = 0;
  const failures: string[] = [];
  const query =
    'subscription ($c: ID) { invoiceChanged(contractorId: $c) { change invoice { id updatedAt netPayable { centimes } } } }';
  for (let i = 0; i < subscribers; i += 1) {
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    clients.push(client);
    client.subscribe<{ invoiceChanged: { change: string; invoice: { updatedAt: string } | null } }>(
      { query, variables: { c: firmId } },
      {
        next: (result) => {
          const event = result.data?.invoiceChanged;
          if (!event) {
            failures.push(`subscriber ${i}: ${JSON.stringify(result)}`);
            return;
          }
          if (event.change === 'RESYNC') {
            subscribed += 1;
            return;
          }
          const at = Date.now();
          delivered += 1;
          latencies.push(at - Date.parse(event.invoice!.updatedAt));
          receivedPerEvent.set(event.invoice!.updatedAt, (receivedPerEvent.get(event.invoice!.updatedAt) ?? 0) + 1);
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
    // Connect in waves, as users arrive, rather than all in the same millisecond.
    if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const deadline = Date.now() + 120_000;
  while (subscribed < subscribers && failures.length === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  if (subscribed < subscribers) {
    await Promise.all(clients.map((client) => client.dispose()));
    throw new Error(
      `only ${subscribed} of ${subscribers} subscribers were registered: ${failures.slice(0, 3).join('; ')}`,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const connected = usage(pid);

  for (const id of ids) {
    const target = delivered + subscribers;
    await graphql(
      url,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id },
      token,
    );
    const waitUntil = Date.now() + 30_000;
    while (delivered < target && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const after = usage(pid);
  await Promise.all(clients.map((client) => client.dispose()));

  if (failures.length > 0)
    throw new Error(`${failures.length} subscriptions failed: ${failures.slice(0, 3).join('; ')}`);
  latencies.sort((a, b) => a - b);
  const expected = subscribers * EVENTS;
  return {
    bench: 'subscriptions',
    subscribers,
    events: EVENTS,
    expected,
    delivered,
    deliveredRatio: delivered / expected,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencyMaxMs: latencies.at(-1),
    serverCpuPerDeliveryMicros: Math.round(((after.cpuSeconds - connected.cpuSeconds) / delivered) * 1e6),
    serverCpuPerEventMs: Math.round(((after.cpuSeconds - connected.cpuSeconds) / EVENTS) * 1000),
    serverMemoryPerSubscriberKiB: Math.round((connected.rssBytes - before.rssBytes) / subscribers / 1024),
    serverRssMiB: Math.round(connected.rssBytes / 1048576),
    cpus: os.cpus().length,
    node: process.version,
  };
}

async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    const firmId = await benchFirm(server.url, server.token);
    for (const subscribers of subscriberCounts) {
      process.stdout.write(
        `${JSON.stringify(await measure(server.url, server.process.pid!, server.token, firmId, subscribers))}\n`,
      );
    }
  } finally {
    await server.stop();
  }
}

await main();
