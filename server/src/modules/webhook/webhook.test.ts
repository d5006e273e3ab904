import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createSite, mustQuery, scheduledCustomerSubscription } from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, testAdmin, type TestApp } from '../../../test/harness.js';
import type { LoggedEvent } from '../../common/change-log.js';
import type { Topic } from '../../common/events.js';
import type { RaccordTopics } from '../../common/events.js';
import { InvoiceChange } from '../invoice/invoice.events.js';
import { WorkChange } from '../site/site.events.js';
import { webhookConsumer } from './webhook.consumer.js';
import { publicOnlyLookup } from './webhook.delivery.js';
import type { WebhookEndpointDisabledEvent } from './webhook.events.js';
import { configureWebhooks, defaultWebhookSettings, isPrivateAddress } from './webhook.settings.js';

/** A request the receiver got. */
interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
}

/**
 * A webhook receiver on a free port of this machine: it records every request and answers 204, or
 * 500 to a path's first `failures[path]` requests.
 */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  failures: Map<string, number>;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const left = failures.get(path) ?? 0;
      const answered = left > 0 ? 500 : 204;
      if (left > 0) failures.set(path, left - 1);
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failures,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let firmA: { id: string };
let firmB: { id: string };
let firmAdminToken: string;

beforeAll(async () => {
  t = await startTestApp();
  receiver = await startReceiver();
  firmA = await activeContractor(t);
  firmB = await activeContractor(t);
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: {
      email: 'admin-a@firm.test',
      displayName: 'Admin A',
      role: 'CONTRACTOR',
      password: 'firm administrator password',
      contractorId: firmA.id,
      isContractorAdmin: true,
    },
  });
  firmAdminToken = await signIn(t.url, 'admin-a@firm.test', 'firm administrator password');
});
afterAll(async () => {
  await t.stop();
  await receiver.close();
});

