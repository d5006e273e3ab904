import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, firmInvoice, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

/**
 * Rules of the invoice mutations that hold whatever the input: a stale `expectedVersion` changes
 * nothing (each mutation that takes one), and a document number is taken in its transaction (one that
 * fails leaves no gap).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

interface Line {
  id: string;
  itemCode: string;
}
const shown = `id version status number totalExcludingTax { centimes } netPayable { centimes } paid { centimes }
  credited { centimes } lines { id itemCode quantity creditedQuantity rejectionReason }`;

const invoice = async (id: string) =>
  (
    await mustQuery<{ invoice: { version: number; status: string; number: string | null; lines: Line[] } }>(
      t,
      `query ($id: ID!) { invoice(id: $id) { ${shown} } }`,
      { id },
    )
  ).invoice;

/** A firm's DRAFT invoice billing one accepted installation. */
async function draft(): Promise<{ id: string; version: number; lines: Line[] }> {
  const firm = await activeContractor(t);
  const work = await installedCustomerSubscription(t, firm.id);
  await mustQuery(
    t,
    'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
    {
      id: work,
    },
  );
  const { id } = await firmInvoice(t, firm.id);
  return { id, ...(await invoice(id)) };
}

const mutate = (name: string, inputType: string, input: Record<string, unknown>) =>
  t.graphql(`mutation ($input: ${inputType}!) { ${name}(input: $input) { invoice { id version } } }`, { input });
const codeOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.[0]?.extensions?.['code'] ?? 'OK';

const submit = (id: string, version: number) =>
  mutate('submitInvoice', 'InvoiceTransitionInput', { id, expectedVersion: version });
const approve = (id: string, version: number) =>
  mutate('approveInvoice', 'InvoiceTransitionInput', { id, expectedVersion: version });
const pay = (id: string, version: number) =>
  mutate('recordInvoicePayment', 'RecordInvoicePaymentInput', {
    invoiceId: id,
    expectedVersion: version,
    paidOn: new Date(Date.now() + 3_600_000).toISOString().slice(0, 10),
    amount: '100.00',
    method: 'BANK_TRANSFER',
    reference: 'VIR-BNA-000123',
  });
const credit = (id: string, version: number, lineId: string) =>
  mutate('issueCreditNote', 'IssueCreditNoteInput', {
    invoiceId: id,
    expectedVersion: version,
    reason: 'double facturation',
    lines: [{ lineId, quantity: '1' }],
  });
const askRevision = (id: string, version: number, lineId: string) =>
  mutate('requestInvoiceRevision', 'RequestInvoiceRevisionInput', {
    id,
    expectedVersion: version,
    rejectedLines: [{ lineId, reason: 'photo de la PTO manquante' }],
  });
const resubmit = (id: string, version: number, lineId: string) =>
  mutate('resubmitInvoice', 'ResubmitInvoiceInput', {
    id,
    expectedVersion: version,
    revisedLines: [{ lineId, quantity: '1' }],
  });

/** The invoice as the API shows it, and the payments, credit notes and document numbers there are. */
const state = async (id: string) => ({
  invoice: await invoice(id),
  rows: await t.sql(
    `select (select count(*)::int from invoice_payment where invoice_id = $1) as payments,
            (select count(*)::int from credit_note where invoice_id = $1) as credit_notes,
            (select coalesce(json_agg(d order by d.contractor_id, d.series, d.year), '[]') from document_sequence d) as sequences`,
    [id],
  ),
});

/** Runs `change` with a version one behind the invoice's: it must answer CONFLICT and change nothing. */
async function refusedAsStale(id: string, change: (staleVersion: number) => Promise<{ body: object }>): Promise<void> {
  const before = await state(id);
  const { body } = await change(before.invoice.version - 1);
  expect(codeOf(body)).toBe('CONFLICT');
  expect(await state(id)).toEqual(before);
}

describe('a stale expectedVersion', () => {
  it('is refused with CONFLICT by submitInvoice, approveInvoice, recordInvoicePayment and issueCreditNote, nothing changed', async () => {
    const { id, version, lines } = await draft();
    await refusedAsStale(id, (stale) => submit(id, stale));
    expect(codeOf((await submit(id, version)).body)).toBe('OK');
    await refusedAsStale(id, (stale) => approve(id, stale));
    await refusedAsStale(id, (stale) => credit(id, stale, lines[0]!.id));
    expect(codeOf((await approve(id, (await invoice(id)).version)).body)).toBe('OK');
    await refusedAsStale(id, (stale) => pay(id, stale));
    await refusedAsStale(id, (stale) => credit(id, stale, lines[0]!.id));
    // The same calls at the current version go through: the refusals above were for the version alone.
    expect(codeOf((await pay(id, (await invoice(id)).version)).body)).toBe('OK');
    expect(codeOf((await credit(id, (await invoice(id)).version, lines[0]!.id)).body)).toBe('OK');
  });

  it('is refused with CONFLICT by requestInvoiceRevision and resubmitInvoice, nothing changed', async () => {
    const { id, version, lines } = await draft();
    const pto = lines.find((line) => line.itemCode === 'PTO')!;
    expect(codeOf((await submit(id, version)).body)).toBe('OK');
    await refusedAsStale(id, (stale) => askRevision(id, stale, pto.id));
    expect(codeOf((await askRevision(id, (await invoice(id)).version, pto.id)).body)).toBe('OK');
    await refusedAsStale(id, (stale) => resubmit(id, stale, pto.id));
    expect(codeOf((await resubmit(id, (await invoice(id)).version, pto.id)).body)).toBe('OK');
  });
});

describe('document numbers', () => {
  it('are taken in the transaction of their document: one that fails after taking a number leaves no gap', async () => {
    const first = await draft();
    // Fails the submission's transaction after its number was taken: the invoice's row is written last.
    await t.sql(`create function test_fail_numbering() returns trigger language plpgsql as $$
      begin raise exception 'the transaction fails after taking its number'; end $$`);
    await t.sql(`create trigger test_fail_numbering before update on invoice for each row
      when (old.number is null and new.number is not null) execute function test_fail_numbering()`);
    const failed = await submit(first.id, first.version);
    expect(codeOf(failed.body)).toBe('INTERNAL_SERVER_ERROR');
    await t.sql('drop trigger test_fail_numbering on invoice');
    await t.sql('drop function test_fail_numbering()');
    expect(await invoice(first.id)).toMatchObject({ status: 'DRAFT', number: null, version: first.version });

    expect(codeOf((await submit(first.id, first.version)).body)).toBe('OK');
    const year = String(new Date(Date.now() + 3_600_000).getUTCFullYear());
    expect((await invoice(first.id)).number).toBe(`FA-${year}-00001`);
  });
});
