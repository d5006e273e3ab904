import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  installationReportInput,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { addDays, algiersDate, algiersMonth } from '../../common/time.js';
import { acceptInstallation } from './acceptance.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const installed = (firmId: string, receivedPowerDbm?: string) =>
  installedCustomerSubscription(t, firmId, receivedPowerDbm);

const accept = (id: string, overrideReason?: string) =>
  t.graphql<{ acceptInstallation: { customerSubscription: { status: string } } }>(
    'mutation ($input: AcceptInstallationInput!) { acceptInstallation(input: $input) { customerSubscription { status } } }',
    { input: { id, expectedVersion: 4, ...(overrideReason ? { overrideReason } : {}) } },
  );

const invoiceFields = `period status fiscalRegime totalExcludingTax { centimes } vatByRate { ratePercent amount { centimes } }
  totalVat { centimes } totalIncludingTax { centimes } retention { centimes } netPayable { centimes amount currency }
  lines { itemCode quantity unitPrice { amount } amount { centimes } }`;

async function invoicesOf(firmId: string) {
  const list = await mustQuery<{ invoices: { edges: { node: { id: string } }[] } }>(
    t,
    'query ($c: ID!) { invoices(first: 100, filter: { contractorId: $c }) { edges { node { id } } } }',
    { c: firmId },
  );
  const mine = list.invoices.edges.map((edge) => edge.node);
  return Promise.all(
    mine.map(
      async ({ id }) =>
        (
          await mustQuery<{ invoice: Record<string, unknown> & { lines: unknown[] } }>(
            t,
            `query ($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`,
            { id },
          )
        ).invoice,
    ),
  );
}

