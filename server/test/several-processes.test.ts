import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm } from '../src/entities.js';
import { defaultQualityThresholds } from '../src/modules/customer-subscription/installation-quality.js';
import { defaultBuyer } from '../src/modules/invoice/invoice-document.js';
import { submitInvoicesOfClosedMonths, systemContext } from '../src/modules/invoice/invoice-issue.service.js';
import { activeContractor, installedCustomerSubscription, mustQuery } from './api.js';
import { signIn, startTestApp, type TestApp } from './harness.js';
import { startServerProcess, type ServerProcess } from './processes.js';

/**
 * Raccord as several stateless API processes behind a load balancer: A (the app under test) and B
 * (the built server as a child process) on one PostgreSQL. Live updates crossing processes through
 * the change log (an acceptance on one reaching invoiceChanged and dashboardChanged subscribers of
 * the other) are shown in common/live-updates.test.ts.
 */
describe('several API processes on one PostgreSQL', () => {
  let a: TestApp;
  let b: ServerProcess;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startServerProcess(a.database.url);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  /** POSTs an operation to a process (`url`) as the holder of `authorization`. */
  const post = async (
    url: string,
    query: string,
    variables: Record<string, unknown> = {},
    authorization = `Bearer ${a.adminToken}`,
  ) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  };
  const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    body.errors?.[0]?.extensions?.['code'] ?? 'OK';

  it('serves on B a session opened on A, and refuses it on B as soon as it is closed on A; an API key likewise', async () => {
    await mustQuery(a, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'roaming@raccord.test',
        displayName: 'Agent DOT',
        role: 'DOT_MANAGER',
        password: 'roaming user password',
        wilayaCodes: ['16'],
      },
    });
    const token = `Bearer ${await signIn(a.url, 'roaming@raccord.test', 'roaming user password')}`;
    expect(await post(b.url, '{ me { email } }', {}, token)).toEqual({
      data: { me: { email: 'roaming@raccord.test' } },
    });
    expect(codeOf(await post(a.url, 'mutation { logout }', {}, token))).toBe('OK');
    expect(codeOf(await post(b.url, '{ me { email } }', {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await post(a.url, '{ me { email } }', {}, token))).toBe('UNAUTHENTICATED');

    const created = await post(
      b.url,
      'mutation { createApiKey(input: { name: "supervision", scopes: [READ_REFERENCE_DATA] }) { apiKey { id } secret } }',
    );
    const { apiKey, secret } = created.data!['createApiKey'] as { apiKey: { id: string }; secret: string };
    expect(codeOf(await post(a.url, '{ wilayas { code } }', {}, `Bearer ${secret}`))).toBe('OK');
    expect(codeOf(await post(b.url, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id }))).toBe(
      'OK',
    );
    expect(codeOf(await post(a.url, '{ wilayas { code } }', {}, `Bearer ${secret}`))).toBe('UNAUTHENTICATED');
  });

  it('counts failed sign-ins of an account from one address across processes: the sixth is refused wherever it lands, the right password too', async () => {
    await mustQuery(a, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'guessed@raccord.test',
        displayName: 'Finance',
        role: 'FINANCE',
        password: 'the right password',
        wilayaCodes: [],
      },
    });
    const login = (url: string, password: string) =>
      post(
        url,
        'mutation ($p: String!) { login(input: { email: "guessed@raccord.test", password: $p }) { token } }',
        { p: password },
        '',
      );
    const failures = [];
    for (const url of [a.url, b.url, a.url, b.url, a.url]) failures.push(codeOf(await login(url, 'a wrong guess')));
    expect(failures).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codeOf(await login(b.url, 'the right password'))).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await login(a.url, 'the right password'))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('applies an idempotency key once when the same payment reaches A and B at the same moment', async () => {
    const firm = await activeContractor(a);
    const installed = await installedCustomerSubscription(a, firm.id);
    await mustQuery(
      a,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: installed },
    );
    const [draft] = await a.sql<{ id: string; version: number }>(
      'select id, version from invoice where contractor_id = $1',
      [firm.id],
    );
    const submitted = await mustQuery<{ submitInvoice: { invoice: { version: number } } }>(
      a,
      'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { version } } }',
      { id: draft!.id, v: draft!.version },
    );
    const approved = await mustQuery<{ approveInvoice: { invoice: { version: number } } }>(
      a,
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { version } } }',
      { id: draft!.id, v: submitted.submitInvoice.invoice.version },
    );
    const payment = {
      invoiceId: draft!.id,
      expectedVersion: approved.approveInvoice.invoice.version,
      paidOn: new Date(Date.now() + 3_600_000).toISOString().slice(0, 10),
      amount: '1000.00',
      method: 'BANK_TRANSFER',
      reference: 'VIR-BNA-000777',
      idempotencyKey: `pay-${draft!.id}-across`,
    };
    const pay = (url: string) =>
      post(
        url,
        'mutation ($input: RecordInvoicePaymentInput!) { recordInvoicePayment(input: $input) { payment { id } } }',
        { input: payment },
      );
    const answers = await Promise.all([a.url, b.url, a.url, b.url].map(pay));
    expect(answers.map(codeOf)).toEqual(['OK', 'OK', 'OK', 'OK']);
    const ids = new Set(
      answers.map((answer) => (answer.data!['recordInvoicePayment'] as { payment: { id: string } }).payment.id),
    );
    expect(ids.size).toBe(1);
    expect(await a.sql('select id::text from invoice_payment where invoice_id = $1', [draft!.id])).toEqual([
      { id: [...ids][0] },
    ]);
  });

  it('submits each DRAFT of an ended month once when two processes close the month at the same moment', async () => {
    const firms = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const firm = await activeContractor(a);
        const installed = await installedCustomerSubscription(a, firm.id);
        await mustQuery(
          a,
          'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
          { id: installed },
        );
        return firm.id;
      }),
    );
    // Two pools on the database, as two processes have; both run the job with a clock in a later month.
    const logger = pino({ level: 'silent' });
    const settings = {
      qualityThresholds: defaultQualityThresholds,
      retentionPercent: '5',
      paymentTermsDays: 30,
      positionToleranceMetres: 300,
      buyer: defaultBuyer,
    };
    const later = new Date(Date.now() + 40 * 86_400_000);
    const orms = await Promise.all([1, 2].map(() => initOrm({ databaseUrl: a.database.url, logger, poolMax: 4 })));
    try {
      const submitted = await Promise.all(
        orms.map((orm) =>
          submitInvoicesOfClosedMonths(orm, { ...systemContext(orm, { logger, settings }), clock: () => later }),
        ),
      );
      expect(submitted[0]! + submitted[1]!).toBe(firms.length);
      // Both took part (each skipping the drafts the other held).
      expect(submitted[0]).toBeGreaterThan(0);
      expect(submitted[1]).toBeGreaterThan(0);
    } finally {
      await Promise.all(orms.map((orm) => orm.close()));
    }
    const invoices = await a.sql<{ status: string; number: string; submissions: number }>(
      `select i.status::text as status, i.number,
              (select count(*)::int from audit_event e where e.entity_type = 'INVOICE' and e.entity_id = i.id::text and e.to_status = 'SUBMITTED') as submissions
         from invoice i where i.contractor_id = any($1::bigint[])`,
      [firms],
    );
    expect(invoices).toHaveLength(firms.length);
    expect(
      invoices.every(
        (invoice) =>
          invoice.status === 'SUBMITTED' && invoice.submissions === 1 && /^FA-\d{4}-00001$/.test(invoice.number),
      ),
    ).toBe(true);
  });
});
