import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustQuery } from '../../test/api.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOAD_DEMO_DATA_ON_START: 'true' });
});
afterAll(() => t.stop());

describe('demo data on an empty database', () => {
  it('holds contractors of every legal form, sites, and customer subscriptions in every state, all audited', async () => {
    const data = await mustQuery<{
      contractors: { totalCount: number; edges: { node: { legalForm: string; status: string } }[] };
      sites: { totalCount: number; edges: { node: { status: string; wilaya: { code: string } } }[] };
    }>(
      t,
      '{ contractors(first: 100) { totalCount edges { node { legalForm status } } } sites(first: 100) { totalCount edges { node { status wilaya { code } } } } }',
    );
    expect(new Set(data.contractors.edges.map((e) => e.node.legalForm))).toEqual(
      new Set(['AUTO_ENTREPRENEUR', 'PERSONNE_PHYSIQUE', 'EURL', 'SARL', 'SPA', 'SNC', 'OTHER']),
    );
    expect(new Set(data.contractors.edges.map((e) => e.node.status))).toEqual(
      new Set(['ACTIVE', 'PENDING_APPROVAL', 'SUSPENDED']),
    );
    expect(new Set(data.sites.edges.map((e) => e.node.wilaya.code)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(data.sites.edges.map((e) => e.node.status))).toEqual(
      new Set(['PLANNED', 'IN_PROGRESS', 'SUSPENDED']),
    );

    for (const status of [
      'PENDING',
      'ASSIGNED',
      'SCHEDULED',
      'INSTALLED',
      'ACCEPTED',
      'REJECTED',
      'FAILED',
      'CANCELLED',
    ]) {
      const counted = await mustQuery<{ customerSubscriptions: { totalCount: number } }>(
        t,
        `{ customerSubscriptions(filter: { status: ${status} }) { totalCount } }`,
      );
      expect(counted.customerSubscriptions.totalCount, status).toBeGreaterThan(0);
    }
    const accepted = await mustQuery<{ customerSubscriptions: { edges: { node: { id: string } }[] } }>(
      t,
      '{ customerSubscriptions(first: 1, filter: { status: ACCEPTED }) { edges { node { id } } } }',
    );
    const trail = await mustQuery<{ auditTrail: { toStatus: string }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) { toStatus } }',
      {
        id: accepted.customerSubscriptions.edges[0]!.node.id,
      },
    );
    expect(trail.auditTrail.map((event) => event.toStatus)).toEqual([
      'PENDING',
      'ASSIGNED',
      'SCHEDULED',
      'INSTALLED',
      'ACCEPTED',
    ]);
  });

  it('is not loaded again on a database that holds work', async () => {
    const { loadDemoData } = await import('./demo-data.js');
    const { createLogger } = await import('../common/logger.js');
    expect(await loadDemoData(t.app.orm, createLogger('silent'))).toBe(false);
  });
});

describe('demo invoices', () => {
  it('stand at every stage of the invoice lifecycle, each reached through the services', async () => {
    const page = await mustQuery<{
      invoices: {
        edges: {
          node: {
            status: string;
            number: string | null;
            balanceDue: { centimes: string };
            netPayable: { centimes: string };
          };
        }[];
      };
    }>(
      t,
      '{ invoices(first: 100) { edges { node { status number balanceDue { centimes } netPayable { centimes } } } } }',
    );
    const invoices = { invoices: page.invoices.edges.map((edge) => edge.node) };
    expect(new Set(invoices.invoices.map((invoice) => invoice.status))).toEqual(
      new Set(['DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_PAID', 'PAID', 'REVISION_REQUESTED']),
    );
    for (const invoice of invoices.invoices) {
      expect(invoice.number === null, invoice.status).toBe(invoice.status === 'DRAFT');
      if (invoice.status === 'PAID') expect(invoice.balanceDue.centimes).toBe('0');
      if (invoice.status === 'PARTIALLY_PAID')
        expect(BigInt(invoice.balanceDue.centimes)).toBeLessThan(BigInt(invoice.netPayable.centimes));
    }
  });
});

