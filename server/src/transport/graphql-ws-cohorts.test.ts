import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  activeContractor,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../test/api.js';
import { eventually } from '../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../test/harness.js';
import { subscribe, type LiveSubscription } from '../../test/live.js';

/**
 * Subscribers of the same operation share each event's result and frame when their viewers see the
 * same (transport/graphql-ws.ts, `visibilityKey`): never across viewers who see differently.
 */
let t: TestApp;
let firmId: string;
const tokens: Record<string, string> = {};

async function user(name: string, role: string, extra: Record<string, unknown> = {}): Promise<void> {
  const email = `cohort-${name}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: name, role, password: 'cohort user password', ...extra },
  });
  tokens[name] = await signIn(t.url, email, 'cohort user password');
}

async function queryAs<T>(name: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[name]}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  t = await startTestApp();
  firmId = (await activeContractor(t)).id;
  tokens['admin'] = t.adminToken;
  await user('finance', 'FINANCE');
  await user('algiers', 'DOT_MANAGER', { wilayaCodes: ['16'] });
  await user('algiersAndOran', 'DOT_MANAGER', { wilayaCodes: ['16', '31'] });
  await user('firm', 'CONTRACTOR', { contractorId: firmId });
  await user('firmAdmin', 'CONTRACTOR', { contractorId: firmId, isContractorAdmin: true });
  await user('firmColleague', 'CONTRACTOR', { contractorId: firmId });
  const id = await installedCustomerSubscription(t, firmId);
  await mustQuery(
    t,
    'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
    { id },
  );
});
afterAll(() => t?.stop());

describe('subscribers of the same operation', () => {
  it('each get the result their own viewer makes (role, firm, wilayas), whoever else receives the event', async () => {
    const selection =
      'invoice { id status contractor { id bankAccount } viewerCan { submit approve requestRevision recordPayment issueCreditNote } }';
    const subscription = `subscription ($c: ID) { invoiceChanged(contractorId: $c) { change ${selection} } }`;
    type Event = { invoiceChanged: { change: string; invoice: Record<string, unknown> } };
    const names = Object.keys(tokens);
    const live = new Map<string, LiveSubscription<Event>>();
    try {
      // Two subscribers of each viewer, subscribed one viewer after another: each event is made for the first of a group.
      for (const name of [...names, ...names.toReversed()])
        live.set(
          `${name}-${live.size}`,
          await subscribe<Event>(t.url, `Bearer ${tokens[name]}`, subscription, { c: firmId }),
        );
      const invoice = await firmInvoice(t, firmId);
      await submitInvoice(t, invoice);
      const expected = new Map<string, unknown>();
      for (const name of names) {
        const { invoice: read } = await queryAs<{ invoice: unknown }>(
          name,
          `query ($id: ID!) { ${selection.replace('invoice {', 'invoice(id: $id) {')} }`,
          { id: invoice.id },
        );
        expected.set(name, read);
      }
      // The viewers see the invoice differently: a frame shared across them would show one what is another's.
      expect(new Set([...expected.values()].map((read) => JSON.stringify(read))).size).toBeGreaterThanOrEqual(4);
      for (const [key, subscriber] of live) {
        await subscriber.waitFor(2);
        expect(subscriber.errors).toEqual([]);
        const name = key.slice(0, key.lastIndexOf('-'));
        expect(
          subscriber.received.map(({ data }) => data.invoiceChanged.change),
          key,
        ).toEqual(['RESYNC', 'SUBMITTED']);
        expect(subscriber.received[1]!.data.invoiceChanged.invoice, key).toEqual(expected.get(name));
      }
    } finally {
      for (const subscriber of live.values()) await subscriber.close();
    }
  });

  it('each receive the shared result as a text message under their own id, as graphql-ws sends one', async () => {
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    try {
      // A browser's client reads a text message only: a binary one would reach it as a Blob.
      const messages: { isBinary: boolean; message: { id?: string; type: string; payload?: unknown } }[] = [];
      socket.on('message', (data, isBinary) =>
        messages.push({ isBinary, message: JSON.parse(String(data)) as (typeof messages)[number]['message'] }),
      );
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokens['admin']}` } }));
      await eventually(() => expect(messages.map(({ message }) => message.type)).toContain('connection_ack'));
      const query = 'subscription ($c: ID) { invoiceChanged(contractorId: $c) { change } }';
      for (const id of ['first "one"', 'second'])
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables: { c: firmId } } }));
      await eventually(() => expect(messages.filter(({ message }) => message.type === 'next')).toHaveLength(2));
      // Another installation accepted: an invoice of the firm changes.
      const installed = await installedCustomerSubscription(t, firmId);
      await mustQuery(
        t,
        'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
        { id: installed },
      );
      await eventually(() =>
        expect(messages.filter(({ message }) => message.type === 'next').length).toBeGreaterThanOrEqual(4),
      );
      const sent = messages.filter(({ message }) => message.type === 'next').slice(2, 4);
      expect(sent.map(({ isBinary }) => isBinary)).toEqual([false, false]);
      expect(sent.map(({ message }) => message.id).toSorted()).toEqual(['first "one"', 'second']);
      expect(sent[0]!.message.payload).toEqual(sent[1]!.message.payload);
      expect(sent[0]!.message.payload).toMatchObject({ data: { invoiceChanged: { change: expect.any(String) } } });
    } finally {
      socket.close();
    }
  });
});