describe('acceptInstallation', () => {
  it("bills the accepted work at once on the contractor's DRAFT invoice of the month, with exact totals", async () => {
    const firm = await activeContractor(t);
    const id = await installed(firm.id);
    expect((await accept(id)).body.data!.acceptInstallation.customerSubscription.status).toBe('ACCEPTED');
    const [invoice] = await invoicesOf(firm.id);
    // 4,500.00 + 42.5 m × 45.00 (1,912.50) + 900.00 = 7,312.50 DA HT; VAT 19 % = 1,389.375 → 1,389.38;
    // TTC 8,701.88; retention 5 % = 435.094 → 435.09; net 8,266.79.
    expect(invoice).toMatchObject({
      period: algiersMonth(new Date()),
      status: 'DRAFT',
      fiscalRegime: 'REAL',
      totalExcludingTax: { centimes: '731250' },
      vatByRate: [{ ratePercent: '19', amount: { centimes: '138938' } }],
      totalVat: { centimes: '138938' },
      totalIncludingTax: { centimes: '870188' },
      retention: { centimes: '43509' },
      netPayable: { centimes: '826679', amount: '8266.79', currency: 'DZD' },
    });
    expect(invoice!.lines).toEqual([
      { itemCode: 'RAC-STD', quantity: '1', unitPrice: { amount: '4500.00' }, amount: { centimes: '450000' } },
      { itemCode: 'DRP-AER', quantity: '42.5', unitPrice: { amount: '45.00' }, amount: { centimes: '191250' } },
      { itemCode: 'PTO', quantity: '1', unitPrice: { amount: '900.00' }, amount: { centimes: '90000' } },
    ]);

    const second = await installed(firm.id);
    await accept(second);
    const invoices = await invoicesOf(firm.id);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ totalExcludingTax: { centimes: '1462500' }, totalVat: { centimes: '277875' } });
  });

  it('charges no VAT to an auto-entrepreneur', async () => {
    const firm = await activeContractor(t, {
      legalForm: 'AUTO_ENTREPRENEUR',
      fiscalRegime: 'AUTO_ENTREPRENEUR',
      rcNumber: null,
      autoEntrepreneurCardNumber: 'AE-16-777',
    });
    await accept(await installed(firm.id));
    const [invoice] = await invoicesOf(firm.id);
    expect(invoice).toMatchObject({
      fiscalRegime: 'AUTO_ENTREPRENEUR',
      vatByRate: [],
      totalVat: { centimes: '0' },
      totalIncludingTax: { centimes: '731250' },
    });
  });

  it('accepts a report outside the quality thresholds only with an override reason, kept in the audit trail', async () => {
    const firm = await activeContractor(t);
    const id = await installed(firm.id, '-29');
    const refused = await accept(id);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUALITY_OVERRIDE_REQUIRED',
      field: 'overrideReason',
    });
    expect(await invoicesOf(firm.id)).toEqual([]);
    expect(
      (await accept(id, 'mesure refaite sur place à -25 dBm, photo jointe')).body.data!.acceptInstallation
        .customerSubscription.status,
    ).toBe('ACCEPTED');
    const trail = await mustQuery<{ auditTrail: { toStatus: string; reason: string | null }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) { toStatus reason } }',
      { id },
    );
    expect(trail.auditTrail.at(-1)).toEqual({
      toStatus: 'ACCEPTED',
      reason: 'mesure refaite sur place à -25 dBm, photo jointe',
    });
  });

  it('sends rejected work back with reserves, bills nothing, and lets the contractor report again', async () => {
    const firm = await activeContractor(t);
    const id = await installed(firm.id);
    const rejected = await mustQuery<{
      rejectInstallation: { customerSubscription: { status: string; statusReason: string } };
    }>(
      t,
      'mutation ($id: ID!) { rejectInstallation(input: { id: $id, expectedVersion: 4, reserves: ["câble non fixé", "PTO mal posée"] }) { customerSubscription { status statusReason } } }',
      { id },
    );
    expect(rejected.rejectInstallation.customerSubscription).toEqual({
      status: 'REJECTED',
      statusReason: 'reserves: câble non fixé; PTO mal posée',
    });
    expect(await invoicesOf(firm.id)).toEqual([]);
  });

  it('shows the reserves of the latest rejection on the work while it is REJECTED, and none once it is reported again', async () => {
    const firm = await activeContractor(t);
    const id = await installed(firm.id);
    const reservesOf = async () =>
      (
        await mustQuery<{ customerSubscription: { status: string; reserves: string[] } }>(
          t,
          'query ($id: ID!) { customerSubscription(id: $id) { status reserves } }',
          { id },
        )
      ).customerSubscription;
    const reject = (version: number, reserves: string[]) =>
      mustQuery(
        t,
        'mutation ($id: ID!, $v: Int!, $r: [String!]!) { rejectInstallation(input: { id: $id, expectedVersion: $v, reserves: $r }) { customerSubscription { id } } }',
        { id, v: version, r: reserves },
      );
    expect(await reservesOf()).toEqual({ status: 'INSTALLED', reserves: [] });
    await reject(4, ['câble non fixé', 'PTO mal posée']);
    expect(await reservesOf()).toEqual({ status: 'REJECTED', reserves: ['câble non fixé', 'PTO mal posée'] });
    await mustQuery(
      t,
      'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
      { input: installationReportInput(id, { expectedVersion: 5 }) },
    );
    expect(await reservesOf()).toEqual({ status: 'INSTALLED', reserves: [] });
    await reject(6, ['étiquetage absent']);
    expect(await reservesOf()).toEqual({ status: 'REJECTED', reserves: ['étiquetage absent'] });
  });

  it('refuses, with a coded error and nothing written, an installation recorded without a report', async () => {
    const firm = await activeContractor(t);
    const id = await installed(firm.id);
    await t.sql('delete from installation_report where customer_subscription_id = $1', [id]);
    const refused = await accept(id);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'installationReport' });
    expect(refused.body.errors?.[0]?.message).toContain('rejectInstallation');
    expect(await invoicesOf(firm.id)).toEqual([]);
    const [row] = await t.sql<{ status: string; version: number }>(
      'select status, version from customer_subscription where id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'INSTALLED', version: 4 });
  });

  it('gets every line of ten simultaneous acceptances onto one invoice, with the right totals', async () => {
    const firm = await activeContractor(t);
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) ids.push(await installed(firm.id));
    const results = await Promise.all(ids.map((id) => accept(id)));
    expect(results.map((result) => result.body.errors?.[0]?.extensions?.['code'] ?? 'OK')).toEqual(
      Array(10).fill('OK'),
    );
    const invoices = await invoicesOf(firm.id);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]!.lines).toHaveLength(30);
    expect(invoices[0]).toMatchObject({
      totalExcludingTax: { centimes: '7312500' },
      totalVat: { centimes: '1389375' },
    });
  });
});

/** The system accepting at `instant` (the context's clock), as the month-close job would. */
const acceptingAt = (instant: string) => contextAt(t.app.orm, instant);