describe('demo invoices over the months', () => {
  it('were issued in at least three months, paid on time and late, and some approved ones are unpaid past their due date, as the dashboard shows', async () => {
    const page = await mustQuery<{
      invoices: {
        totalCount: number;
        edges: {
          node: {
            status: string;
            issuedOn: string | null;
            dueOn: string | null;
            daysOverdue: number | null;
            payments: { paidOn: string }[];
          };
        }[];
      };
      dashboard: { approvedUnpaid: { invoices: number; oldestDays: number | null } };
    }>(
      t,
      '{ invoices(first: 100) { totalCount edges { node { status issuedOn dueOn daysOverdue payments { paidOn } } } } dashboard { approvedUnpaid { invoices oldestDays } } }',
    );
    const invoices = page.invoices.edges.map((edge) => edge.node);
    expect(invoices).toHaveLength(page.invoices.totalCount);
    const issued = invoices.filter((invoice) => invoice.issuedOn !== null);
    expect(new Set(issued.map((invoice) => invoice.issuedOn!.slice(0, 7))).size).toBeGreaterThanOrEqual(3);
    const paid = invoices.filter((invoice) => invoice.status === 'PAID');
    const lastPaidOn = (invoice: (typeof invoices)[number]) => invoice.payments.at(-1)!.paidOn;
    expect(paid.filter((invoice) => lastPaidOn(invoice) <= invoice.dueOn!).length, 'paid on time').toBeGreaterThan(0);
    expect(paid.filter((invoice) => lastPaidOn(invoice) > invoice.dueOn!).length, 'paid late').toBeGreaterThan(0);
    const overdueUnpaid = invoices.filter(
      (invoice) => ['APPROVED', 'PARTIALLY_PAID'].includes(invoice.status) && invoice.daysOverdue! > 0,
    );
    expect(overdueUnpaid.length).toBeGreaterThan(0);
    expect(page.dashboard.approvedUnpaid.invoices).toBeGreaterThan(0);
    expect(page.dashboard.approvedUnpaid.oldestDays).toBeGreaterThan(30);
    const unordered = await t.sql<{ id: string }>(
      `select i.id::text from invoice i
        where i.issued_on > (i.approved_at at time zone 'Africa/Algiers')::date
           or exists (select 1 from invoice_payment p where p.invoice_id = i.id
                       and (p.paid_on < (i.approved_at at time zone 'Africa/Algiers')::date or p.paid_on > (now() at time zone 'Africa/Algiers')::date))`,
    );
    expect(unordered).toEqual([]);
    const gapsOrDisorder = await t.sql<{ number: string }>(
      `select a.number from invoice a
         join invoice b on b.contractor_id = a.contractor_id and b.number_year = a.number_year
                       and b.number_sequence = a.number_sequence + 1
        where b.issued_on < a.issued_on
       union all
       select min(number) from invoice where number is not null
        group by contractor_id, number_year having count(*) <> max(number_sequence)`,
    );
    expect(gapsOrDisorder).toEqual([]);
  });
});

describe('demo data through acceptance', () => {
  it('gives every reported installation its report, bills every accepted one, and lets an installed one be accepted', async () => {
    const unreported = await t.sql<{ id: string }>(
      `select cs.id from customer_subscription cs
        where cs.status in ('INSTALLED', 'ACCEPTED', 'REJECTED')
          and not exists (select 1 from installation_report r where r.customer_subscription_id = cs.id)`,
    );
    expect(unreported).toEqual([]);
    const unbilled = await t.sql<{ id: string }>(
      `select cs.id from customer_subscription cs
        where cs.status = 'ACCEPTED' and not exists (select 1 from invoice_line l where l.customer_subscription_id = cs.id)`,
    );
    expect(unbilled).toEqual([]);
    const installed = await mustQuery<{
      customerSubscriptions: { edges: { node: { id: string; version: number } }[] };
    }>(t, '{ customerSubscriptions(first: 1, filter: { status: INSTALLED }) { edges { node { id version } } } }');
    const { id, version } = installed.customerSubscriptions.edges[0]!.node;
    const accepted = await mustQuery<{ acceptInstallation: { customerSubscription: { status: string } } }>(
      t,
      'mutation ($input: AcceptInstallationInput!) { acceptInstallation(input: $input) { customerSubscription { status } } }',
      { input: { id, expectedVersion: version } },
    );
    expect(accepted.acceptInstallation.customerSubscription.status).toBe('ACCEPTED');
  });
});

