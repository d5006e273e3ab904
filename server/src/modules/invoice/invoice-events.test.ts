import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await t.stop();
});

interface Received {
  change: string;
  invoice: { id: string; contractor: { id: string } | null; netPayable: { centimes: string }; lines: unknown[] };
}

/** Subscribes to invoiceChanged with `variables` as the holder of `authorization`; collects what arrives. */
async function subscribe(
  variables: Record<string, unknown>,
  authorization = `Bearer ${t.adminToken}`,
): Promise<Received[]> {
  const client = createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization },
  });
  clients.push(client);
  const received: Received[] = [];
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  let started!: () => void;
  const resynced = new Promise<void>((resolve) => (started = resolve));
  client.on('connected', () => acknowledged());
  client.subscribe(
    {
      query: `subscription ($invoiceId: ID, $contractorId: ID, $wilayaCode: String) { invoiceChanged(invoiceId: $invoiceId, contractorId: $contractorId, wilayaCode: $wilayaCode) {
        change invoice { id contractor { id } netPayable { centimes } lines { itemCode } } } }`,
      variables,
    },
    {
      next: (result) => {
        const event = (result.data as { invoiceChanged: Received }).invoiceChanged;
        if (event.change === 'RESYNC') started();
        else received.push(event);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  await ready;
  // The server's first message, RESYNC, shows that the subscription is registered.
  await resynced;
  return received;
}

const accept = (id: string) =>
  t.graphql(
    'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
    { id },
  );

/** Waits until `received` holds `count` events at least. */
const waitFor = (received: Received[], count: number) =>
  eventually(() => expect(received.length).toBeGreaterThanOrEqual(count));

/** A user of `role` with `extra` (its firm, its wilayas), signed in: its Authorization header value. */
async function userOf(role: string, extra: Record<string, unknown>): Promise<string> {
  const email = `events-${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'events user password', ...extra },
  });
  return `Bearer ${await signIn(t.url, email, 'events user password')}`;
}

/** The id of a commune of wilaya `code`. */
async function communeOf(code: string): Promise<string> {
  const [commune] = await t.sql<{ id: string }>(
    'select id::text from commune where wilaya_code = $1 order by id limit 1',
    [code],
  );
  return commune!.id;
}

describe('invoiceChanged', () => {
  it('tells a subscriber of the line billed by an acceptance once committed, with the new totals', async () => {
    const firm = await activeContractor(t);
    const received = await subscribe({ contractorId: firm.id });
    const id = await installedCustomerSubscription(t, firm.id);
    const response = await accept(id);
    expect(response.body.errors).toBeUndefined();
    await waitFor(received, 1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      change: 'LINE_ADDED',
      invoice: { contractor: { id: firm.id }, netPayable: { centimes: '826679' } },
    });
    expect(received[0]!.invoice.lines).toHaveLength(3);
  });

  it("sends a firm its own invoices only, whatever it asks for, and nothing for another firm's", async () => {
    const mine = await activeContractor(t);
    const other = await activeContractor(t);
    const email = `events-${mine.id}@firm.test`;
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email,
        displayName: 'Comptable',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: mine.id,
      },
    });
    const token = await signIn(t.url, email, 'firm user password');
    const askingForOther = await subscribe({ contractorId: other.id }, `Bearer ${token}`);
    const askingForAll = await subscribe({}, `Bearer ${token}`);
    const watcher = await subscribe({});
    await accept(await installedCustomerSubscription(t, other.id));
    await accept(await installedCustomerSubscription(t, mine.id));
    // The firm's own event, committed after the other firm's, is the sign that the other firm's was passed over.
    await waitFor(watcher, 2);
    await waitFor(askingForAll, 1);
    expect(watcher.map((event) => event.invoice.contractor?.id)).toEqual([other.id, mine.id]);
    expect(askingForOther).toEqual([]);
    expect(askingForAll.map((event) => event.invoice.contractor?.id)).toEqual([mine.id]);
  });

  it('narrows by the wilaya the invoice bills work in', async () => {
    const firm = await activeContractor(t, { operatingWilayaCodes: ['16', '31'] });
    const inAlgiers = await subscribe({ contractorId: firm.id, wilayaCode: '16' });
    const inOran = await subscribe({ contractorId: firm.id, wilayaCode: '31' });
    await accept(await installedCustomerSubscription(t, firm.id));
    await waitFor(inAlgiers, 1);
    // Then work in Oran on the same invoice: the first event the Oran subscriber gets is this one, with both works' lines.
    await accept(
      await installedCustomerSubscription(t, firm.id, undefined, undefined, { communeId: await communeOf('31') }),
    );
    await waitFor(inOran, 1);
    await waitFor(inAlgiers, 2);
    expect(inAlgiers.map((event) => event.invoice.lines.length)).toEqual([3, 6]);
    expect(inOran.map((event) => event.invoice.lines.length)).toEqual([6]);
  });

  it('sends a DOT manager the events of invoices that bill work in its wilayas only', async () => {
    const firm = await activeContractor(t, { operatingWilayaCodes: ['16', '31'] });
    const other = await activeContractor(t, { operatingWilayaCodes: ['16', '31'] });
    const dotOran = await userOf('DOT_MANAGER', { wilayaCodes: ['31'] });
    const everything = await subscribe({}, dotOran);
    const oran = await communeOf('31');
    await accept(await installedCustomerSubscription(t, firm.id));
    await accept(await installedCustomerSubscription(t, other.id, undefined, undefined, { communeId: oran }));
    // The Oran work's event, committed after the Algiers one, is the sign that the Algiers one was passed over.
    await waitFor(everything, 1);
    expect(everything.map((event) => event.invoice.contractor?.id)).toEqual([other.id]);
  });

  it('refuses an anonymous subscriber, and an API key without read:invoices', async () => {
    /** What the server answers first to a subscription made with `connectionParams`: a result, or the error that ended it. */
    const firstAnswer = async (connectionParams: Record<string, string>): Promise<string> => {
      const client = createClient({
        url: `${t.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        connectionParams,
      });
      clients.push(client);
      return new Promise<string>((resolve) => {
        client.subscribe(
          { query: 'subscription { invoiceChanged { change } }' },
          {
            next: (result) => resolve(JSON.stringify(result)),
            error: (error) => resolve(JSON.stringify(error instanceof Error ? error.message : error)),
            complete: () => resolve('complete'),
          },
        );
      });
    };
    expect(await firstAnswer({})).toContain('UNAUTHENTICATED');
    const key = await mustQuery<{ createApiKey: { secret: string } }>(
      t,
      'mutation { createApiKey(input: { name: "sites only", scopes: [READ_SITES] }) { secret } }',
    );
    expect(await firstAnswer({ authorization: `Bearer ${key.createApiKey.secret}` })).toContain('FORBIDDEN');
  });

  it('announces nothing for a change that rolled back', async () => {
    const firm = await activeContractor(t);
    const received = await subscribe({ contractorId: firm.id });
    const id = await installedCustomerSubscription(t, firm.id);
    // Two acceptances of one installation at once: one commits, the other rolls back (CONFLICT or INVALID_TRANSITION).
    const results = await Promise.all([accept(id), accept(id)]);
    expect(results.filter((result) => result.body.errors === undefined)).toHaveLength(1);
    // A later acceptance's event is the sign that the one rolled back was never sent: it comes second.
    await accept(await installedCustomerSubscription(t, firm.id));
    await waitFor(received, 2);
    expect(received.map((event) => [event.change, event.invoice.lines.length])).toEqual([
      ['LINE_ADDED', 3],
      ['LINE_ADDED', 6],
    ]);
    const [{ lines }] = (await t.sql<{ lines: string }>(
      'select count(*)::text as lines from invoice_line l join invoice i on i.id = l.invoice_id where i.contractor_id = $1',
      [firm.id],
    )) as [{ lines: string }];
    expect(lines).toBe('6');
  });
});
