import { createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  installedCustomerSubscription,
  mustQuery,
} from '../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../test/harness.js';
import { eventually } from '../../test/eventually.js';
import { subscribe, type LiveSubscription } from '../../test/live.js';
import { startServerProcess, type ServerProcess } from '../../test/processes.js';
import { maxOperationsPerSocket } from '../transport/graphql-ws.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const accept = (t: TestApp, id: string, url = t.url) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
    body: JSON.stringify({
      query:
        'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
      variables: { id },
    }),
  }).then((response) => response.json() as Promise<{ data?: unknown; errors?: unknown }>);

type InvoiceEvent = {
  invoiceChanged: { change: string; invoice: { contractor: { id: string } | null; lines: unknown[] } | null };
};
const invoiceChanged =
  'subscription ($c: ID) { invoiceChanged(contractorId: $c) { change invoice { contractor { id } lines { itemCode } } } }';

async function track<T>(live: Promise<LiveSubscription<T>>): Promise<LiveSubscription<T>> {
  const subscription = await live;
  cleanups.push(() => subscription.close());
  return subscription;
}

describe('customerSubscriptionChanged and siteChanged', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  it("tell of each change of the work once committed, a site's progress included, and a firm of its own work only", async () => {
    const mine = await activeContractor(t);
    const other = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'live-firm@firm.test',
        displayName: 'Chef de chantier',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: mine.id,
      },
    });
    const firm = `Bearer ${await signIn(t.url, 'live-firm@firm.test', 'firm user password')}`;
    const admin = `Bearer ${t.adminToken}`;
    const site = await createSite(t, { targetConnections: 4 });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: mine.id },
    );

    type WorkEvent = {
      customerSubscriptionChanged: {
        change: string;
        previousStatus: string | null;
        customerSubscription: { id: string; status: string } | null;
      };
    };
    const work =
      'subscription ($c: ID, $s: ID) { customerSubscriptionChanged(contractorId: $c, siteId: $s) { change previousStatus customerSubscription { id status } } }';
    const firmAll = await track(subscribe<WorkEvent>(t.url, firm, work));
    const firmAskingOther = await track(subscribe<WorkEvent>(t.url, firm, work, { c: other.id }));
    const siteWork = await track(subscribe<WorkEvent>(t.url, admin, work, { s: site.id }));
    type SiteEvent = { siteChanged: { change: string; site: { id: string; progress: number } | null } };
    const sites = await track(
      subscribe<SiteEvent>(
        t.url,
        admin,
        'subscription ($s: ID) { siteChanged(siteId: $s) { change site { id progress } } }',
        { s: site.id },
      ),
    );

    const onSite = await installedCustomerSubscription(t, mine.id, '-21.5', undefined, { siteId: site.id });
    await accept(t, onSite);
    await installedCustomerSubscription(t, other.id);
    // Markers committed after all of the above, which each subscription must receive after what it must not:
    // an order given to the firm, then to the other firm (the firm is told it left, whatever it asks), an
    // order of the site, and the site edited.
    const marker = await createCustomerSubscription(t);
    const assign = (firmId: string, version: number) =>
      mustQuery(
        t,
        'mutation ($id: ID!, $v: Int!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: $v, contractorId: $c }) { customerSubscription { id } } }',
        { id: marker.id, v: version, c: firmId },
      );
    await assign(mine.id, 1);
    await assign(other.id, 2);
    const onSiteMarker = await createCustomerSubscription(t, { siteId: site.id });
    const [{ version }] = (await t.sql<{ version: number }>('select version from site where id = $1', [site.id])) as [
      { version: number },
    ];
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { updateSite(id: $id, expectedVersion: $v, input: { name: "Cité du marqueur" }) { site { id } } }',
      { id: site.id, v: version },
    );
    const changes = (live: LiveSubscription<WorkEvent>) =>
      live.received.slice(1).map(({ data }) => data.customerSubscriptionChanged);
    const removed = (live: LiveSubscription<WorkEvent>) => expect(changes(live).at(-1)?.change).toBe('REMOVED');
    await eventually(() => {
      removed(firmAll);
      removed(firmAskingOther);
      expect(changes(siteWork).at(-1)?.customerSubscription?.id).toBe(onSiteMarker.id);
      expect(sites.received.at(-1)?.data.siteChanged.change).toBe('UPDATED');
    });
    expect(firstChange(siteWork)).toBe('RESYNC');
    expect(
      changes(siteWork).map(
        (event) => `${event.change} ${event.previousStatus ?? '-'}→${event.customerSubscription!.status}`,
      ),
    ).toEqual([
      'CREATED -→PENDING',
      'STATUS_CHANGED PENDING→ASSIGNED',
      'STATUS_CHANGED ASSIGNED→SCHEDULED',
      'STATUS_CHANGED SCHEDULED→INSTALLED',
      'STATUS_CHANGED INSTALLED→ACCEPTED',
      'CREATED -→PENDING',
    ]);
    // The firm sees its work from the assignment on, never the other firm's, whatever it asks.
    expect(changes(firmAll).map((event) => `${event.change} ${event.customerSubscription?.id ?? '-'}`)).toEqual([
      ...Array.from({ length: 4 }, () => `STATUS_CHANGED ${onSite}`),
      `STATUS_CHANGED ${marker.id}`,
      'REMOVED -',
    ]);
    expect(changes(firmAskingOther)).toEqual([
      { change: 'REMOVED', previousStatus: 'ASSIGNED', customerSubscription: null },
    ]);
    expect(sites.received.slice(1).map(({ data }) => data.siteChanged)).toEqual([
      { change: 'PROGRESS_CHANGED', site: { id: site.id, progress: 0.25 } },
      { change: 'UPDATED', site: { id: site.id, progress: 0.25 } },
    ]);
  });

  it('refuses a malformed filter, or a wilaya that does not exist, instead of waiting for events that cannot come', async () => {
    const admin = `Bearer ${t.adminToken}`;
    await expect(
      subscribe(t.url, admin, 'subscription { customerSubscriptionChanged(wilayaCode: "6") { change } }'),
    ).rejects.toThrow(/BAD_USER_INPUT.*wilayaCode/);
    await expect(subscribe(t.url, admin, 'subscription { siteChanged(wilayaCode: "99") { change } }')).rejects.toThrow(
      /BAD_USER_INPUT.*wilayaCode/,
    );
    await expect(
      subscribe(t.url, admin, 'subscription { invoiceChanged(invoiceId: "abc") { change } }'),
    ).rejects.toThrow(/BAD_USER_INPUT.*invoiceId/);
    await expect(
      subscribe(t.url, admin, 'subscription { dashboardChanged(wilayaCode: "99") { acceptedTotal } }'),
    ).rejects.toThrow(/wilayaCode: must be the code of a wilaya, \\"01\\" to \\"58\\"/);
  });

  it(`runs at most ${maxOperationsPerSocket} subscriptions on one connection`, async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${t.adminToken}` },
    });
    cleanups.push(() => Promise.resolve(client.dispose()));
    const outcomes = await Promise.all(
      Array.from(
        { length: maxOperationsPerSocket + 1 },
        (_, index) =>
          new Promise<string>((resolve) => {
            client.subscribe(
              {
                query: 'subscription ($s: ID) { siteChanged(siteId: $s) { change } }',
                variables: { s: String(index + 1) },
              },
              {
                next: () => resolve('started'),
                error: (error) => resolve(JSON.stringify(error)),
                complete: () => resolve('complete'),
              },
            );
          }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'started')).toHaveLength(maxOperationsPerSocket);
    expect(outcomes.filter((outcome) => outcome.includes('TOO_MANY_SUBSCRIPTIONS'))).toHaveLength(1);
  });

  it('tells the subscribers an import concerns to refetch, once for the whole file, and no firm', async () => {
    type Work = { customerSubscriptionChanged: { change: string } };
    const query = 'subscription ($w: String) { customerSubscriptionChanged(wilayaCode: $w) { change } }';
    const inAlgiers = await track(subscribe<Work>(t.url, `Bearer ${t.adminToken}`, query, { w: '16' }));
    const inOran = await track(subscribe<Work>(t.url, `Bearer ${t.adminToken}`, query, { w: '31' }));
    const firm = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'import-watch@firm.test',
        displayName: 'Chef',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: firm.id,
      },
    });
    const firmWatch = await track(
      subscribe<Work>(
        t.url,
        `Bearer ${await signIn(t.url, 'import-watch@firm.test', 'firm user password')}`,
        query,
        {},
      ),
    );
    const csv = [
      'order_reference;customer_name;customer_phone;customer_address;commune_id;offer',
      ...[1, 2, 3].map((n) => `imp-live-${n};Client ${n};0661234567;Rue ${n};554;IDOOM FIBRE 100 Mbps`),
    ].join('\n');
    await mustQuery(t, 'mutation ($csv: String!) { importCustomerSubscriptions(csv: $csv) { created } }', { csv });
    // Markers committed after the import, which each subscription must receive after any refetch it must not:
    // an order in Algiers given to the firm, then one in Oran.
    const marker = await createCustomerSubscription(t);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id: marker.id, c: firm.id },
    );
    await createCustomerSubscription(t, { communeId: '1128' });
    const changes = (live: LiveSubscription<Work>) =>
      live.received.map(({ data }) => data.customerSubscriptionChanged.change);
    await eventually(() => {
      expect(changes(inAlgiers).at(-1)).toBe('STATUS_CHANGED');
      expect(changes(firmWatch).at(-1)).toBe('STATUS_CHANGED');
      expect(changes(inOran).at(-1)).toBe('CREATED');
    });
    expect(changes(inAlgiers)).toEqual(['RESYNC', 'RESYNC', 'CREATED', 'STATUS_CHANGED']);
    expect(changes(inOran)).toEqual(['RESYNC', 'CREATED']);
    expect(changes(firmWatch)).toEqual(['RESYNC', 'STATUS_CHANGED']);
  });

  it('tells a firm that work reassigned to another firm left it (REMOVED), without sending the record', async () => {
    const first = await activeContractor(t);
    const second = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'losing@firm.test',
        displayName: 'Chef',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: first.id,
      },
    });
    type Work = {
      customerSubscriptionChanged: {
        change: string;
        customerSubscriptionId: string | null;
        customerSubscription: { customerName: string | null } | null;
      };
    };
    const losing = await track(
      subscribe<Work>(
        t.url,
        `Bearer ${await signIn(t.url, 'losing@firm.test', 'firm user password')}`,
        'subscription { customerSubscriptionChanged { change customerSubscriptionId customerSubscription { customerName } } }',
      ),
    );
    const order = await createCustomerSubscription(t);
    const assign = (id: string, firmId: string, version: number) =>
      mustQuery(
        t,
        'mutation ($id: ID!, $v: Int!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: $v, contractorId: $c }) { customerSubscription { id } } }',
        { id, v: version, c: firmId },
      );
    await assign(order.id, first.id, 1);
    // The firm is told of the order given to it before it is taken away: an event is resolved on the
    // record as it stands then, and one resolved after the reassignment is no longer the firm's.
    expect(await losing.waitFor(2)).toBe(2);
    await assign(order.id, second.id, 2);
    // A marker committed after the reassignment: another order given to the firm, which must arrive after the REMOVED alone.
    const marker = await createCustomerSubscription(t);
    await assign(marker.id, first.id, 1);
    await eventually(() =>
      expect(losing.received.at(-1)?.data.customerSubscriptionChanged.customerSubscriptionId).toBe(marker.id),
    );
    expect(losing.received.slice(1).map(({ data }) => data.customerSubscriptionChanged)).toEqual([
      {
        change: 'STATUS_CHANGED',
        customerSubscriptionId: order.id,
        customerSubscription: { customerName: 'Yasmine Haddad' },
      },
      { change: 'REMOVED', customerSubscriptionId: order.id, customerSubscription: null },
      {
        change: 'STATUS_CHANGED',
        customerSubscriptionId: marker.id,
        customerSubscription: { customerName: 'Yasmine Haddad' },
      },
    ]);

    // A site likewise.
    const token = await signIn(t.url, 'losing@firm.test', 'firm user password');
    type SiteWork = { siteChanged: { change: string; siteId: string | null; site: { code: string } | null } };
    const sites = await track(
      subscribe<SiteWork>(t.url, `Bearer ${token}`, 'subscription { siteChanged { change siteId site { code } } }'),
    );
    const site = await createSite(t);
    const assignSite = (firmId: string, version: number) =>
      mustQuery(
        t,
        'mutation ($id: ID!, $v: Int!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: $v, contractorId: $c }) { site { id } } }',
        { id: site.id, v: version, c: firmId },
      );
    await assignSite(first.id, 1);
    expect(await sites.waitFor(2)).toBe(2);
    await assignSite(second.id, 2);
    expect(await sites.waitFor(3)).toBe(3);
    expect(sites.received.slice(1).map(({ data }) => data.siteChanged)).toEqual([
      { change: 'STATUS_CHANGED', siteId: site.id, site: { code: site.code } },
      { change: 'REMOVED', siteId: site.id, site: null },
    ]);
  });

  it('runs at most one subscription per id, even when a client completes an id and subscribes it again while it is starting', async () => {
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    cleanups.push(async () => socket.close());
    const messages: {
      id?: string;
      type: string;
      payload?: { data?: { customerSubscriptionChanged?: { change: string } } };
    }[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as (typeof messages)[number]));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${t.adminToken}` } }));
    await eventually(() => expect(messages.some((message) => message.type === 'connection_ack')).toBe(true));
    const subscribe = (id: string) =>
      JSON.stringify({
        id,
        type: 'subscribe',
        payload: { query: 'subscription { customerSubscriptionChanged { change } }' },
      });
    for (let i = 0; i < 60; i += 1) {
      socket.send(subscribe('x'));
      socket.send(JSON.stringify({ id: 'x', type: 'complete' }));
    }
    socket.send(subscribe('x'));
    // The markers: a subscription asked for after them all has started, then has received the work order created.
    const changesOf = (id: string) =>
      messages
        .filter((message) => message.id === id && message.type === 'next')
        .map((message) => message.payload?.data?.customerSubscriptionChanged?.change);
    socket.send(subscribe('marker'));
    await eventually(() => expect(changesOf('marker')).toEqual(['RESYNC']));
    await createCustomerSubscription(t);
    await eventually(() => expect(changesOf('marker')).toEqual(['RESYNC', 'CREATED']));
    const created = changesOf('x').filter((change) => change === 'CREATED');
    // At most the one last asked for runs (none when it was refused as still starting: the client is told so).
    expect(created.length).toBeLessThanOrEqual(1);
    if (created.length === 0) expect(JSON.stringify(messages)).toContain('is still starting');
  });

  function firstChange(subscription: LiveSubscription<{ customerSubscriptionChanged: { change: string } }>): string {
    return subscription.received[0]!.data.customerSubscriptionChanged.change;
  }
});