describe('demo data and its audit trail', () => {
  it('gives every record as many versions as audit events, as the API does', async () => {
    const mismatched = await t.sql<{ id: string }>(
      `select cs.id from customer_subscription cs
        where cs.version <> (select count(*) from audit_event e where e.entity_type = 'CUSTOMER_SUBSCRIPTION' and e.entity_id = cs.id::text)
       union all
       select c.id from contractor c
        where c.version <> (select count(*) from audit_event e where e.entity_type = 'CONTRACTOR' and e.entity_id = c.id::text)`,
    );
    expect(mismatched).toEqual([]);
  });
});

describe('demo data dated as the work would have been', () => {
  it('keeps appointments in working hours in Algiers, never on the weekend (Friday, Saturday), and the booked ones ahead', async () => {
    const outside = await t.sql<{ id: string; at: string }>(
      `select id, appointment_at::text as at from customer_subscription
        where appointment_at is not null
          and (extract(hour from appointment_at at time zone 'Africa/Algiers') not between 8 and 16
               or extract(isodow from appointment_at at time zone 'Africa/Algiers') in (5, 6))`,
    );
    expect(outside).toEqual([]);
    const past = await t.sql<{ id: string }>(
      `select id from customer_subscription where status = 'SCHEDULED' and appointment_at <= now()`,
    );
    expect(past).toEqual([]);
  });

  it('spreads acceptances over months, each billed on its own month’s invoice, and no step after its next', async () => {
    const periods = await t.sql<{ period: string; statuses: string[] }>(
      `select period, array_agg(distinct status::text order by status::text) as statuses from invoice group by period order by period`,
    );
    expect(periods.length).toBeGreaterThanOrEqual(3);
    expect(periods.at(-1)!.statuses).toContain('DRAFT');
    expect(periods.slice(0, -1).flatMap((row) => row.statuses)).not.toContain('DRAFT');
    const disordered = await t.sql<{ entity_id: string }>(
      `select e.entity_id from audit_event e
         join audit_event later on later.entity_type = e.entity_type and later.entity_id = e.entity_id and later.id > e.id
        where later.occurred_at < e.occurred_at
        limit 5`,
    );
    expect(disordered).toEqual([]);
    const acceptanceDays = await t.sql<{ days: string }>(
      `select count(distinct (status_changed_at at time zone 'Africa/Algiers')::date)::text as days
         from customer_subscription where status = 'ACCEPTED'`,
    );
    expect(Number(acceptanceDays[0]!.days)).toBeGreaterThan(20);
    const onWeekend = await t.sql<{ id: string }>(
      `select id from customer_subscription
        where status in ('ACCEPTED', 'REJECTED')
          and status_changed_at < date_trunc('day', now() at time zone 'Africa/Algiers') at time zone 'Africa/Algiers'
          and extract(isodow from status_changed_at at time zone 'Africa/Algiers') in (5, 6)`,
    );
    expect(onWeekend).toEqual([]);
  });

  it('places each order in its site’s commune, and each report is by a technician of the firm that did the work', async () => {
    const elsewhere = await t.sql<{ id: string }>(
      `select cs.id from customer_subscription cs join site s on s.id = cs.site_id where s.commune_id <> cs.commune_id`,
    );
    expect(elsewhere).toEqual([]);
    const shared = await t.sql<{ technician_name: string }>(
      `select r.technician_name from installation_report r
         join customer_subscription cs on cs.id = r.customer_subscription_id
        group by r.technician_name having count(distinct cs.contractor_id) > 1`,
    );
    expect(shared).toEqual([]);
  });
});
