import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, expectRefusedFilter, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { Invoice } from './invoice.entity.js';
import { readInvoice } from './invoice.service.js';

/** Queries read invoices and their lines as rows (invoice-records.ts): the same answers as the entities, the same scope. */
let t: TestApp;
const firms: { id: string; invoiceId: string; token: string }[] = [];

const everyField = `id version createdAt updatedAt period status statusReason statusChangedAt number approvedAt issuedOn dueOn
  fiscalRegime retentionPercent contractor { id legalName } wilayaCodes
  lines { id itemCode designation unit quantity unitPrice { centimes amount currency } vatRatePercent amount { centimes amount currency }
    customerSubscriptionId orderReference rejectionReason creditedQuantity createdAt }
  totalExcludingTax { centimes } vatByRate { ratePercent base { centimes } amount { centimes } } totalVat { centimes }
  totalIncludingTax { centimes } retention { centimes } netPayable { centimes } credited { centimes } paid { centimes }
  balanceDue { centimes amount } daysOverdue amountInWords pdfPath payments { id amount { centimes } } creditNotes { id }
  viewerCan { submit approve requestRevision resubmit recordPayment issueCreditNote } viewerIsIssuer`;

beforeAll(async () => {
  t = await startTestApp();
  for (let n = 0; n < 2; n += 1) {
    const firm = await activeContractor(t);
    for (let i = 0; i < 2; i += 1)
      await mustQuery(
        t,
        'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
        { id: await installedCustomerSubscription(t, firm.id) },
      );
    const [draft] = await t.sql<{ id: string }>(`select id::text from invoice where contractor_id = $1`, [firm.id]);
    const email = `records-${n}@raccord.test`;
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email,
        displayName: 'Firm',
        role: 'CONTRACTOR',
        password: 'invoice records password',
        contractorId: firm.id,
      },
    });
    firms.push({ id: firm.id, invoiceId: draft!.id, token: await signIn(t.url, email, 'invoice records password') });
  }
});
afterAll(() => t.stop());