const createEndpoint = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id version url eventTypes status } }
}`;

async function newEndpoint(
  input: Record<string, unknown>,
  token?: string,
): Promise<{ id: string; secret: string; path: string }> {
  const path = `/${input['path'] as string}`;
  const { body } = await t.graphql<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
    createEndpoint,
    {
      input: {
        eventTypes: ['INVOICE_CHANGED', 'SITE_CHANGED', 'CUSTOMER_SUBSCRIPTION_CHANGED'],
        ...input,
        path: undefined,
        url: `${receiver.url}${path}`,
      },
    },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return { id: body.data.createWebhookEndpoint.endpoint.id, secret: body.data.createWebhookEndpoint.secret, path };
}

let position = 1_000;

/** An event as the change log hands it to its consumers, at the next position. */
function logged<K extends Topic>(topic: K, payload: RaccordTopics[K]): LoggedEvent {
  position += 1;
  return { position: String(position), occurredAt: new Date(), topic, payload } as LoggedEvent;
}

/** Hands `events` to the webhooks' consumer in one transaction, as the change log does. */
function consume(...events: LoggedEvent[]): Promise<void> {
  return t.app.orm.em.fork().transactional((em) => webhookConsumer(em, events));
}

const invoiceEvent = (contractorId: string) =>
  logged('INVOICE_CHANGED', {
    invoiceId: '999001',
    contractorId,
    change: InvoiceChange.SUBMITTED,
    wilayaCodes: ['16'],
    record: { id: '999001', version: 2 },
    lines: [],
  });

const siteEvent = (contractorId: string | null) =>
  logged('SITE_CHANGED', {
    siteId: '999002',
    contractorId,
    wilayaCode: '16',
    change: WorkChange.STATUS_CHANGED,
    previousStatus: 'PLANNED',
    previousContractorId: null,
    previousWilayaCode: null,
    record: { id: '999002', version: 2 },
  });

const receivedAt = (path: string) => receiver.received.filter((request) => request.path === path);

/** Brings every retry waiting in the job queue forward to now (instead of waiting graphile-worker's backoff). */
const bringRetriesForward = () =>
  t.sql(`update graphile_worker._private_jobs set run_at = now() where attempts > 0 and locked_at is null`);

describe('webhooks', () => {
  it('show the secret once, keep it out of every answer, and refuse bad endpoints writing nothing', async () => {
    const { id, secret } = await newEndpoint({ path: 'secret', description: 'ERP' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await mustQuery<{ webhookEndpoint: Record<string, unknown> }>(
      t,
      'query ($id: ID!) { webhookEndpoint(id: $id) { id url status eventTypes description failingSince previousSecretExpiresAt } }',
      { id },
    );
    expect(JSON.stringify(read)).not.toContain(secret.slice(6));
    expect(read.webhookEndpoint).toMatchObject({ status: 'ENABLED', description: 'ERP' });

    const [{ count: before }] = (await t.sql<{ count: string }>('select count(*) from webhook_endpoint')) as [
      { count: string },
    ];
    for (const [input, field] of [
      [{ url: 'ftp://example.com/hook', eventTypes: ['SITE_CHANGED'] }, 'url'],
      [{ url: 'http://example.com/hook', eventTypes: ['SITE_CHANGED'] }, 'url'],
      [{ url: 'https://user:pass@example.com/hook', eventTypes: ['SITE_CHANGED'] }, 'url'],
      [{ url: 'https://example.com/hook', eventTypes: [] }, 'eventTypes'],
      [{ url: 'https://example.com/hook', eventTypes: ['SITE_CHANGED'], wilayaCode: '1' }, 'wilayaCode'],
    ] as const) {
      const { body } = await t.graphql(createEndpoint, { input });
      expect(body.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const notFound = await t.graphql(createEndpoint, {
      input: { url: 'https://example.com/hook', eventTypes: ['SITE_CHANGED'], wilayaCode: '99' },
    });
    expect(notFound.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'wilayaCode' });
    const firmNamesAnother = await t.graphql(
      createEndpoint,
      { input: { url: 'https://example.com/hook', eventTypes: ['SITE_CHANGED'], contractorId: firmB.id } },
      { authorization: `Bearer ${firmAdminToken}` },
    );
    expect(firmNamesAnother.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'contractorId',
    });
    expect(await t.sql('select count(*) from webhook_endpoint')).toEqual([{ count: before }]);
  });

  it('in production, refuse endpoints on this machine or a private network', async () => {
    configureWebhooks({ ...defaultWebhookSettings, allowPrivateAddresses: false });
    try {
      for (const url of [
        'https://localhost/hook',
        'https://127.0.0.1/hook',
        'https://10.1.2.3/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hook',
        'https://[::ffff:192.168.1.1]/hook',
        'http://localhost/hook',
      ]) {
        const { body } = await t.graphql(createEndpoint, { input: { url, eventTypes: ['SITE_CHANGED'] } });
        expect(body.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      }
    } finally {
      configureWebhooks({ ...defaultWebhookSettings, allowPrivateAddresses: true });
    }
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2001:4860:4860::8888')).toBe(false);
    expect(isPrivateAddress('fd00::1')).toBe(true);
    expect(isPrivateAddress('100.64.1.1')).toBe(true);
  });

  it('in production, never connect a delivery to this machine or a private network', async () => {
    const { id, path } = await newEndpoint({ path: 'private' });
    configureWebhooks({ ...defaultWebhookSettings, allowPrivateAddresses: false });
    try {
      await consume(invoiceEvent(firmA.id));
      await eventually(async () =>
        expect(
          await t.sql(
            'select a.error from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.endpoint_id = $1',
            [id],
          ),
        ).toEqual([{ error: 'address not allowed: 127.0.0.1' }]),
      );
      // A name is checked once resolved, whatever it resolves to.
      const refusal = await new Promise<Error | null>((resolve) =>
        publicOnlyLookup('localhost', { all: true }, (error) => resolve(error)),
      );
      expect(refusal?.message).toMatch(/^address not allowed: localhost resolves to/);
    } finally {
      configureWebhooks({ ...defaultWebhookSettings, allowPrivateAddresses: true });
    }
    expect(receivedAt(path)).toEqual([]);
    await t.sql('update webhook_endpoint set status = $2 where id = $1', [id, 'DISABLED']);
  });

  it('deliver each event once per id, signed as Standard Webhooks says', async () => {
    const { id, secret, path } = await newEndpoint({ path: 'once' });
    const events = [invoiceEvent(firmA.id), siteEvent(null), invoiceEvent(firmB.id)];
    await consume(...events);
    await eventually(() => expect(receivedAt(path)).toHaveLength(3));
    const ids = receivedAt(path).map((request) => request.headers['webhook-id']);
    expect(new Set(ids)).toEqual(new Set(events.map((event) => `evt_${event.position}`)));
    for (const request of receivedAt(path)) {
      const body = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
        type: string;
        timestamp: string;
        data: Record<string, unknown>;
      };
      const event = events.find((one) => `evt_${one.position}` === request.headers['webhook-id'])!;
      expect(body).toEqual({
        type: event.topic === 'SITE_CHANGED' ? 'site.changed' : 'invoice.changed',
        timestamp: event.occurredAt.toISOString(),
        data: event.payload,
      });
    }
    const { webhookEndpoint } = await mustQuery<{
      webhookEndpoint: {
        deliveries: {
          totalCount: number;
          edges: { node: { status: string; attemptCount: number; attempts: { httpStatus: number }[] } }[];
        };
      };
    }>(
      t,
      'query ($id: ID!) { webhookEndpoint(id: $id) { deliveries { totalCount edges { node { status attemptCount attempts { httpStatus durationMs } } } } } }',
      { id },
    );
    expect(webhookEndpoint.deliveries.totalCount).toBe(3);
    for (const { node } of webhookEndpoint.deliveries.edges)
      expect(node).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1, attempts: [{ httpStatus: 204 }] });
  });

  it('retry a receiver that fails five times, which then gets everything', async () => {
    const { id, secret, path } = await newEndpoint({ path: 'flaky' });
    receiver.failures.set(path, 5);
    const events = [invoiceEvent(firmA.id), invoiceEvent(firmB.id)];
    await consume(...events);
    await eventually(
      async () => {
        await bringRetriesForward();
        expect(receivedAt(path).filter((request) => request.answered === 204)).toHaveLength(2);
      },
      { timeout: 30_000, interval: 200 },
    );
    const delivered = receivedAt(path).filter((request) => request.answered === 204);
    expect(new Set(delivered.map((request) => request.headers['webhook-id']))).toEqual(
      new Set(events.map((event) => `evt_${event.position}`)),
    );
    for (const request of delivered)
      new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
    expect(receivedAt(path)).toHaveLength(7);
    const attempts = await t.sql<{ http_status: number; count: string }>(
      `select a.http_status, count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
        where d.endpoint_id = $1 group by a.http_status order by a.http_status`,
      [id],
    );
    expect(attempts).toEqual([
      { http_status: 204, count: '2' },
      { http_status: 500, count: '5' },
    ]);
    expect(await t.sql('select status, failing_since from webhook_endpoint where id = $1', [id])).toEqual([
      { status: 'ENABLED', failing_since: null },
    ]);
  });

  it('redeliver by hand with the same webhook-id, signed anew', async () => {
    const { secret, path } = await newEndpoint({ path: 'redeliver' });
    const event = invoiceEvent(firmA.id);
    await consume(event);
    await eventually(() => expect(receivedAt(path)).toHaveLength(1));
    const [delivery] = await t.sql<{ id: string }>(
      'select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where e.url like $1',
      [`%${path}`],
    );
    const { redeliverWebhookDelivery } = await mustQuery<{
      redeliverWebhookDelivery: { webhookId: string; status: string };
    }>(t, 'mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { webhookId status } }', { id: delivery!.id });
    expect(redeliverWebhookDelivery).toEqual({ webhookId: `evt_${event.position}`, status: 'PENDING' });
    await eventually(() => expect(receivedAt(path)).toHaveLength(2));
    const [first, second] = receivedAt(path);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    new Webhook(secret).verify(second!.body, second!.headers as Record<string, string>);
    const notYours = await t.graphql(
      'mutation ($id: ID!) { redeliverWebhookDelivery(id: $id) { id } }',
      { id: delivery!.id },
      { authorization: `Bearer ${firmAdminToken}` },
    );
    expect(notYours.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it("never send a firm's endpoint another firm's events, nor work it does not hold", async () => {
    const { secret, path } = await newEndpoint(
      { path: 'firm-a', eventTypes: ['INVOICE_CHANGED', 'CUSTOMER_SUBSCRIPTION_CHANGED'] },
      firmAdminToken,
    );
    // Real changes, through the API and the change log: another firm's work, then the firm's own.
    const workOfB = await scheduledCustomerSubscription(t, firmB.id);
    const workOfA = await scheduledCustomerSubscription(t, firmA.id);
    const own = invoiceEvent(firmA.id);
    await consume(invoiceEvent(firmB.id), own, siteEvent(firmB.id), siteEvent(null));
    // Its own invoice's event, and its work's two (assigned to it, then scheduled); not the work's creation (no firm yet).
    await eventually(() => expect(receivedAt(path)).toHaveLength(3));
    const bodies = receivedAt(path).map(
      (request) =>
        new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
          type: string;
          data: { contractorId: string; customerSubscriptionId?: string; record: { id: string } };
        },
    );
    expect(bodies.every((body) => body.data.contractorId === firmA.id)).toBe(true);
    expect(bodies.map((body) => body.data.customerSubscriptionId).filter(Boolean)).toEqual([workOfA, workOfA]);
    expect(bodies.map((body) => body.data.customerSubscriptionId)).not.toContain(workOfB);
    expect(receivedAt(path).map((request) => request.headers['webhook-id'])).toContain(`evt_${own.position}`);
    expect(new Set(receivedAt(path).map((request) => request.headers['webhook-id'])).size).toBe(3);
  });

  it('send a real change to the endpoints that want it, with the record as the change left it', async () => {
    const { secret, path } = await newEndpoint({ path: 'sites-16', eventTypes: ['SITE_CHANGED'], wilayaCode: '16' });
    const { path: elsewhere } = await newEndpoint({ path: 'sites-31', eventTypes: ['SITE_CHANGED'], wilayaCode: '31' });
    const site = await createSite(t);
    await eventually(() => expect(receivedAt(path)).toHaveLength(1));
    const body = new Webhook(secret).verify(
      receivedAt(path)[0]!.body,
      receivedAt(path)[0]!.headers as Record<string, string>,
    );
    expect(body).toMatchObject({
      type: 'site.changed',
      data: {
        siteId: site.id,
        change: 'CREATED',
        wilayaCode: '16',
        record: { id: site.id, version: 1, code: site.code },
      },
    });
    expect(receivedAt(path)[0]!.headers['webhook-id']).toMatch(/^evt_\d+$/);
    expect(receivedAt(elsewhere)).toEqual([]);
  });

  it('sign with both secrets for a day after a rotation, then with the new one only', async () => {
    const { id, secret: before, path } = await newEndpoint({ path: 'rotation' });
    const { rotateWebhookEndpointSecret } = await mustQuery<{
      rotateWebhookEndpointSecret: { secret: string; endpoint: { previousSecretExpiresAt: string } };
    }>(
      t,
      'mutation ($id: ID!) { rotateWebhookEndpointSecret(id: $id) { secret endpoint { previousSecretExpiresAt } } }',
      { id },
    );
    const after = rotateWebhookEndpointSecret.secret;
    expect(after).not.toBe(before);
    const overlap = Date.parse(rotateWebhookEndpointSecret.endpoint.previousSecretExpiresAt) - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3600_000);

    await consume(invoiceEvent(firmA.id));
    await eventually(() => expect(receivedAt(path)).toHaveLength(1));
    const during = receivedAt(path)[0]!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    new Webhook(before).verify(during.body, during.headers as Record<string, string>);
    new Webhook(after).verify(during.body, during.headers as Record<string, string>);

    await t.sql(`update webhook_endpoint set previous_secret_expires_at = now() - interval '1 second' where id = $1`, [
      id,
    ]);
    await consume(invoiceEvent(firmA.id));
    await eventually(() => expect(receivedAt(path)).toHaveLength(2));
    const later = receivedAt(path)[1]!;
    new Webhook(after).verify(later.body, later.headers as Record<string, string>);
    expect(() => new Webhook(before).verify(later.body, later.headers as Record<string, string>)).toThrow(
      'No matching signature found',
    );
  });

  it('disable an endpoint whose deliveries have failed for five days, and give up what it was sent', async () => {
    const { id, path } = await newEndpoint({ path: 'dead' });
    receiver.failures.set(path, 1_000);
    await t.sql(`update webhook_endpoint set failing_since = now() - interval '5 days 1 minute' where id = $1`, [id]);
    await consume(invoiceEvent(firmA.id));
    await eventually(async () =>
      expect(await t.sql('select status, disabled_reason from webhook_endpoint where id = $1', [id])).toEqual([
        { status: 'DISABLED', disabled_reason: 'FAILING' },
      ]),
    );
    expect(await t.sql('select status from webhook_delivery where endpoint_id = $1', [id])).toEqual([
      { status: 'FAILED' },
    ]);
    await consume(invoiceEvent(firmA.id));
    expect(await t.sql('select count(*) from webhook_delivery where endpoint_id = $1', [id])).toEqual([{ count: '1' }]);
    expect(receivedAt(path)).toHaveLength(1);

    // Its disabling is on the change log, and its owner (AT's: the administrator who registered it) is told.
    const [disabledEvent] = await t.sql<{ payload: WebhookEndpointDisabledEvent }>(
      `select payload from change_event where topic = 'WEBHOOK_ENDPOINT_DISABLED' and payload->>'endpointId' = $1`,
      [id],
    );
    expect(disabledEvent!.payload).toMatchObject({ endpointId: id, url: `${receiver.url}${path}`, contractorId: null });
    await eventually(async () =>
      expect(
        await t.sql(
          `select u.email, n.subject_type, n.subject_label from notification n join app_user u on u.id = n.recipient_id
            where n.kind = 'WEBHOOK_DISABLED' and n.subject_id = $1`,
          [id],
        ),
      ).toEqual([
        { email: testAdmin.email, subject_type: 'WEBHOOK_ENDPOINT', subject_label: `${receiver.url}${path}` },
      ]),
    );
    // An internal event: no endpoint receives it.
    const internal = logged('WEBHOOK_ENDPOINT_DISABLED', disabledEvent!.payload);
    await consume(internal);
    expect(await t.sql('select count(*) from webhook_delivery where event_position = $1', [internal.position])).toEqual(
      [{ count: '0' }],
    );
  });

  it("tell a firm's administrators when its endpoint is disabled for failing", async () => {
    const { id, path } = await newEndpoint({ path: 'dead-firm' }, firmAdminToken);
    receiver.failures.set(path, 1_000);
    await t.sql(`update webhook_endpoint set failing_since = now() - interval '5 days 1 minute' where id = $1`, [id]);
    await consume(invoiceEvent(firmA.id));
    await eventually(async () =>
      expect(
        await t.sql(
          `select u.email from notification n join app_user u on u.id = n.recipient_id where n.kind = 'WEBHOOK_DISABLED' and n.subject_id = $1`,
          [id],
        ),
      ).toEqual([{ email: 'admin-a@firm.test' }]),
    );
  });
});

describe('webhook endpoints', () => {
  it('are changed at the version seen, enabled, disabled and deleted by their owner only, each change audited', async () => {
    const { id } = await newEndpoint({ path: 'managed' }, firmAdminToken);
    const asFirm = { authorization: `Bearer ${firmAdminToken}` };
    const update =
      'mutation ($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { version eventTypes wilayaCode description } }';
    const changed = await t.graphql<{ updateWebhookEndpoint: Record<string, unknown> }>(
      update,
      { input: { id, expectedVersion: 1, eventTypes: ['SITE_CHANGED'], wilayaCode: '16', description: 'Suivi' } },
      asFirm,
    );
    expect(changed.body.data?.updateWebhookEndpoint).toEqual({
      version: 2,
      eventTypes: ['SITE_CHANGED'],
      wilayaCode: '16',
      description: 'Suivi',
    });
    const stale = await t.graphql(update, { input: { id, expectedVersion: 1, description: 'Autre' } }, asFirm);
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });

    const disable = 'mutation ($id: ID!) { disableWebhookEndpoint(id: $id) { status disabledReason } }';
    const enable = 'mutation ($id: ID!) { enableWebhookEndpoint(id: $id) { status disabledReason } }';
    expect((await t.graphql(disable, { id }, asFirm)).body.data).toEqual({
      disableWebhookEndpoint: { status: 'DISABLED', disabledReason: 'BY_HAND' },
    });
    expect((await t.graphql(disable, { id }, asFirm)).body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'DISABLED',
    });
    expect((await t.graphql(enable, { id }, asFirm)).body.data).toEqual({
      enableWebhookEndpoint: { status: 'ENABLED', disabledReason: null },
    });

    const trail = await t.graphql<{ auditTrail: { action: string; changes: { field: string }[] }[] }>(
      'query ($id: ID!) { auditTrail(entityType: WEBHOOK_ENDPOINT, entityId: $id) { action toStatus changes { field } } }',
      { id },
      asFirm,
    );
    expect(trail.body.data?.auditTrail.map((event) => event.action)).toEqual([
      'CREATE',
      'UPDATE',
      'TRANSITION',
      'TRANSITION',
    ]);
    expect(JSON.stringify(trail.body.data)).not.toContain('whsec_');

    const listed = await t.graphql<{
      webhookEndpoints: { edges: { node: { id: string; contractor: { id: string } | null } }[] };
    }>('{ webhookEndpoints(first: 100) { edges { node { id contractor { id } } } } }', undefined, asFirm);
    const nodes = listed.body.data!.webhookEndpoints.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toContain(id);
    expect(nodes.every((node) => node.contractor?.id === firmA.id)).toBe(true);

    const remove = 'mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }';
    const { id: atEndpoint } = await newEndpoint({ path: 'not-the-firms' });
    expect((await t.graphql(remove, { id: atEndpoint }, asFirm)).body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await t.graphql(remove, { id }, asFirm)).body.data).toEqual({ deleteWebhookEndpoint: id });
    expect(await t.sql('select count(*) from webhook_endpoint where id = $1', [id])).toEqual([{ count: '0' }]);
  });
});