describe('a client that reconnects', () => {
  it('is told to refetch (RESYNC) when its subscription resumes, then receives the changes again', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    const firm = await activeContractor(t);
    const sockets: WebSocket[] = [];
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${t.adminToken}` },
      retryAttempts: 3,
      retryWait: () => Promise.resolve(),
      shouldRetry: () => true,
    });
    cleanups.push(() => Promise.resolve(client.dispose()));
    client.on('connected', (socket) => sockets.push(socket as WebSocket));
    const changes: string[] = [];
    client.subscribe<InvoiceEvent>(
      { query: invoiceChanged, variables: { c: firm.id } },
      {
        next: (result) => changes.push(result.data!.invoiceChanged.change),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await eventually(() => expect(changes).toEqual(['RESYNC']));
    sockets[0]!.terminate();
    await eventually(() => expect(changes).toEqual(['RESYNC', 'RESYNC']));
    expect(sockets).toHaveLength(2);
    await accept(t, await installedCustomerSubscription(t, firm.id));
    await eventually(() => expect(changes).toEqual(['RESYNC', 'RESYNC', 'LINE_ADDED']));
  });
});

/** A second Raccord process (the built server, as `npm start` runs it) on the test's database, stopped after the test. */
async function secondProcess(t: TestApp, env: Record<string, string>): Promise<ServerProcess> {
  const other = await startServerProcess(t.database.url, env);
  cleanups.push(() => other.stop());
  return other;
}

describe('across server processes, through the change log', () => {
  // How fast it arrives is a benchmark's figure (npm run bench:subscriptions), not a test's: a busy machine is slow.
  it('delivers a change committed on one process to subscribers of the other, both ways', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    const other = await secondProcess(t, {});
    const firm = await activeContractor(t);
    const admin = `Bearer ${t.adminToken}`;
    const onOther = await track(subscribe<InvoiceEvent>(other.url, admin, invoiceChanged, { c: firm.id }));
    const onFirst = await track(subscribe<InvoiceEvent>(t.url, admin, invoiceChanged, { c: firm.id }));
    const dashboardOnOther = await track(
      subscribe<{ dashboardChanged: { acceptedTotal: number } }>(
        other.url,
        admin,
        'subscription { dashboardChanged(wilayaCode: "16") { acceptedTotal } }',
      ),
    );

    expect((await accept(t, await installedCustomerSubscription(t, firm.id))).errors).toBeUndefined();
    expect(await onOther.waitFor(2)).toBe(2);
    expect(onOther.received[1]!.data.invoiceChanged).toMatchObject({
      change: 'LINE_ADDED',
      invoice: { contractor: { id: firm.id } },
    });
    // The work's earlier steps moved the backlog (pushes of their own); the acceptance follows (the pushes'
    // spacing is dashboard.test.ts's, on a test clock).
    await eventually(() => expect(dashboardOnOther.received.at(-1)!.data.dashboardChanged.acceptedTotal).toBe(1));

    expect((await accept(t, await installedCustomerSubscription(t, firm.id), other.url)).errors).toBeUndefined();
    expect(await onFirst.waitFor(3)).toBe(3);
    expect(onFirst.received.slice(1).map(({ data }) => data.invoiceChanged.change)).toEqual([
      'LINE_ADDED',
      'LINE_ADDED',
    ]);
    expect(onFirst.received[2]!.data.invoiceChanged.invoice!.lines).toHaveLength(6);
  });
});

type WorkEvent = {
  customerSubscriptionChanged: {
    position: string;
    change: string;
    customerSubscription: { id: string; version: number; customerName: string } | null;
  };
};
const workChanged =
  'subscription ($after: String) { customerSubscriptionChanged(after: $after) { position change customerSubscription { id version customerName } } }';

describe('a client that resumes after a position', () => {
  it('receives every later event once, in order, each with the record as that change left it — from concurrent writers on two processes, and across a server restart', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    let other = await startServerProcess(t.database.url);
    const admin = `Bearer ${t.adminToken}`;
    const records = await Promise.all([1, 2, 3, 4].map(() => createCustomerSubscription(t)));
    const ids = new Set(records.map((record) => record.id));
    /** Renames each record `rounds` times, half the writers on each process: each change moves its version by one. */
    const write = (rounds: number, from: number, url: () => string) =>
      Promise.all(
        records.map(async (record, writer) => {
          for (let round = from; round < from + rounds; round++) {
            const response = await fetch(`${writer % 2 ? url() : t.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: admin },
              body: JSON.stringify({
                query:
                  'mutation ($id: ID!, $v: Int!, $name: String!) { updateCustomerSubscription(id: $id, expectedVersion: $v, input: { customerName: $name }) { customerSubscription { version } } }',
                variables: { id: record.id, v: record.version, name: `Client ${writer}-${round}` },
              }),
            });
            const body = (await response.json()) as {
              data?: { updateCustomerSubscription: { customerSubscription: { version: number } } };
            };
            record.version = body.data!.updateCustomerSubscription.customerSubscription.version;
          }
        }),
      );
    const seen: WorkEvent['customerSubscriptionChanged'][] = [];
    const keep = (live: LiveSubscription<WorkEvent>, from: number) =>
      live.received
        .slice(from)
        .map(({ data }) => data.customerSubscriptionChanged)
        .filter((event) => event.change !== 'RESYNC' && ids.has(event.customerSubscription?.id ?? ''));

    // Connected to the second process, the client reads part of the first burst, then drops.
    const first = await subscribe<WorkEvent>(other.url, admin, workChanged);
    const writing = write(5, 0, () => other.url);
    await eventually(() => expect([first.errors, keep(first, 1).length >= 6]).toEqual([[], true]));
    await first.close();
    seen.push(...keep(first, 1));
    await writing;

    // While it is away, the second process restarts and more changes commit on both.
    await other.stop();
    other = await startServerProcess(t.database.url);
    cleanups.push(() => other.stop());
    await write(5, 5, () => other.url);

    // It resumes after the last position it received, on the restarted process.
    const resumed = await track(
      subscribe<WorkEvent>(other.url, admin, workChanged, { after: seen.at(-1)!.position }, { waitForFirst: false }),
    );
    await eventually(() => expect(seen.length + keep(resumed, 0).length).toBe(40));
    seen.push(...keep(resumed, 0));

    const positions = seen.map((event) => BigInt(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(positions).size).toBe(positions.length);
    for (const [writer, record] of records.entries()) {
      const own = seen.filter((event) => event.customerSubscription!.id === record.id);
      // Every change of the record once, in order, each carrying the version and the name that change gave it.
      expect(own.map((event) => event.customerSubscription!.version)).toEqual(
        Array.from({ length: 10 }, (_, round) => record.version - 9 + round),
      );
      expect(own.map((event) => event.customerSubscription!.customerName)).toEqual(
        Array.from({ length: 10 }, (_, round) => `Client ${writer}-${round}`),
      );
    }
  });

  it('is told EVENTS_PRUNED when the events after its position are no longer kept, and BAD_USER_INPUT past the log’s end', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    await createCustomerSubscription(t);
    await createCustomerSubscription(t);
    await eventually(async () => expect(await t.sql('select 1 from change_event where position is null')).toEqual([]));
    await t.sql(`update change_log_state set pruned_through = head`);
    const [{ head }] = (await t.sql<{ head: string }>('select head::text from change_log_state')) as [{ head: string }];
    const admin = `Bearer ${t.adminToken}`;
    await expect(subscribe<WorkEvent>(t.url, admin, workChanged, { after: '1' })).rejects.toThrow(/EVENTS_PRUNED/);
    await expect(
      subscribe<WorkEvent>(t.url, admin, workChanged, { after: (BigInt(head) + 1n).toString() }),
    ).rejects.toThrow(/past the log/);
    // "0" reads on from what the log still keeps: the next change.
    const fromStart = await track(
      subscribe<WorkEvent>(t.url, admin, workChanged, { after: '0' }, { waitForFirst: false }),
    );
    const next = await createCustomerSubscription(t);
    await eventually(() =>
      expect(fromStart.received.map(({ data }) => data.customerSubscriptionChanged.customerSubscription?.id)).toEqual([
        next.id,
      ]),
    );
    for (const after of ['x1', '-1', '9223372036854775808'])
      await expect(subscribe<WorkEvent>(t.url, admin, workChanged, { after })).rejects.toThrow(/BAD_USER_INPUT/);
  });
});

