import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let plain: TestApp;
let instrumented: TestApp;
beforeAll(async () => {
  [plain, instrumented] = await Promise.all([startTestApp(), startTestApp({ DEBUG_METRICS: 'true' })]);
});
afterAll(() => Promise.all([plain.stop(), instrumented.stop()]));

interface Snapshot {
  sqlStatements: number;
  eventLoopDelayMaxMs: number;
  eventLoopDelayP99Ms: number;
  rssBytes: number;
  since: string;
}

async function reset(t: TestApp): Promise<Snapshot> {
  return (await (await fetch(`${t.url}/debug/metrics/reset`, { method: 'POST' })).json()) as Snapshot;
}

async function read(t: TestApp): Promise<Snapshot> {
  return (await (await fetch(`${t.url}/debug/metrics`)).json()) as Snapshot;
}

describe('debug metrics (DEBUG_METRICS)', () => {
  it('are not served unless DEBUG_METRICS is on', async () => {
    expect((await fetch(`${plain.url}/debug/metrics`, { headers: { accept: 'application/json' } })).status).toBe(404);
    expect((await fetch(`${plain.url}/debug/metrics/reset`, { method: 'POST' })).status).toBe(404);
  });

  it('count every SQL statement a request sends, its transaction included, and reset to zero', async () => {
    await reset(instrumented);
    expect((await read(instrumented)).sqlStatements).toBe(0);

    const query = await instrumented.graphql('{ customerSubscriptions(first: 5) { edges { node { id } } } }');
    expect(query.body.errors).toBeUndefined();
    // The session check of the token, then the page (one statement, keyset).
    expect((await read(instrumented)).sqlStatements).toBe(2);

    await reset(instrumented);
    const created = await instrumented.graphql(
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }',
      {
        input: {
          code: 'dbg-1',
          name: 'Cité des compteurs',
          kind: 'HOUSING_ESTATE',
          communeId: '554',
          targetConnections: 10,
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const logged = instrumented.sqlOf(created.response.headers.get('x-request-id')!);
    expect(logged.some((sql) => sql.startsWith('insert into "site"'))).toBe(true);
    // Every statement the operation logged, plus the session check (logged without the request id), BEGIN and
    // COMMIT (not logged); and the change log's (writing the event, then positioning and reading it).
    expect((await read(instrumented)).sqlStatements).toBeGreaterThanOrEqual(logged.length + 3);
  });

  it('report the longest event-loop delay and the resident memory', async () => {
    await reset(instrumented);
    // The monitor measures the time between its samples: once it has sampled since the reset, a hold is measured.
    await eventually(async () => expect((await read(instrumented)).eventLoopDelayMaxMs).toBeGreaterThan(0));
    // Holds the event loop of the server's process (the test app runs in this one) for 150 ms.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
    // The delay is recorded at the monitor's next sample, once the loop turns again.
    const snapshot = await eventually(async () => {
      const current = await read(instrumented);
      expect(current.eventLoopDelayMaxMs).toBeGreaterThanOrEqual(100);
      return current;
    });
    expect(snapshot.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    const before = await reset(instrumented);
    expect(before.eventLoopDelayMaxMs).toBe(snapshot.eventLoopDelayMaxMs);
    expect((await read(instrumented)).eventLoopDelayMaxMs).toBeLessThan(100);
  });
});