describe('the invoice period', () => {
  it('follows Algiers time: work accepted at 22:59:59 UTC on 31 March is billed in March, at 23:30 UTC in April', async () => {
    const firm = await activeContractor(t);
    const march = await installed(firm.id);
    const april = await installed(firm.id);
    await acceptInstallation(acceptingAt('2026-03-31T22:59:59Z'), { id: march, expectedVersion: 4 });
    await acceptInstallation(acceptingAt('2026-03-31T23:30:00Z'), { id: april, expectedVersion: 4 });
    const periods = await t.sql<{ subscription: string; period: string }>(
      `select l.customer_subscription_id::text as subscription, i.period
         from invoice_line l join invoice i on i.id = l.invoice_id where i.contractor_id = $1 group by 1, 2`,
      [firm.id],
    );
    expect(Object.fromEntries(periods.map((row) => [row.subscription, row.period]))).toEqual({
      [march]: '2026-03',
      [april]: '2026-04',
    });
  });
});

describe('the date that prices a work line', () => {
  // An app of its own: the price schedule version and the VAT rate made here would price the other tests' work.
  let p: TestApp;
  beforeAll(async () => {
    p = await startTestApp();
  });
  afterAll(() => p.stop());

  it('is the installation date in Algiers, not the acceptance date: a version and a VAT rate from today price only the work installed from today', async () => {
    const today = algiersDate();
    const firm = await activeContractor(p);
    const standard = [{ code: 'RAC-STD', quantity: '1' }];
    // Installed yesterday at noon in Algiers (its appointment yesterday morning: the API books none in
    // the past, so the database moves it), and a minute ago; both accepted today, after the changes.
    const yesterday = await scheduledCustomerSubscription(p, firm.id);
    await p.sql('update customer_subscription set appointment_at = $2 where id = $1', [
      yesterday,
      `${addDays(today, -1)}T08:00:00.000Z`,
    ]);
    await mustQuery(
      p,
      'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
      {
        input: installationReportInput(yesterday, {
          lines: standard,
          installedAt: `${addDays(today, -1)}T11:00:00.000Z`,
        }),
      },
    );
    const installedToday = await installedCustomerSubscription(p, firm.id, '-21.5', standard);
    // A version made for tomorrow (the API takes no earlier date), then moved to today; TVA19 at 21 % from today.
    await mustQuery(
      p,
      'mutation ($input: CreatePriceScheduleVersionInput!) { createPriceScheduleVersion(input: $input) { id } }',
      {
        input: {
          name: 'BPU du jour',
          effectiveFrom: addDays(today, 1),
          items: [
            {
              code: 'RAC-STD',
              designation: 'Raccordement standard (forfait)',
              unit: 'FORFAIT',
              unitPrice: '5000.00',
              taxCode: 'TVA19',
            },
          ],
        },
      },
    );
    await p.sql('update price_schedule set effective_to = $1 where effective_to = $2', [today, addDays(today, 1)]);
    await p.sql('update price_schedule set effective_from = $1 where effective_from = $2', [today, addDays(today, 1)]);
    await p.sql(`insert into tax_rate (code, rate_percent, valid_from) values ('TVA19', 21, $1)`, [today]);

    for (const id of [yesterday, installedToday])
      await mustQuery(
        p,
        'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
        { id },
      );
    const lines = await p.sql<{ subscription: string; unit_price_centimes: string; vat_rate_percent: string }>(
      `select customer_subscription_id::text as subscription, unit_price_centimes::text, vat_rate_percent::text
         from invoice_line where customer_subscription_id in ($1, $2)`,
      [yesterday, installedToday],
    );
    expect(Object.fromEntries(lines.map(({ subscription, ...line }) => [subscription, line]))).toEqual({
      [yesterday]: { unit_price_centimes: '450000', vat_rate_percent: '19' },
      [installedToday]: { unit_price_centimes: '500000', vat_rate_percent: '21' },
    });
  });
});

