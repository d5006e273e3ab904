import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  installedCustomerSubscription,
  mustQuery,
} from '../../../server/test/api.js';
import { startTestApp, testServerEnvironment, type TestApp } from '../../../server/test/harness.js';
import { computeInvoiceTotals } from '../../../server/src/modules/invoice/invoice-arithmetic.js';
import { answer, compareAnswers } from '../compare.js';
import { loadCommunes, subscriptionsCsv } from '../fixtures.js';
import type { GraphQLRequest } from '../load.js';
import * as operations from '../operations.js';
import { startBaseline, type Baseline } from './server.js';

let t: TestApp;
let baseline: Baseline;
let firmId: string;
let invoiceId: string;
const ids: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  baseline = await startBaseline({
    databaseUrl: t.database.url,
    authTokenSecret: testServerEnvironment(t.database.url)['AUTH_TOKEN_SECRET']!,
  });
  firmId = (await activeContractor(t)).id;
  // Work in every state the operations show: on a site with its contractor, accepted and billed, installed, pending.
  const site = await createSite(t);
  await mustQuery(
    t,
    'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
    { id: site.id, c: firmId },
  );
  ids.push((await createCustomerSubscription(t, { siteId: site.id })).id);
  for (let i = 0; i < 3; i += 1) {
    const id = await installedCustomerSubscription(t, firmId);
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id },
    );
    ids.push(id);
  }
  ids.push(await installedCustomerSubscription(t, firmId));
  const csv = subscriptionsCsv(
    120,
    (await loadCommunes()).filter((commune) => commune.wilayaCode === '16'),
    'T',
    3,
  );
  await mustQuery(t, operations.importCustomerSubscriptions, { csv });
  invoiceId = (
    await t.sql<{ id: string }>(`select id from invoice where contractor_id = $1 and status = 'DRAFT'`, [firmId])
  )[0]!.id;
});
afterAll(async () => {
  await baseline?.stop();
  await t?.stop();
});

async function expectSame(request: GraphQLRequest): Promise<void> {
  const compared = await compareAnswers(t.url, baseline.url, t.adminToken, request);
  expect(compared.difference).toBeUndefined();
  expect(compared.same).toBe(true);
}

