import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
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
  at: number;
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
        const event = (result.data as { invoiceChanged: Omit<Received, 'at'> }).invoiceChanged;
        if (event.change === 'RESYNC') started();
        else received.push({ at: Date.now(), ...event });
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

async function waitFor(received: Received[], count: number, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('invoiceChanged', () => {
  it('tells a subscriber of the line billed by an acceptance within a second of the commit, with the new totals', async () => {
    const firm = await activeContractor(t);
    const received = await subscribe({ contractorId: firm.id });
    const id = await installedCustomerSubscription(t, firm.id);
    const response = await accept(id);
    const committed = Date.now();
    expect(response.body.errors).toBeUndefined();
    await waitFor(received, 1);
    expect(received).toHaveLength(1);
    expect(received[0]!.at - committed).toBeLessThan(1000);
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
    await waitFor(watcher, 2);
    await waitFor(askingForAll, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.map((event) => event.invoice.contractor?.id)).toEqual([other.id, mine.id]);
    expect(askingForOther).toEqual([]);
    expect(askingForAll.map((event) => event.invoice.contractor?.id)).toEqual([mine.id]);
  });

  it('narrows by the wilaya the invoice bills work in', async () => {
    const firm = await activeContractor(t);
    const inAlgiers = await subscribe({ contractorId: firm.id, wilayaCode: '16' });
    const inOran = await subscribe({ contractorId: firm.id, wilayaCode: '31' });
    await accept(await installedCustomerSubscription(t, firm.id));
    await waitFor(inAlgiers, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inAlgiers.map((event) => event.change)).toEqual(['LINE_ADDED']);
    expect(inOran).toEqual([]);
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
      'mutation { createApiKey(input: { name: "sites only", scopes: ["read:sites"] }) { secret } }',
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
    await waitFor(received, 2, 1000);
    expect(received.map((event) => event.change)).toEqual(['LINE_ADDED']);
    const [{ lines }] = (await t.sql<{ lines: string }>(
      'select count(*)::text as lines from invoice_line l join invoice i on i.id = l.invoice_id where i.contractor_id = $1',
      [firm.id],
    )) as [{ lines: string }];
    expect(lines).toBe('3');
  });
});