describe('when the change log’s listener loses its database connection', () => {
  it('still commits every mutation, and its subscribers receive the changes committed meanwhile, none lost', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    const firm = await activeContractor(t);
    const installed = await Promise.all([1, 2].map(() => installedCustomerSubscription(t, firm.id)));
    const live = await track(subscribe<InvoiceEvent>(t.url, `Bearer ${t.adminToken}`, invoiceChanged, { c: firm.id }));

    await t.sql(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`,
    );
    expect((await accept(t, installed[0]!)).errors).toBeUndefined();
    expect((await accept(t, installed[1]!)).errors).toBeUndefined();
    expect(await live.waitFor(3)).toBe(3);
    expect(live.received.slice(1).map(({ data }) => data.invoiceChanged.change)).toEqual(['LINE_ADDED', 'LINE_ADDED']);
    await eventually(() => expect(t.logs.some((line) => line.msg?.startsWith('change log listener lost'))).toBe(true));
  });
});

describe('a client that polls', () => {
  it('reads the events after a position a page at a time, each once, in order, under the rules of who sees what', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    const mine = await activeContractor(t);
    const other = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'poll-firm@firm.test',
        displayName: 'Comptable',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: mine.id,
      },
    });
    const firm = `Bearer ${await signIn(t.url, 'poll-firm@firm.test', 'firm user password')}`;
    const [{ head: start }] = (await t.sql<{ head: string }>('select head::text from change_log_state')) as [
      { head: string },
    ];
    await accept(t, await installedCustomerSubscription(t, mine.id));
    await accept(t, await installedCustomerSubscription(t, other.id));
    await accept(t, await installedCustomerSubscription(t, mine.id));
    await eventually(async () => expect(await t.sql('select 1 from change_event where position is null')).toEqual([]));

    type Feed = {
      invoiceChanges: {
        events: { position: string; change: string; invoice: { contractor: { id: string } | null } }[];
        position: string;
        hasMore: boolean;
      };
    };
    const poll = async (authorization: string, after: string) => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({
          query:
            'query ($after: String!) { invoiceChanges(after: $after, first: 1) { events { position change invoice { contractor { id } } } position hasMore } }',
          variables: { after },
        }),
      });
      return ((await response.json()) as { data: Feed }).data.invoiceChanges;
    };
    /** Every page after `start`, one event each, until the log holds no more. */
    const readAll = async (authorization: string) => {
      const pages: Feed['invoiceChanges'][] = [];
      let after = start;
      do {
        pages.push(await poll(authorization, after));
        after = pages.at(-1)!.position;
      } while (pages.at(-1)!.hasMore);
      return pages;
    };

    const office = await readAll(`Bearer ${t.adminToken}`);
    const events = office.flatMap((page) => page.events);
    expect(events.map((event) => event.invoice.contractor?.id)).toEqual([mine.id, other.id, mine.id]);
    expect(events.map((event) => event.change)).toEqual(['LINE_ADDED', 'LINE_ADDED', 'LINE_ADDED']);
    const positions = events.map((event) => BigInt(event.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));

    // The firm reads its own invoice's events only, the other firm's passed over.
    const own = (await readAll(firm)).flatMap((page) => page.events);
    expect(own.map((event) => event.invoice.contractor?.id)).toEqual([mine.id, mine.id]);
    expect(own.map((event) => event.position)).toEqual([events[0]!.position, events[2]!.position]);
  });
});

describe('a client back after longer than the change log keeps', () => {
  it('refetches only what changed since it left: the lists take updatedSince', async () => {
    const t = await startTestApp();
    cleanups.push(() => t.stop());
    const unchanged = await createCustomerSubscription(t);
    const changed = await createCustomerSubscription(t);
    const quietSite = await createSite(t);
    const busySite = await createSite(t);
    const [{ since }] = (await t.sql<{ since: string }>(`select to_json(now())#>>'{}' as since`)) as [
      { since: string },
    ];
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { updateCustomerSubscription(id: $id, expectedVersion: $v, input: { customerName: "Nouveau Nom" }) { customerSubscription { id } } }',
      { id: changed.id, v: changed.version },
    );
    await mustQuery(
      t,
      'mutation ($id: ID!) { updateSite(id: $id, expectedVersion: 1, input: { name: "Cité des Pins" }) { site { id } } }',
      { id: busySite.id },
    );
    type Ids = { edges: { node: { id: string } }[] };
    const ids = (list: Ids) => list.edges.map((edge) => edge.node.id);
    const lists = await mustQuery<{ customerSubscriptions: Ids; sites: Ids }>(
      t,
      'query ($since: DateTimeISO!) { customerSubscriptions(first: 100, filter: { updatedSince: $since }) { edges { node { id } } } sites(first: 100, filter: { updatedSince: $since }) { edges { node { id } } } }',
      { since },
    );
    expect(ids(lists.customerSubscriptions)).toEqual([changed.id]);
    expect(ids(lists.sites)).toEqual([busySite.id]);
    // Without the filter, the records that did not change are there too.
    const all = await mustQuery<{ customerSubscriptions: Ids; sites: Ids }>(
      t,
      'query { customerSubscriptions(first: 100) { edges { node { id } } } sites(first: 100) { edges { node { id } } } }',
    );
    expect(ids(all.customerSubscriptions)).toContain(unchanged.id);
    expect(ids(all.sites)).toContain(quietSite.id);
  });
});