describe('the hand-written baseline answers as Raccord does, on the same database', () => {
  it('a customer subscription by id, with its commune, site and contractor (or none), and an unknown id', async () => {
    for (const id of [...ids, '999999999'])
      await expectSame({ query: operations.customerSubscriptionById, variables: { id } });
  });

  it('the list with filters, page after page by its cursors, and an empty page', async () => {
    for (const filter of [
      { wilayaCode: '16', status: 'PENDING' },
      { status: 'ACCEPTED' },
      { contractorId: firmId },
      {},
      { wilayaCode: '01', status: 'FAILED' },
    ]) {
      let after: string | null = null;
      for (let page = 0; page < 4; page += 1) {
        const request: GraphQLRequest = {
          query: operations.customerSubscriptionPage,
          variables: { first: 50, after, filter },
        };
        await expectSame(request);
        const body = (await answer(t.url, t.adminToken, request)) as {
          data: { customerSubscriptions: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        };
        if (!body.data.customerSubscriptions.pageInfo.hasNextPage) break;
        after = body.data.customerSubscriptions.pageInfo.endCursor;
      }
    }
  });

  it('the dashboard and the invoice with its lines and totals', async () => {
    await expectSame({ query: operations.dashboard, variables: { wilayaCode: null } });
    await expectSame({ query: operations.invoiceWithLines, variables: { id: invoiceId } });
  });

  it("every document of the console's page-load mix", async () => {
    for (const request of operations.consoleMixRequests) await expectSame(request);
  });

  it('acceptInstallation bills and audits as Raccord does', async () => {
    const [byRaccord, byBaseline] = [
      await installedCustomerSubscription(t, firmId),
      await installedCustomerSubscription(t, firmId),
    ];
    const accept = (id: string) => ({
      query: operations.acceptInstallation,
      variables: { input: { id, expectedVersion: 4 } },
    });
    expect(await answer(t.url, t.adminToken, accept(byRaccord))).toEqual({
      data: { acceptInstallation: { customerSubscription: { id: byRaccord, version: 5, status: 'ACCEPTED' } } },
    });
    expect(await answer(baseline.url, t.adminToken, accept(byBaseline))).toEqual({
      data: { acceptInstallation: { customerSubscription: { id: byBaseline, version: 5, status: 'ACCEPTED' } } },
    });
    // A second acceptance of the same version is refused by both.
    expect(JSON.stringify(await answer(baseline.url, t.adminToken, accept(byBaseline)))).toContain('CONFLICT');

    const lines = (id: string) =>
      t.sql(
        `select invoice_id, item_code, designation, unit, quantity::text, unit_price_centimes::text, vat_rate_percent::text, amount_centimes::text from invoice_line where customer_subscription_id = $1 order by id`,
        [id],
      );
    expect(await lines(byBaseline)).toEqual(await lines(byRaccord));
    const audit = (id: string) =>
      t.sql(
        `select actor_type, actor_id, action, from_status, to_status, changes, reason from audit_event where entity_id = $1 and action = 'TRANSITION' and to_status = 'ACCEPTED'`,
        [id],
      );
    expect(await audit(byBaseline)).toEqual(await audit(byRaccord));
    // The invoice's totals are its lines' totals, by Raccord's arithmetic.
    const [invoice] = await t.sql<{
      total_excluding_tax_centimes: string;
      net_payable_centimes: string;
      version: number;
    }>(`select * from invoice where id = $1`, [invoiceId]);
    const all = await t.sql<{ quantity: string; unit_price_centimes: string; vat_rate_percent: string }>(
      'select quantity::text, unit_price_centimes::text, vat_rate_percent::text from invoice_line where invoice_id = $1',
      [invoiceId],
    );
    const totals = computeInvoiceTotals(
      all.map((line) => ({
        quantity: line.quantity,
        unitPriceCentimes: BigInt(line.unit_price_centimes),
        vatRatePercent: line.vat_rate_percent,
      })),
      { chargesVat: true, retentionPercent: '5' },
    );
    expect(invoice!.total_excluding_tax_centimes).toBe(totals.totalExcludingTax.toString());
    expect(invoice!.net_payable_centimes).toBe(totals.netPayable.toString());
    await expectSame({ query: operations.invoiceWithLines, variables: { id: invoiceId } });
    await expectSame({ query: operations.dashboard, variables: { wilayaCode: null } });
  });

  it('importCustomerSubscriptions creates the same rows and audit events, and refuses the same bad rows', async () => {
    const communes = (await loadCommunes()).slice(0, 40);
    const now = Date.now();
    const file = (tag: string) => subscriptionsCsv(50, communes, tag, 11, now);
    const imported = (server: string, tag: string) =>
      answer(server, t.adminToken, { query: operations.importCustomerSubscriptions, variables: { csv: file(tag) } });
    const report = {
      data: { importCustomerSubscriptions: { rows: 50, created: 50, skipped: 0, errorCount: 0, errors: [] } },
    };
    expect(await imported(t.url, 'R1')).toEqual(report);
    expect(await imported(baseline.url, 'B1')).toEqual(report);
    expect(await imported(baseline.url, 'B1')).toEqual({
      data: { importCustomerSubscriptions: { ...report.data.importCustomerSubscriptions, created: 0, skipped: 50 } },
    });
    const rows = (tag: string) =>
      t.sql(
        `select regexp_replace(cs.order_reference, '^BENCH-[A-Z0-9]+-', '') as reference, customer_name, customer_phone, customer_address, commune_id, wilaya_code, offer, ordered_at, status, version,
                a.actor_type, a.to_status, a.reason, regexp_replace(a.changes::text, 'BENCH-[A-Z0-9]+-', '', 'g') as changes
           from customer_subscription cs join audit_event a on a.entity_id = cs.id::text and a.entity_type = 'CUSTOMER_SUBSCRIPTION'
          where order_reference like $1 order by order_reference`,
        [`BENCH-${tag}-%`],
      );
    expect(await rows('B1')).toEqual(await rows('R1'));

    const bad = `${file('R2').trimEnd()}\nBAD REF,,0123,x,99999,offre,2999-01-01T00:00:00Z\n`;
    const refusal = (server: string) =>
      answer(server, t.adminToken, { query: operations.importCustomerSubscriptions, variables: { csv: bad } });
    expect(await refusal(baseline.url)).toEqual(await refusal(t.url));
  });
});
