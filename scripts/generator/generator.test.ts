import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/common/logger.js';
import { projectRoot } from '../../server/src/common/paths.js';
import { initOrm } from '../../server/src/entities.js';
import { customerSubscriptionSchema } from '../../server/src/modules/customer-subscription/customer-subscription.inputs.js';
import { defaultQualityThresholds } from '../../server/src/modules/customer-subscription/installation-quality.js';
import { computeInvoiceTotals, lineAmount } from '../../server/src/modules/invoice/invoice-arithmetic.js';
import { defaultBuyer } from '../../server/src/modules/invoice/invoice-document.js';
import { mustQuery } from '../../server/test/api.js';
import { createTestDatabase, startTestApp, type TestApp } from '../../server/test/harness.js';
import { DatabaseHoldsWork, generateData, type GenerationReport, type GeneratorSettings } from './generate.js';

const settings: GeneratorSettings = {
  retentionPercent: '5',
  paymentTermsDays: 30,
  buyer: defaultBuyer,
  qualityThresholds: defaultQualityThresholds,
};
const counts = { customerSubscriptions: 3000, contractors: 60 };

interface Money {
  centimes: string;
}
interface InvoiceView {
  id: string;
  status: string;
  fiscalRegime: string;
  retentionPercent: string;
  totalExcludingTax: Money;
  totalVat: Money;
  totalIncludingTax: Money;
  retention: Money;
  netPayable: Money;
  paid: Money;
  balanceDue: Money;
  vatByRate: { ratePercent: string; base: Money; amount: Money }[];
  lines: { quantity: string; unitPrice: Money; vatRatePercent: string; amount: Money }[];
}

const invoiceFields = `id status fiscalRegime retentionPercent totalExcludingTax { centimes } totalVat { centimes } totalIncludingTax { centimes }
  retention { centimes } netPayable { centimes } paid { centimes } balanceDue { centimes } vatByRate { ratePercent base { centimes } amount { centimes } }
  lines { quantity unitPrice { centimes } vatRatePercent amount { centimes } }`;

/** Rows of `sql` that should not exist: none is the expected answer. */
async function violations(t: TestApp, sql: string): Promise<number> {
  const [row] = await t.sql<{ count: string }>(`select count(*) from (${sql}) as "found"`);
  return Number(row!.count);
}

