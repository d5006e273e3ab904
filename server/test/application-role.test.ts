import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algiersDate } from '../src/common/time.js';
import { activeContractor, firmInvoice, installedCustomerSubscription, mustQuery, submitInvoice } from './api.js';
import { createTestDatabase, startTestApp, type TestApp, type TestDatabase } from './harness.js';

/**
 * The production setup of docs/operations.md ("A database role that does not own the tables"): the
 * migrations run as the tables' owner, the app as a role that may only read and write rows. That role
 * cannot lift the triggers that keep the audit trail and issued documents unchanged.
 */
const role = `raccord_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(18).toString('base64url');
let database: TestDatabase;
let t: TestApp;

async function asOwner(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

function roleUrl(): string {
  const url = new URL(database.url);
  url.username = role;
  url.password = password;
  return url.toString();
}

beforeAll(async () => {
  database = await createTestDatabase();
  // The grants of docs/operations.md, word for word but for the names.
  await asOwner([
    `CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`,
    `GRANT CONNECT ON DATABASE ${database.name} TO ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `GRANT USAGE ON SCHEMA graphile_worker TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${role}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${role}`,
  ]);
  t = await startTestApp({ DATABASE_URL: roleUrl(), MIGRATE_ON_START: 'false' }, { database });
});

afterAll(async () => {
  await t?.stop();
  const client = new pg.Client({ connectionString: new URL('/postgres', database.url).toString() });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${role}`);
  } finally {
    await client.end();
  }
});

describe('the app as a role that does not own its tables', () => {
  it('does its normal work: signs in, creates a contractor, accepts work, issues and pays an invoice', async () => {
    const firm = await activeContractor(t);
    const id = await installedCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id },
    );
    await submitInvoice(t, await firmInvoice(t, firm.id));
    const submitted = await firmInvoice(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { approveInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
      { id: submitted.id, v: submitted.version },
    );
    const approved = await firmInvoice(t, firm.id);
    const paid = await mustQuery<{ recordInvoicePayment: { invoice: { status: string; number: string } } }>(
      t,
      `mutation ($id: ID!, $v: Int!, $on: String!) { recordInvoicePayment(input: { invoiceId: $id, expectedVersion: $v,
         paidOn: $on, amount: "100.00", method: BANK_TRANSFER, reference: "VIR-1" }) { invoice { status number } } }`,
      { id: approved.id, v: approved.version, on: algiersDate(new Date()) },
    );
    expect(paid.recordInvoicePayment.invoice.status).toBe('PARTIALLY_PAID');
    // The app's connections are the role's (t.sql connects as the owner).
    const [connections] = await t.sql<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where usename = $1 and datname = $2',
      [role, database.name],
    );
    expect(connections!.n).toBeGreaterThan(0);
  });

  it('cannot lift the triggers that keep issued documents and the audit trail, nor truncate', async () => {
    const [triggers] = await t.sql<{ n: number }>(
      `select count(*)::int as n from pg_trigger where tgname in ('invoice_frozen_once_issued', 'audit_event_append_only', 'invoice_payment_adds_to_paid')`,
    );
    expect(triggers!.n).toBe(3);
    const client = new pg.Client({ connectionString: roleUrl() });
    await client.connect();
    try {
      for (const [table, trigger] of [
        ['invoice', 'invoice_frozen_once_issued'],
        ['audit_event', 'audit_event_append_only'],
        ['invoice_payment', 'invoice_payment_adds_to_paid'],
      ])
        await expect(
          client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`),
          `${table}.${trigger}`,
        ).rejects.toThrow(new RegExp(`must be owner of (table|relation) ${table}$`));
      await expect(client.query('ALTER TABLE "invoice" DISABLE TRIGGER ALL')).rejects.toThrow(
        /must be owner of (table|relation) invoice$/,
      );
      await expect(client.query('TRUNCATE "audit_event"')).rejects.toThrow('permission denied for table audit_event');
      await expect(client.query('DROP TRIGGER "invoice_frozen_once_issued" ON "invoice"')).rejects.toThrow(
        /must be owner of (table|relation) invoice$/,
      );
    } finally {
      await client.end();
    }
  });
});