describe('invoices read as rows', () => {
  it('answers every field of an invoice, its lines and totals as the entity a mutation returns does', async () => {
    const [firm] = firms;
    const { invoice: before } = await mustQuery<{ invoice: { version: number } }>(
      t,
      'query ($id: ID!) { invoice(id: $id) { version } }',
      { id: firm!.invoiceId },
    );
    const submitted = await mustQuery<{ submitInvoice: { invoice: Record<string, unknown> } }>(
      t,
      `mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { ${everyField} } } }`,
      { id: firm!.invoiceId, v: before.version },
    );
    const read = await mustQuery<{
      invoice: Record<string, unknown>;
      invoices: { edges: { node: Record<string, unknown> }[] };
    }>(
      t,
      `query ($id: ID!, $c: ID!) { invoice(id: $id) { ${everyField} } invoices(filter: { contractorId: $c }) { edges { node { ${everyField} } } } }`,
      { id: firm!.invoiceId, c: firm!.id },
    );
    expect((submitted.submitInvoice.invoice['lines'] as unknown[]).length).toBeGreaterThan(2);
    expect(read.invoice).toEqual(submitted.submitInvoice.invoice);
    expect(read.invoices.edges.map((edge) => edge.node)).toEqual([submitted.submitInvoice.invoice]);
  });

  it('makes no entity of the invoice or its lines', async () => {
    const context = contextAt(t.app.orm, new Date().toISOString());
    const invoice = await readInvoice(context, firms[1]!.invoiceId);
    const lines = await context.loaders.invoices.lines.load(firms[1]!.invoiceId);
    expect(invoice).toMatchObject({ id: firms[1]!.invoiceId, contractor: { id: firms[1]!.id } });
    expect(invoice).not.toBeInstanceOf(Invoice);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]).toMatchObject({ invoice: { id: firms[1]!.invoiceId } });
    expect(context.em.getUnitOfWork().getIdentityMap().values()).toEqual([]);
  });

  it('shows a firm its own invoice and never another firm’s, by id or in the list', async () => {
    const [a, b] = firms;
    const query =
      'query ($id: ID!, $c: ID!) { invoice(id: $id) { id lines { id } } invoices(filter: { contractorId: $c }) { totalCount edges { node { id } } } }';
    type Seen = { invoice: { id: string } | null; invoices: { totalCount: number; edges: { node: { id: string } }[] } };
    const own = await t.graphql<Seen>(query, { id: a!.invoiceId, c: a!.id }, { authorization: `Bearer ${a!.token}` });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.invoice?.id).toBe(a!.invoiceId);
    expect(own.body.data!.invoices.edges.map((edge) => edge.node.id)).toEqual([a!.invoiceId]);
    const other = await t.graphql<Seen>(query, { id: b!.invoiceId, c: b!.id }, { authorization: `Bearer ${a!.token}` });
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data).toEqual({ invoice: null, invoices: { totalCount: 0, edges: [] } });
  });

  it('refuses a filter value that cannot be valid, naming it, before reading any invoice', async () => {
    const list = 'query ($filter: InvoiceFilterInput) { invoices(filter: $filter) { totalCount } }';
    for (const [filter, field, reason] of [
      [{ period: '2026-13' }, 'filter.period', 'must be a month YYYY-MM'],
      [{ period: 'décembre' }, 'filter.period', 'must be a month YYYY-MM'],
      [{ contractorId: 'firm-1' }, 'filter.contractorId', 'must be an id such as "42"'],
    ] as const) {
      expect(await expectRefusedFilter(t, list, { filter }, field, 'invoice')).toBe(reason);
    }
    const feed = 'query ($w: String) { invoiceChanges(after: "0", wilayaCode: $w) { position } }';
    expect(await expectRefusedFilter(t, feed, { w: '99' }, 'wilayaCode', 'change_event')).toBe(
      'must be the code of a wilaya, "01" to "58"',
    );
  });

  it('reads the lines of the invoices of a page in one statement', async () => {
    const { body } = await t.graphql<{ invoices: { edges: { node: { id: string; lines: unknown[] } }[] } }>(
      '{ invoices { edges { node { id lines { id } } } } }',
      undefined,
      { 'x-request-id': 'page-of-invoices-lines' },
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.invoices.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id).sort()).toEqual(firms.map((firm) => firm.invoiceId).sort());
    expect(nodes.every((node) => node.lines.length > 2)).toBe(true);
    expect(t.sqlOf('page-of-invoices-lines').filter((sql) => sql.includes('from "invoice_line"'))).toHaveLength(1);
  });

  it('names the work of each line by its order reference, read for all the lines of a page in one statement', async () => {
    type Named = { customerSubscriptionId: string; orderReference: string };
    const { body } = await t.graphql<{ invoices: { edges: { node: { lines: Named[] } }[] } }>(
      '{ invoices { edges { node { lines { customerSubscriptionId orderReference } } } } }',
      undefined,
      { 'x-request-id': 'page-of-order-references' },
    );
    expect(body.errors).toBeUndefined();
    const lines = body.data!.invoices.edges.flatMap((edge) => edge.node.lines);
    const references = await t.sql<{ id: string; order_reference: string }>(
      'select id::text, order_reference from customer_subscription where id = any($1::bigint[])',
      [lines.map((line) => line.customerSubscriptionId)],
    );
    expect(new Set(references.map((row) => row.order_reference)).size).toBe(4);
    expect(lines).toEqual(
      lines.map((line) => ({
        customerSubscriptionId: line.customerSubscriptionId,
        orderReference: references.find((row) => row.id === line.customerSubscriptionId)!.order_reference,
      })),
    );
    expect(
      t.sqlOf('page-of-order-references').filter((sql) => sql.includes('from "customer_subscription"')),
    ).toHaveLength(1);
  });
});
