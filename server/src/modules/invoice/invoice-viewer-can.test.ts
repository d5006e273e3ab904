import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, firmInvoice, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/** `Invoice.viewerCan`: what each role may do to an invoice in each status, as its mutations decide. */
let t: TestApp;
let firmId: string;
let invoiceId: string;
const tokens: Record<string, string> = {};
const actions = ['submit', 'approve', 'requestRevision', 'resubmit', 'recordPayment', 'issueCreditNote'] as const;
type Action = (typeof actions)[number];

async function userOf(role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const email = `${role.toLowerCase()}-${Object.keys(tokens).length}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'viewer can password', ...extra },
  });
  return signIn(t.url, email, 'viewer can password');
}

const headersOf = (who: string) => (who === 'admin' ? undefined : { authorization: `Bearer ${tokens[who]}` });

/** The actions `who` is told it may do to the invoice, in the order of `actions`. */
async function allowed(who: string): Promise<Action[]> {
  const { body } = await t.graphql<{ invoice: { viewerCan: Record<Action, boolean> } }>(
    `query ($id: ID!) { invoice(id: $id) { viewerCan { ${actions.join(' ')} } } }`,
    { id: invoiceId },
    headersOf(who),
  );
  expect(body.errors).toBeUndefined();
  return actions.filter((action) => body.data!.invoice.viewerCan[action]);
}

async function current(): Promise<{ version: number; status: string; lines: { id: string; quantity: string }[] }> {
  const { invoice } = await mustQuery<{
    invoice: { version: number; status: string; lines: { id: string; quantity: string }[] };
  }>(t, 'query ($id: ID!) { invoice(id: $id) { version status lines { id quantity } } }', { id: invoiceId });
  return invoice;
}

async function asEveryone(): Promise<Record<string, Action[]>> {
  const answers: Record<string, Action[]> = {};
  for (const who of ['admin', ...Object.keys(tokens)]) answers[who] = await allowed(who);
  return answers;
}

beforeAll(async () => {
  t = await startTestApp();
  firmId = (await activeContractor(t)).id;
  const accept = (id: string) =>
    mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      {
        id,
      },
    );
  await accept(await installedCustomerSubscription(t, firmId));
  // Work in Blida too: the invoice bills work in two wilayas.
  const [blida] = await t.sql<{ id: string }>(
    `select id::text from commune where wilaya_code = '09' order by id limit 1`,
  );
  await accept(await installedCustomerSubscription(t, firmId, '-21.5', undefined, { communeId: blida!.id }));
  invoiceId = (await firmInvoice(t, firmId)).id;
  tokens['contractor'] = await userOf('CONTRACTOR', { contractorId: firmId });
  tokens['finance'] = await userOf('FINANCE');
  tokens['dotAlgiers'] = await userOf('DOT_MANAGER', { wilayaCodes: ['16'] });
  tokens['dotBoth'] = await userOf('DOT_MANAGER', { wilayaCodes: ['09', '16'] });
  tokens['viewer'] = await userOf('VIEWER');
});

afterAll(() => t.stop());

describe('Invoice.viewerCan', () => {
  it('follows the invoice through its statuses, per role, as the mutations decide', async () => {
    expect(await asEveryone()).toEqual({
      admin: ['submit'],
      contractor: ['submit'],
      finance: [],
      dotAlgiers: [],
      dotBoth: [],
      viewer: [],
    });

    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
      {
        id: invoiceId,
        v: (await current()).version,
      },
    );
    expect(await asEveryone()).toEqual({
      admin: ['approve', 'requestRevision', 'issueCreditNote'],
      contractor: ['issueCreditNote'],
      finance: ['approve', 'requestRevision'],
      // Work in Blida too: not the Algiers manager's to approve.
      dotAlgiers: [],
      dotBoth: ['approve', 'requestRevision'],
      viewer: [],
    });
    const refused = await t.graphql(
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
      { id: invoiceId, v: (await current()).version },
      headersOf('dotAlgiers'),
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', wilayas: ['09'] });

    const submitted = await current();
    const line = submitted.lines[0]!;
    await mustQuery(
      t,
      'mutation ($input: RequestInvoiceRevisionInput!) { requestInvoiceRevision(input: $input) { invoice { id } } }',
      {
        input: {
          id: invoiceId,
          expectedVersion: submitted.version,
          rejectedLines: [{ lineId: line.id, reason: 'métrage à vérifier' }],
        },
      },
    );
    expect(await asEveryone()).toEqual({
      admin: ['resubmit', 'issueCreditNote'],
      contractor: ['resubmit', 'issueCreditNote'],
      finance: [],
      dotAlgiers: [],
      dotBoth: [],
      viewer: [],
    });

    await mustQuery(
      t,
      'mutation ($input: ResubmitInvoiceInput!) { resubmitInvoice(input: $input) { invoice { id } } }',
      {
        input: {
          id: invoiceId,
          expectedVersion: (await current()).version,
          revisedLines: [{ lineId: line.id, quantity: line.quantity }],
        },
      },
    );
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
      {
        id: invoiceId,
        v: (await current()).version,
      },
    );
    expect((await current()).status).toBe('APPROVED');
    expect(await asEveryone()).toEqual({
      admin: ['recordPayment', 'issueCreditNote'],
      contractor: ['issueCreditNote'],
      finance: ['recordPayment'],
      dotAlgiers: [],
      dotBoth: [],
      viewer: [],
    });
    const submittedAgain = await t.graphql(
      'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
      { id: invoiceId, v: (await current()).version },
      headersOf('contractor'),
    );
    expect(submittedAgain.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'APPROVED',
    });
  });

  it('tells the firm’s own users that they issue it, and no one else, administrators included', async () => {
    const issuer: Record<string, boolean> = {};
    for (const who of ['admin', ...Object.keys(tokens)]) {
      const { body } = await t.graphql<{ invoice: { viewerIsIssuer: boolean } }>(
        'query ($id: ID!) { invoice(id: $id) { viewerIsIssuer } }',
        { id: invoiceId },
        headersOf(who),
      );
      expect(body.errors).toBeUndefined();
      issuer[who] = body.data!.invoice.viewerIsIssuer;
    }
    expect(issuer).toEqual({
      admin: false,
      contractor: true,
      finance: false,
      dotAlgiers: false,
      dotBoth: false,
      viewer: false,
    });
  });
});