describe('sixteen simultaneous acceptances onto one draft', () => {
  it('bill each installation once, with exact totals, each version moved once, and refuse a second acceptance of the same one', async () => {
    const firm = await activeContractor(t);
    const ids: string[] = [];
    for (let i = 0; i < 16; i += 1) ids.push(await installed(firm.id));
    // The first installation is accepted twice at once: one of the two must be refused.
    const results = await Promise.all([...ids, ids[0]!].map((id) => accept(id)));
    const codes = results.map((result) => result.body.errors?.[0]?.extensions?.['code'] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(16);
    expect(codes.filter((code) => code !== 'OK')).toEqual(['CONFLICT']);
    const billed = await t.sql<{ subscription: string; lines: number }>(
      `select l.customer_subscription_id::text as subscription, count(*)::int as lines
         from invoice_line l join invoice i on i.id = l.invoice_id where i.contractor_id = $1 group by 1 order by 1`,
      [firm.id],
    );
    expect(billed).toEqual(
      ids.map((id) => ({ subscription: id, lines: 3 })).sort((a, b) => Number(a.subscription) - Number(b.subscription)),
    );
    const subscriptions = await t.sql<{ status: string; version: number }>(
      'select status, version from customer_subscription where id = any($1::bigint[])',
      [ids],
    );
    expect(subscriptions).toEqual(Array(16).fill({ status: 'ACCEPTED', version: 5 }));
    const [invoice] = await t.sql<{ version: number; ht: string; vat: string }>(
      'select version, total_excluding_tax_centimes::text as ht, total_vat_centimes::text as vat from invoice where contractor_id = $1',
      [firm.id],
    );
    // Opened at version 1, then one change per acceptance; 16 × 7,312.50 DA HT, VAT 19 % on the sum.
    expect(invoice).toEqual({ version: 17, ht: '11700000', vat: '2223000' });
  });
});

describe('the prices an acceptance reads', () => {
  // An app of its own: the version and the VAT rate made here would price the other tests' work.
  let c: TestApp;
  beforeAll(async () => {
    c = await startTestApp();
  });
  afterAll(() => c.stop());

  const acceptIn = (id: string) =>
    mustQuery(
      c,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id },
    );
  const priced = async (id: string) =>
    (
      await c.sql<{ unit_price_centimes: string; vat_rate_percent: string }>(
        'select unit_price_centimes::text, vat_rate_percent::text from invoice_line where customer_subscription_id = $1',
        [id],
      )
    )[0];

  it('are those of a price schedule version created and a VAT rate added since the process last read them', async () => {
    const today = algiersDate();
    const firm = await activeContractor(c);
    const standard = [{ code: 'RAC-STD', quantity: '1' }];
    const first = await installedCustomerSubscription(c, firm.id, '-21.5', standard);
    await acceptIn(first);
    expect(await priced(first)).toEqual({ unit_price_centimes: '450000', vat_rate_percent: '19' });

    // A version made for tomorrow (the API takes no earlier date), then moved to today.
    await mustQuery(
      c,
      'mutation ($input: CreatePriceScheduleVersionInput!) { createPriceScheduleVersion(input: $input) { id } }',
      {
        input: {
          name: 'BPU du jour',
          effectiveFrom: addDays(today, 1),
          items: [
            { code: 'RAC-STD', designation: 'Raccordement', unit: 'FORFAIT', unitPrice: '5200.00', taxCode: 'TVA19' },
          ],
        },
      },
    );
    await c.sql('update price_schedule set effective_to = $1 where effective_to = $2', [today, addDays(today, 1)]);
    await c.sql('update price_schedule set effective_from = $1 where effective_from = $2', [today, addDays(today, 1)]);
    const second = await installedCustomerSubscription(c, firm.id, '-21.5', standard);
    await acceptIn(second);
    expect(await priced(second)).toEqual({ unit_price_centimes: '520000', vat_rate_percent: '19' });

    // Rates have no API: operations add them in SQL.
    await c.sql(`insert into tax_rate (code, rate_percent, valid_from) values ('TVA19', 20, $1)`, [today]);
    const third = await installedCustomerSubscription(c, firm.id, '-21.5', standard);
    await acceptIn(third);
    expect(await priced(third)).toEqual({ unit_price_centimes: '520000', vat_rate_percent: '20' });
  });
});

describe('invoices and who sees them', () => {
  it("shows a firm its own invoices only; another firm's invoice answers as an unknown id", async () => {
    const mine = await activeContractor(t);
    const other = await activeContractor(t);
    await accept(await installed(mine.id));
    await accept(await installed(other.id));
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: `compta-${mine.id}@firm.test`,
        displayName: 'Comptable',
        role: 'CONTRACTOR',
        password: 'firm user password',
        contractorId: mine.id,
      },
    });
    const { signIn } = await import('../../../test/harness.js');
    const token = await signIn(t.url, `compta-${mine.id}@firm.test`, 'firm user password');
    const seen = await t.graphql<{ invoices: { edges: { node: { contractor: { id: string } } }[] } }>(
      '{ invoices(first: 100) { edges { node { contractor { id } } } } }',
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(seen.body.data!.invoices.edges.map((edge) => edge.node.contractor.id)).toEqual([mine.id]);
    const [otherInvoice] = await t.sql<{ id: string }>('select id::text from invoice where contractor_id = $1', [
      other.id,
    ]);
    const byId = await t.graphql<{ invoice: null }>(
      'query ($id: ID!) { invoice(id: $id) { period } }',
      { id: otherInvoice!.id },
      { authorization: `Bearer ${token}` },
    );
    expect(byId.body).toEqual({ data: { invoice: null } });
  });
});