describe('the generator, at a small size, checked through the app', () => {
  let t: TestApp;
  let report: GenerationReport;
  let now: Date;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const orm = await initOrm({ databaseUrl: database.url, logger: createLogger('silent'), poolMax: 2 });
    now = new Date();
    try {
      report = await generateData({ databaseUrl: database.url, orm, counts, seed: 7, settings, now });
    } catch (error) {
      await database.drop();
      throw error;
    } finally {
      await orm.close();
    }
    t = await startTestApp({}, { database });
  }, 600_000);
  afterAll(() => t?.stop());

  it('writes the counts asked for, and reports each table it wrote with its rows per second', async () => {
    const [row] = await t.sql<{ contractors: string; subscriptions: string; sites: string }>(
      'select (select count(*) from contractor) as contractors, (select count(*) from customer_subscription) as subscriptions, (select count(*) from site) as sites',
    );
    expect(Number(row!.contractors)).toBe(counts.contractors);
    expect(Number(row!.subscriptions)).toBe(counts.customerSubscriptions);
    expect(Number(row!.sites)).toBe(report.counts.sites);
    // About 40 to 200 customer subscriptions a site.
    expect(counts.customerSubscriptions / report.counts.sites).toBeGreaterThan(20);
    expect(counts.customerSubscriptions / report.counts.sites).toBeLessThan(200);
    for (const table of report.tables) {
      const [counted] = await t.sql<{ count: string }>(`select count(*) from "${table.table}"`);
      expect(Number(counted!.count), table.table).toBe(table.rows);
      expect(table.rowsPerSecond, table.table).toBeGreaterThan(0);
    }
    expect(report.totalRows).toBe(report.tables.reduce((sum, table) => sum + table.rows, 0));
  });

  it('shows every status of every lifecycle, most work accepted or under way', async () => {
    const statuses = async (table: string) =>
      (await t.sql<{ status: string; count: string }>(`select status::text, count(*) from "${table}" group by 1`))
        .map((row) => row.status)
        .sort();
    expect(await statuses('customer_subscription')).toEqual([
      'ACCEPTED',
      'ASSIGNED',
      'CANCELLED',
      'FAILED',
      'INSTALLED',
      'PENDING',
      'REJECTED',
      'SCHEDULED',
    ]);
    expect(await statuses('site')).toEqual(['ASSIGNED', 'CLOSED', 'COMPLETED', 'IN_PROGRESS', 'PLANNED', 'SUSPENDED']);
    expect(await statuses('contractor')).toEqual(['ACTIVE', 'PENDING_APPROVAL', 'SUSPENDED', 'TERMINATED']);
    expect(await statuses('invoice')).toEqual([
      'APPROVED',
      'DRAFT',
      'PAID',
      'PARTIALLY_PAID',
      'REVISION_REQUESTED',
      'SUBMITTED',
    ]);
    const [share] = await t.sql<{ accepted: number }>(
      `select avg((status = 'ACCEPTED')::int)::float as accepted from customer_subscription`,
    );
    expect(share!.accepted).toBeGreaterThan(0.5);
    // Installation reports carry measurements, most within the thresholds, some outside.
    const [quality] = await t.sql<{ outside: number }>(
      `select avg((jsonb_array_length(quality_issues) > 0)::int)::float as outside from installation_report`,
    );
    expect(quality!.outside).toBeGreaterThan(0.01);
    expect(quality!.outside).toBeLessThan(0.2);
  });

  it('keeps the times in the order of the lifecycle, none after the generation', async () => {
    expect(
      await violations(
        t,
        `select 1 from customer_subscription where ordered_at > created_at or created_at > status_changed_at or status_changed_at > $$${now.toISOString()}$$::timestamptz`,
      ),
    ).toBe(0);
    // Each record's audit events follow one another in time, and every event id grows with time.
    expect(
      await violations(
        t,
        'select 1 from (select occurred_at, lag(occurred_at) over (partition by entity_type, entity_id order by id) as before from audit_event) e where occurred_at < before',
      ),
    ).toBe(0);
    expect(
      await violations(
        t,
        'select 1 from (select occurred_at, lag(occurred_at) over (order by id) as before from audit_event) e where occurred_at < before',
      ),
    ).toBe(0);
    expect(
      await violations(t, `select 1 from audit_event where occurred_at > $$${now.toISOString()}$$::timestamptz`),
    ).toBe(0);
    // ordered ≤ assigned ≤ scheduled ≤ appointment ≤ installed ≤ reported ≤ accepted.
    const step = (status: string) =>
      `(select max(a.occurred_at) from audit_event a where a.entity_type = 'CUSTOMER_SUBSCRIPTION' and a.entity_id = s.id::text and a.to_status = '${status}')`;
    expect(
      await violations(
        t,
        `select 1 from customer_subscription s where s.ordered_at > ${step('ASSIGNED')} or ${step('ASSIGNED')} > ${step('SCHEDULED')} or ${step('SCHEDULED')} > s.appointment_at`,
      ),
    ).toBe(0);
    expect(
      await violations(
        t,
        `select 1 from installation_report r join customer_subscription s on s.id = r.customer_subscription_id
          where r.installed_at < s.appointment_at or r.installed_at < s.ordered_at or r.created_at < r.installed_at or (s.status = 'ACCEPTED' and s.status_changed_at < r.created_at)`,
      ),
    ).toBe(0);
    expect(
      await violations(
        t,
        `select 1 from invoice i where i.created_at > i.status_changed_at or i.issued_on < to_char(i.created_at + interval '1 hour', 'YYYY-MM-DD')::date
           or i.approved_at < i.created_at or exists (select 1 from invoice_payment p where p.invoice_id = i.id and (p.paid_on < i.issued_on or p.recorded_at < i.approved_at))`,
      ),
    ).toBe(0);
  });

  it('gives dashboard figures equal to a recount of the base tables', async () => {
    const { dashboard } = await mustQuery<{
      dashboard: {
        today: string;
        acceptedToday: number;
        acceptedThisMonth: number;
        acceptedTotal: number;
        targetConnections: number;
        backlog: { status: string; customerSubscriptions: number }[];
        firstTimeRightRate: number;
        medianDaysToAcceptance: number;
        awaitingApproval: { invoices: number; amount: Money };
        approvedUnpaid: { invoices: number; amount: Money };
        acceptancesByDay: { day: string; accepted: number }[];
        wilayas: { wilaya: { code: string }; acceptedTotal: number; targetConnections: number }[];
      };
    }>(
      t,
      `{ dashboard { today acceptedToday acceptedThisMonth acceptedTotal targetConnections backlog { status customerSubscriptions } firstTimeRightRate
         medianDaysToAcceptance awaitingApproval { invoices amount { centimes } } approvedUnpaid { invoices amount { centimes } } acceptancesByDay { day accepted }
         wilayas { wilaya { code } acceptedTotal targetConnections } } }`,
    );
    const today = dashboard.today;
    const [counted] = await t.sql<Record<string, string>>(
      `select count(*) filter (where algiers_date(status_changed_at) = $1::date) as today,
              count(*) filter (where algiers_date(status_changed_at) >= date_trunc('month', $1::date)) as month,
              count(*) as total,
              percentile_cont(0.5) within group (order by greatest(algiers_date(status_changed_at) - algiers_date(ordered_at), 0)) as median,
              count(*) filter (where (select count(*) from installation_report r where r.customer_subscription_id = s.id) = 1) as first_time_right
         from customer_subscription s where status = 'ACCEPTED'`,
      [today],
    );
    // Just after midnight in Algiers, today may hold no acceptance yet (this failed at 00:30 Algiers time):
    // its count is checked against the recount whatever it is, and the days before must hold some.
    expect(dashboard.acceptedToday).toBe(Number(counted!['today']));
    expect(dashboard.acceptancesByDay.filter((day) => day.day !== today && day.accepted > 0).length).toBeGreaterThan(0);
    expect(dashboard.acceptedThisMonth).toBe(Number(counted!['month']));
    expect(dashboard.acceptedTotal).toBe(Number(counted!['total']));
    expect(dashboard.medianDaysToAcceptance).toBe(Number(counted!['median']));
    expect(dashboard.firstTimeRightRate).toBeCloseTo(
      Number(counted!['first_time_right']) / Number(counted!['total']),
      6,
    );
    const [target] = await t.sql<{ target: string }>('select sum(target_connections) as target from site');
    expect(dashboard.targetConnections).toBe(Number(target!.target));
    const backlog = await t.sql<{ status: string; count: string }>(
      'select status::text, count(*) from customer_subscription group by 1',
    );
    for (const row of dashboard.backlog)
      expect(row.customerSubscriptions, row.status).toBe(
        Number(backlog.find((counted) => counted.status === row.status)?.count ?? 0),
      );
    const [waiting] = await t.sql<Record<string, string>>(
      `select count(*) filter (where status = 'SUBMITTED') as submitted, coalesce(sum(net_payable_centimes) filter (where status = 'SUBMITTED'), 0) as submitted_amount,
              count(*) filter (where status in ('APPROVED', 'PARTIALLY_PAID')) as unpaid,
              coalesce(sum(net_payable_centimes - credited_centimes - paid_centimes) filter (where status in ('APPROVED', 'PARTIALLY_PAID')), 0) as unpaid_amount
         from invoice`,
    );
    expect(dashboard.awaitingApproval).toEqual({
      invoices: Number(waiting!['submitted']),
      amount: { centimes: waiting!['submitted_amount'] },
    });
    expect(dashboard.approvedUnpaid).toEqual({
      invoices: Number(waiting!['unpaid']),
      amount: { centimes: waiting!['unpaid_amount'] },
    });
    const byDay = await t.sql<{ day: string; count: string }>(
      `select to_char(algiers_date(status_changed_at), 'YYYY-MM-DD') as day, count(*) from customer_subscription where status = 'ACCEPTED' group by 1`,
    );
    for (const day of dashboard.acceptancesByDay)
      expect(day.accepted, day.day).toBe(Number(byDay.find((row) => row.day === day.day)?.count ?? 0));
    const byWilaya = await t.sql<{ code: string; accepted: string; target: string }>(
      `select w.code, (select count(*) from customer_subscription s where s.wilaya_code = w.code and s.status = 'ACCEPTED') as accepted,
              (select coalesce(sum(target_connections), 0) from site where site.wilaya_code = w.code) as target from wilaya w`,
    );
    for (const wilaya of dashboard.wilayas) {
      const row = byWilaya.find((candidate) => candidate.code === wilaya.wilaya.code)!;
      expect([wilaya.acceptedTotal, wilaya.targetConnections], wilaya.wilaya.code).toEqual([
        Number(row.accepted),
        Number(row.target),
      ]);
    }
  });

  it('leaves the tables the triggers keep equal to a recount from the base tables', async () => {
    const differ = (kept: string, recount: string) =>
      violations(t, `(${kept} except ${recount}) union all (${recount} except ${kept})`);
    expect(
      await differ(
        'select wilaya_code, status, customer_subscriptions from wilaya_backlog where customer_subscriptions <> 0',
        'select wilaya_code, status, count(*)::int from customer_subscription group by 1, 2',
      ),
    ).toBe(0);
    expect(
      await differ(
        'select wilaya_code, target_connections from wilaya_target where target_connections <> 0',
        'select wilaya_code, sum(target_connections)::bigint from site group by 1',
      ),
    ).toBe(0);
    expect(
      await differ(
        'select invoice_id, wilaya_code from invoice_wilaya',
        'select distinct l.invoice_id, s.wilaya_code from invoice_line l join customer_subscription s on s.id = l.customer_subscription_id',
      ),
    ).toBe(0);
    expect(
      await differ(
        'select wilaya_code, day, accepted, first_time_right from wilaya_acceptance_day',
        `select s.wilaya_code, algiers_date(s.status_changed_at), count(*)::int,
                (count(*) filter (where (select count(*) from installation_report r where r.customer_subscription_id = s.id) = 1))::int
           from customer_subscription s where s.status = 'ACCEPTED' group by 1, 2`,
      ),
    ).toBe(0);
    expect(
      await differ(
        'select wilaya_code, days, accepted from wilaya_acceptance_delay',
        `select wilaya_code, greatest(algiers_date(status_changed_at) - algiers_date(ordered_at), 0), count(*)::int from customer_subscription where status = 'ACCEPTED' group by 1, 2`,
      ),
    ).toBe(0);
  });

  it('prices each invoice as the app does: its totals are computeInvoiceTotals of its lines', async () => {
    const sample: InvoiceView[] = [];
    for (const status of ['DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_PAID', 'PAID', 'REVISION_REQUESTED']) {
      const { invoices } = await mustQuery<{ invoices: { edges: { node: InvoiceView }[] } }>(
        t,
        `query ($status: InvoiceStatus) { invoices(first: 5, filter: { status: $status }) { edges { node { ${invoiceFields} } } } }`,
        { status },
      );
      expect(invoices.edges.length, status).toBeGreaterThan(0);
      sample.push(...invoices.edges.map((edge) => edge.node));
    }
    const prices = new Map(
      (
        await t.sql<{ code: string; price: string }>(
          'select code, unit_price_centimes as price from price_schedule_item',
        )
      ).map((row) => [row.code, row.price]),
    );
    expect(prices.size).toBeGreaterThan(0);
    for (const invoice of sample) {
      const lines = invoice.lines.map((line) => ({
        quantity: line.quantity,
        unitPriceCentimes: BigInt(line.unitPrice.centimes),
        vatRatePercent: line.vatRatePercent,
      }));
      const totals = computeInvoiceTotals(lines, {
        chargesVat: invoice.fiscalRegime === 'REAL',
        retentionPercent: invoice.retentionPercent,
      });
      expect(invoice.retentionPercent).toBe('5');
      expect(
        [
          invoice.totalExcludingTax,
          invoice.totalVat,
          invoice.totalIncludingTax,
          invoice.retention,
          invoice.netPayable,
        ].map((money) => money.centimes),
        invoice.id,
      ).toEqual(
        [totals.totalExcludingTax, totals.totalVat, totals.totalIncludingTax, totals.retention, totals.netPayable].map(
          String,
        ),
      );
      expect(invoice.vatByRate.map((vat) => [vat.ratePercent, vat.base.centimes, vat.amount.centimes])).toEqual(
        totals.vatByRate.map((vat) => [vat.ratePercent, String(vat.base), String(vat.amount)]),
      );
      if (invoice.fiscalRegime !== 'REAL') expect(invoice.totalVat.centimes).toBe('0');
      for (const line of invoice.lines)
        expect(line.amount.centimes).toBe(String(lineAmount(line.quantity, BigInt(line.unitPrice.centimes))));
      expect(BigInt(invoice.balanceDue.centimes)).toBe(
        BigInt(invoice.netPayable.centimes) - BigInt(invoice.paid.centimes),
      );
      if (invoice.status === 'PAID') expect(invoice.balanceDue.centimes).toBe('0');
      if (invoice.status === 'PARTIALLY_PAID') expect(BigInt(invoice.paid.centimes)).toBeGreaterThan(0n);
    }
    // The same check over every invoice, in SQL: totals excluding tax are the sum of the lines, paid the sum of the payments.
    expect(
      await violations(
        t,
        'select 1 from invoice i where total_excluding_tax_centimes <> (select sum(amount_centimes) from invoice_line l where l.invoice_id = i.id)',
      ),
    ).toBe(0);
    expect(
      await violations(
        t,
        'select 1 from invoice i where paid_centimes <> (select coalesce(sum(amount_centimes), 0) from invoice_payment p where p.invoice_id = i.id)',
      ),
    ).toBe(0);
    expect(
      await violations(
        t,
        'select 1 from invoice_line l join price_schedule_item p on p.code = l.item_code where l.unit_price_centimes <> p.unit_price_centimes',
      ),
    ).toBe(0);
  });

  it('numbers the issued invoices gapless per contractor and year, as document_sequence says; the current month is DRAFT', async () => {
    expect(
      await violations(
        t,
        `select 1 from (select contractor_id, number_year, count(*) as issued, min(number_sequence) as first, max(number_sequence) as last from invoice where number is not null group by 1, 2) n
           left join document_sequence d on d.contractor_id = n.contractor_id and d.year = n.number_year and d.series = 'INVOICE'
          where n.first <> 1 or n.last <> n.issued or d.last_number is distinct from n.last`,
      ),
    ).toBe(0);
    expect(
      await violations(
        t,
        `select 1 from invoice where (status = 'DRAFT') = (number is not null) or (number is not null and number <> 'FA-' || number_year || '-' || lpad(number_sequence::text, 5, '0'))`,
      ),
    ).toBe(0);
    const month = new Date(now.getTime() + 3_600_000).toISOString().slice(0, 7);
    expect(await violations(t, `select 1 from invoice where (status = 'DRAFT') <> (period = '${month}')`)).toBe(0);
    expect(
      await violations(
        t,
        'select 1 from document_sequence d where not exists (select 1 from invoice i where i.contractor_id = d.contractor_id and i.number_year = d.year)',
      ),
    ).toBe(0);
  });

  it('puts most of the work in a few wilayas and with a few contractors', async () => {
    const [wilayas] = await t.sql<{ share: number }>(
      'select (select sum(n) from (select count(*) as n from customer_subscription group by wilaya_code order by 1 desc limit 5) top)::float / count(*) as share from customer_subscription',
    );
    expect(wilayas!.share).toBeGreaterThan(0.5);
    const [firms] = await t.sql<{ share: number }>(
      `select (select sum(n) from (select count(*) as n from customer_subscription where contractor_id is not null group by contractor_id order by 1 desc limit ${Math.ceil(counts.contractors / 10)}) top)::float
              / count(*) as share from customer_subscription where contractor_id is not null`,
    );
    expect(firms!.share).toBeGreaterThan(0.5);
  });

  it('records each record’s history in the audit trail, ending in its status, one event per version', async () => {
    for (const [entity, table] of [
      ['CUSTOMER_SUBSCRIPTION', 'customer_subscription'],
      ['SITE', 'site'],
      ['CONTRACTOR', 'contractor'],
    ]) {
      expect(
        await violations(
          t,
          `select 1 from "${table}" r left join lateral (select count(*) as events, (array_agg(to_status order by id desc))[1] as last from audit_event a where a.entity_type = '${entity}' and a.entity_id = r.id::text) a on true
            where a.events <> r.version or a.last <> r.status::text`,
        ),
        entity,
      ).toBe(0);
    }
    // An invoice's version counts its acceptances too; its last transition is its status.
    expect(
      await violations(
        t,
        `select 1 from invoice i left join lateral (select count(*) as events, (array_agg(to_status order by id desc))[1] as last from audit_event a where a.entity_type = 'INVOICE' and a.entity_id = i.id::text) a on true
          where i.version <> 1 + a.events + (select count(distinct customer_subscription_id) from invoice_line l where l.invoice_id = i.id) or coalesce(a.last, 'DRAFT') <> i.status::text`,
      ),
    ).toBe(0);
    // Every accepted customer subscription's ACCEPT event names the invoice that bills it.
    expect(
      await violations(
        t,
        `select 1 from audit_event a where a.entity_type = 'CUSTOMER_SUBSCRIPTION' and a.to_status = 'ACCEPTED'
           and not exists (select 1 from invoice_line l where l.customer_subscription_id = a.entity_id::bigint and l.invoice_id::text = a.changes->0->>'to')`,
      ),
    ).toBe(0);
  });

  it('writes customer subscriptions the app’s own validation accepts unchanged', async () => {
    const rows = await t.sql<Record<string, string | Date>>(
      'select order_reference, customer_name, customer_phone, customer_address, commune_id::text, offer, site_id::text, ordered_at from customer_subscription order by id limit 200',
    );
    for (const row of rows) {
      const input = {
        orderReference: row['order_reference'],
        customerName: row['customer_name'],
        customerPhone: row['customer_phone'],
        customerAddress: row['customer_address'],
        communeId: row['commune_id'],
        offer: row['offer'],
        siteId: row['site_id'],
        orderedAt: row['ordered_at'],
      };
      expect(customerSubscriptionSchema.parse(input)).toEqual(input);
    }
  });

  it('lets the app carry on: an INSTALLED one accepted through the API is billed on its contractor’s DRAFT', async () => {
    const { customerSubscriptions } = await mustQuery<{
      customerSubscriptions: {
        edges: {
          node: {
            id: string;
            version: number;
            contractor: { id: string };
            latestInstallationReport: { qualityIssues: string[] };
          };
        }[];
      };
    }>(
      t,
      '{ customerSubscriptions(first: 20, filter: { status: INSTALLED }) { edges { node { id version contractor { id } latestInstallationReport { qualityIssues } } } } }',
    );
    const installed = customerSubscriptions.edges
      .map((edge) => edge.node)
      .find((node) => node.latestInstallationReport.qualityIssues.length === 0)!;
    const before = await mustQuery<{ dashboard: { acceptedToday: number } }>(t, '{ dashboard { acceptedToday } }');
    const accepted = await mustQuery<{ acceptInstallation: { customerSubscription: { status: string } } }>(
      t,
      'mutation ($id: ID!, $version: Int!) { acceptInstallation(input: { id: $id, expectedVersion: $version }) { customerSubscription { status } } }',
      { id: installed.id, version: installed.version },
    );
    expect(accepted.acceptInstallation.customerSubscription.status).toBe('ACCEPTED');
    const after = await mustQuery<{ dashboard: { acceptedToday: number } }>(t, '{ dashboard { acceptedToday } }');
    expect(after.dashboard.acceptedToday).toBe(before.dashboard.acceptedToday + 1);
    const [draft] = await t.sql<{ id: string; drafts: string }>(
      `select max(id)::text as id, count(*) as drafts from invoice where contractor_id = $1 and status = 'DRAFT'`,
      [installed.contractor.id],
    );
    expect(draft!.drafts).toBe('1');
    const { invoice } = await mustQuery<{ invoice: InvoiceView }>(
      t,
      `query ($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`,
      { id: draft!.id },
    );
    const totals = computeInvoiceTotals(
      invoice.lines.map((line) => ({
        quantity: line.quantity,
        unitPriceCentimes: BigInt(line.unitPrice.centimes),
        vatRatePercent: line.vatRatePercent,
      })),
      { chargesVat: invoice.fiscalRegime === 'REAL', retentionPercent: invoice.retentionPercent },
    );
    expect(invoice.netPayable.centimes).toBe(String(totals.netPayable));
  });

  it('refuses, from the command line, a database that holds work, and unknown flags', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(projectRoot, 'dist', 'scripts', 'generate.js'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: t.database.url },
      });
    const full = run(['--size', 'S']);
    expect(full.stderr).toContain('already holds work');
    expect(full.stderr).toContain('--force');
    expect(full.status).toBe(1);
    const unknown = run(['--sise', 'S']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--sise'");
    expect(unknown.stderr).toContain('usage: npm run generate');
    const badSize = run(['--size', 'XL']);
    expect(badSize.status).toBe(2);
    expect(badSize.stderr).toContain('--size must be S, M or L');
  });

  it('with force, deletes the work and its audit trail and generates anew (the administrator stays)', async () => {
    const orm = await initOrm({ databaseUrl: t.database.url, logger: createLogger('silent'), poolMax: 2 });
    try {
      await expect(
        generateData({
          databaseUrl: t.database.url,
          orm,
          counts: { customerSubscriptions: 500, contractors: 12 },
          seed: 8,
          settings,
        }),
      ).rejects.toBeInstanceOf(DatabaseHoldsWork);
      const steps: string[] = [];
      await generateData({
        databaseUrl: t.database.url,
        orm,
        counts: { customerSubscriptions: 500, contractors: 12 },
        seed: 8,
        settings,
        force: true,
        onStep: (text) => steps.push(text),
      });
      expect(steps[0]).toMatch(
        /^--force: deleting the work this database holds \(60 contractors, \d+ sites, 3000 customer subscriptions/,
      );
    } finally {
      await orm.close();
    }
    const [row] = await t.sql<{ subscriptions: string; contractors: string; audited: string }>(
      `select (select count(*) from customer_subscription) as subscriptions, (select count(*) from contractor) as contractors,
              (select count(distinct entity_id) from audit_event where entity_type = 'CUSTOMER_SUBSCRIPTION') as audited`,
    );
    expect(row).toEqual({ subscriptions: '500', contractors: '12', audited: '500' });
    const { me } = await mustQuery<{ me: { email: string } }>(t, '{ me { email } }');
    expect(me.email).toBe('admin@raccord.test');
  });
});
