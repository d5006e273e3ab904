import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { createChangeLog } from '../../common/change-log.js';
import { isResync } from '../../common/events.js';
import { defaultQualityThresholds } from '../customer-subscription/installation-quality.js';
import { acceptInstallation } from './acceptance.service.js';
import { defaultBuyer } from './invoice-document.js';
import { submitInvoice, submitInvoicesOfClosedMonths, systemContext } from './invoice-issue.service.js';
import { formatDzd } from './money.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.['code'] ?? 'OK';
const as = (token: string) => ({ authorization: `Bearer ${token}` });

async function userOf(role: string, extra: Record<string, unknown>): Promise<string> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'invoicing user password', ...extra },
  });
  return signIn(t.url, email, 'invoicing user password');
}

const accept = (id: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  t.graphql<{ acceptInstallation: { customerSubscription: { id: string; status: string } } }>(
    'mutation ($input: AcceptInstallationInput!) { acceptInstallation(input: $input) { customerSubscription { id status } } }',
    { input: { id, expectedVersion: 4, ...extra } },
    headers,
  );

const invoiceFields = `id version status number issuedOn dueOn daysOverdue period statusReason
  totalExcludingTax { centimes } totalVat { centimes } totalIncludingTax { centimes } retention { centimes }
  netPayable { centimes } credited { centimes } paid { centimes } balanceDue { centimes amount currency } amountInWords pdfPath
  lines { id orderReference itemCode quantity creditedQuantity rejectionReason amount { centimes } }
  payments { id paidOn amount { centimes } method reference }
  creditNotes { id number reason totalExcludingTax { centimes } totalVat { centimes } netPayable { centimes } lines { itemCode quantity amount { centimes } } }`;

interface InvoiceView {
  id: string;
  version: number;
  status: string;
  number: string | null;
  issuedOn: string | null;
  dueOn: string | null;
  daysOverdue: number | null;
  period: string;
  statusReason: string | null;
  totalExcludingTax: { centimes: string };
  totalVat: { centimes: string };
  totalIncludingTax: { centimes: string };
  retention: { centimes: string };
  netPayable: { centimes: string };
  credited: { centimes: string };
  paid: { centimes: string };
  balanceDue: { centimes: string; amount: string; currency: string };
  amountInWords: string;
  pdfPath: string;
  lines: {
    id: string;
    orderReference: string;
    itemCode: string;
    quantity: string;
    creditedQuantity: string;
    rejectionReason: string | null;
    amount: { centimes: string };
  }[];
  payments: { id: string; paidOn: string; amount: { centimes: string }; method: string; reference: string }[];
  creditNotes: {
    id: string;
    number: string;
    reason: string;
    totalExcludingTax: { centimes: string };
    totalVat: { centimes: string };
    netPayable: { centimes: string };
    lines: unknown[];
  }[];
}

async function invoice(id: string): Promise<InvoiceView> {
  return (
    await mustQuery<{ invoice: InvoiceView }>(t, `query ($id: ID!) { invoice(id: $id) { ${invoiceFields} } }`, { id })
  ).invoice;
}

async function draftOf(firmId: string): Promise<InvoiceView> {
  const [row] = await t.sql<{ id: string }>(
    `select id::text from invoice where contractor_id = $1 and status = 'DRAFT'`,
    [firmId],
  );
  return invoice(row!.id);
}

/** A firm with `count` installations accepted onto its DRAFT invoice of the month. */
async function firmWithDraft(
  count = 1,
  overrides: Record<string, unknown> = {},
): Promise<{ firmId: string; draft: InvoiceView }> {
  const firm = await activeContractor(t, overrides);
  for (let i = 0; i < count; i += 1)
    expect(codeOf((await accept(await installedCustomerSubscription(t, firm.id))).body.errors)).toBe('OK');
  return { firmId: firm.id, draft: await draftOf(firm.id) };
}

const mutate = <T = Record<string, unknown>>(
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
  headers?: Record<string, string>,
) =>
  t.graphql<Record<string, T>>(
    `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`,
    { input },
    headers,
  );

const submit = (id: string, version: number, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  mutate<{ invoice: InvoiceView }>(
    'submitInvoice',
    'InvoiceTransitionInput',
    { id, expectedVersion: version, ...extra },
    `invoice { ${invoiceFields} }`,
    headers,
  );

const approve = (id: string, version: number, headers?: Record<string, string>) =>
  mutate<{ invoice: InvoiceView }>(
    'approveInvoice',
    'InvoiceTransitionInput',
    { id, expectedVersion: version },
    'invoice { id version status }',
    headers,
  );

const pay = (invoiceId: string, version: number, amount: string, extra: Record<string, unknown> = {}) =>
  mutate<{ payment: { id: string; amount: { centimes: string } }; invoice: InvoiceView }>(
    'recordInvoicePayment',
    'RecordInvoicePaymentInput',
    {
      invoiceId,
      expectedVersion: version,
      paidOn: algiersToday(),
      amount,
      method: 'BANK_TRANSFER',
      reference: 'VIR-BNA-000123',
      ...extra,
    },
    `payment { id amount { centimes } } invoice { ${invoiceFields} }`,
  );

/** The text of the PDF at `path` (fetched as the administrator), and its text pieces as pdfjs reads them. */
async function pdfAt(path: string): Promise<{ text: string; pieces: string[] }> {
  const response = await fetch(`${t.url}${path}`, { headers: as(t.adminToken) });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  let text = '';
  const pieces: string[] = [];
  for (let page = 1; page <= pdf.numPages; page += 1) {
    const content = await (await pdf.getPage(page)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    pieces.push(...content.items.map((item) => ('str' in item ? item.str : '')));
  }
  return { text, pieces };
}

/** Every whitespace variant (space, U+00A0, U+202F, line ends) as one space. */
const flattened = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/** Today in Algiers (UTC+1), computed independently of the code under test. */
const algiersToday = () => new Date(Date.now() + 3_600_000).toISOString().slice(0, 10);

/** The date `days` after `date` (YYYY-MM-DD), computed independently of the code under test. */
const plusDays = (date: string, days: number) =>
  new Date(new Date(`${date}T12:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('invoice lifecycle', () => {
  it('submits a DRAFT with the next number of the firm and year, the date of issue and the due date, and freezes its lines', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    expect(draft).toMatchObject({ status: 'DRAFT', number: null, issuedOn: null, dueOn: null, daysOverdue: null });
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const year = new Date(Date.now() + 3_600_000).toISOString().slice(0, 4);
    const today = new Date(Date.now() + 3_600_000).toISOString().slice(0, 10);
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      number: `FA-${year}-00001`,
      issuedOn: today,
      dueOn: plusDays(today, 30),
      daysOverdue: 0,
    });
    // Work accepted after the submission opens a new DRAFT: the submitted invoice keeps its lines.
    await accept(await installedCustomerSubscription(t, firmId));
    expect((await invoice(draft.id)).lines).toHaveLength(3);
    const next = await draftOf(firmId);
    expect(next.id).not.toBe(draft.id);
    expect((await submit(next.id, next.version)).body.data!['submitInvoice']!.invoice.number).toBe(`FA-${year}-00002`);
    const again = await submit(draft.id, submitted.version);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'SUBMITTED',
    });
  });

  it('lets a contractor submit its own invoice only; the audit trail records who and when', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    const other = await firmWithDraft(1);
    const token = await userOf('CONTRACTOR', { contractorId: firmId });
    expect(codeOf((await submit(other.draft.id, other.draft.version, {}, as(token))).body.errors)).toBe('NOT_FOUND');
    expect(codeOf((await submit(draft.id, draft.version, {}, as(token))).body.errors)).toBe('OK');
    const trail = await mustQuery<{ auditTrail: { fromStatus: string; toStatus: string; actorType: string }[] }>(
      t,
      'query ($id: ID!) { auditTrail(entityType: INVOICE, entityId: $id) { fromStatus toStatus actorType } }',
      { id: draft.id },
    );
    expect(trail.auditTrail).toEqual([{ fromStatus: 'DRAFT', toStatus: 'SUBMITTED', actorType: 'USER' }]);
    const seenByOther = await t.graphql(
      'query ($id: ID!) { auditTrail(entityType: INVOICE, entityId: $id) { id } }',
      { id: other.draft.id },
      as(token),
    );
    expect(seenByOther.body.data).toEqual({ auditTrail: [] });
  });

  it('approves, takes a partial payment then the rest, and refuses a payment over the balance with nothing written', async () => {
    const { draft } = await firmWithDraft(2);
    // Two standard installations: HT 14,625.00; VAT 2,778.75; TTC 17,403.75; retention 5 % 870.19 (870.1875); net 16,533.56.
    expect(draft).toMatchObject({
      totalIncludingTax: { centimes: '1740375' },
      retention: { centimes: '87019' },
      netPayable: { centimes: '1653356' },
    });
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    expect(codeOf((await pay(draft.id, submitted.version, '100.00')).body.errors)).toBe('INVALID_TRANSITION');
    const finance = await userOf('FINANCE', {});
    const approved = (await approve(draft.id, submitted.version, as(finance))).body.data!['approveInvoice']!.invoice;
    expect(approved.status).toBe('APPROVED');

    const first = (await pay(draft.id, approved.version, '10000.00')).body.data!['recordInvoicePayment']!;
    expect(first.invoice).toMatchObject({
      status: 'PARTIALLY_PAID',
      paid: { centimes: '1000000' },
      balanceDue: { centimes: '653356', amount: '6533.56', currency: 'DZD' },
    });
    // One change, one new version (a client holding `approved.version + 1` is up to date).
    expect(first.invoice.version).toBe(approved.version + 1);
    const over = await pay(draft.id, first.invoice.version, '6533.57');
    expect(over.body.errors?.[0]?.extensions).toMatchObject({
      code: 'AMOUNT_EXCEEDS_BALANCE',
      field: 'amount',
      balanceDue: { centimes: '653356' },
    });
    const [{ count }] = (await t.sql<{ count: string }>(
      'select count(*)::text as count from invoice_payment where invoice_id = $1',
      [draft.id],
    )) as [{ count: string }];
    expect(count).toBe('1');
    const rest = (
      await pay(draft.id, first.invoice.version, '6533.56', { method: 'CCP_TRANSFER', reference: 'CCP-778' })
    ).body.data!['recordInvoicePayment']!;
    expect(rest.invoice).toMatchObject({ status: 'PAID', balanceDue: { centimes: '0' }, daysOverdue: 0 });
    expect(rest.invoice.payments.map((payment) => [payment.amount.centimes, payment.method])).toEqual([
      ['1000000', 'BANK_TRANSFER'],
      ['653356', 'CCP_TRANSFER'],
    ]);
    expect(codeOf((await pay(draft.id, rest.invoice.version, '0.01')).body.errors)).toBe('INVALID_TRANSITION');
  });

  it('refuses malformed payments with a coded error naming the field', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const approved = (await approve(draft.id, submitted.version)).body.data!['approveInvoice']!.invoice;
    for (const [field, bad] of [
      ['amount', { amount: '12.345' }],
      ['amount', { amount: '1e3' }],
      ['amount', { amount: '0.00' }],
      ['amount', { amount: '-5' }],
      ['paidOn', { paidOn: '2026-02-30' }],
      ['paidOn', { paidOn: '2999-01-01' }],
      ['paidOn', { paidOn: '2020-01-01' }],
      ['reference', { reference: '   ' }],
    ] as const) {
      const refused = await pay(draft.id, approved.version, '1.00', bad);
      expect([field, refused.body.errors?.[0]?.extensions]).toMatchObject([field, { code: 'BAD_USER_INPUT', field }]);
    }
    expect((await invoice(draft.id)).payments).toEqual([]);
  });

  it('says why a payment date is refused as a code with the date it names: after today, or before the date of issue', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const approved = (await approve(draft.id, submitted.version)).body.data!['approveInvoice']!.invoice;
    const today = algiersToday();
    const future = await pay(draft.id, approved.version, '1.00', { paidOn: '2999-01-01' });
    expect(future.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'paidOn',
      reason: `must not be after today (${today}, Algiers)`,
      reasonCode: 'PAYMENT_AFTER_TODAY',
      reasonParams: { today },
    });
    const { issuedOn } = await invoice(draft.id);
    const early = await pay(draft.id, approved.version, '1.00', { paidOn: '2020-01-01' });
    expect(early.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'paidOn',
      reason: `must not be before the invoice's date of issue (${issuedOn})`,
      reasonCode: 'PAYMENT_BEFORE_ISSUE',
      reasonParams: { issuedOn },
    });
    expect((await invoice(draft.id)).payments).toEqual([]);
  });

  it('sends lines back for revision; the resubmission credits what the contractor withdraws with a numbered credit note', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const drop = draft.lines.find((line) => line.itemCode === 'DRP-AER')!;
    const pto = draft.lines.find((line) => line.itemCode === 'PTO')!;
    const asked = await mutate<{ invoice: InvoiceView }>(
      'requestInvoiceRevision',
      'RequestInvoiceRevisionInput',
      {
        id: draft.id,
        expectedVersion: submitted.version,
        rejectedLines: [
          { lineId: drop.id, reason: 'métré : 30 m relevés sur place' },
          { lineId: pto.id, reason: 'photo de la PTO manquante' },
        ],
      },
      `invoice { ${invoiceFields} }`,
    );
    const revising = asked.body.data!['requestInvoiceRevision']!.invoice;
    expect(revising.status).toBe('REVISION_REQUESTED');
    // The reasons the server writes name each line by its work's order number and its code, never by an id.
    const [work] = await t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where contractor_id = $1',
      [firmId],
    );
    const order = work!.order_reference;
    expect(order).toMatch(/^CMD-16-\d+$/);
    const rejectedInWords = `commande ${order}, DRP-AER : métré : 30 m relevés sur place ; commande ${order}, PTO : photo de la PTO manquante`;
    expect(revising.statusReason).toBe(rejectedInWords);
    expect(revising.lines.map((line) => line.orderReference)).toEqual([order, order, order]);
    expect(revising.lines.map((line) => line.rejectionReason)).toEqual([
      null,
      'métré : 30 m relevés sur place',
      'photo de la PTO manquante',
    ]);

    const resubmit = (revisedLines: unknown[], extra: Record<string, unknown> = {}) =>
      mutate<{ invoice: InvoiceView }>(
        'resubmitInvoice',
        'ResubmitInvoiceInput',
        { id: draft.id, expectedVersion: revising.version, revisedLines, ...extra },
        `invoice { ${invoiceFields} }`,
      );
    expect((await resubmit([{ lineId: drop.id, quantity: '30' }])).body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'revisedLines',
    });
    expect(
      (
        await resubmit([
          { lineId: drop.id, quantity: '43' },
          { lineId: pto.id, quantity: '1' },
        ])
      ).body.errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'revisedLines.0.quantity',
    });
    const done = (
      await resubmit([
        { lineId: drop.id, quantity: '30' },
        { lineId: pto.id, quantity: '1' },
      ])
    ).body.data!['resubmitInvoice']!.invoice;
    const year = submitted.number!.slice(3, 7);
    // The invoice's totals less its totals without the 12.5 m withdrawn: before HT 7,312.50, VAT 1,389.38, retention 435.09,
    // net 8,266.79; after HT 6,750.00, VAT 1,282.50, retention 401.63 (401.625), net 7,630.87; credited 562.50 HT, VAT 106.88, net 635.92.
    expect(done).toMatchObject({
      status: 'SUBMITTED',
      number: submitted.number,
      totalExcludingTax: { centimes: '731250' },
      credited: { centimes: '63592' },
    });
    expect(done.creditNotes).toEqual([
      {
        id: expect.any(String),
        number: `AV-${year}-00001`,
        reason: `Révision demandée — ${rejectedInWords}`,
        totalExcludingTax: { centimes: '56250' },
        totalVat: { centimes: '10688' },
        netPayable: { centimes: '63592' },
        lines: [{ itemCode: 'DRP-AER', quantity: '12.5', amount: { centimes: '56250' } }],
      },
    ]);
    expect(BigInt(done.balanceDue.centimes)).toBe(BigInt(done.netPayable.centimes) - 63_592n);
    expect(done.lines.map((line) => [line.quantity, line.creditedQuantity, line.rejectionReason])).toEqual([
      ['1', '0', null],
      ['42.5', '12.5', null],
      ['1', '0', null],
    ]);
    // The credit note's PDF, in French, names its line and the lines of its reason by order number.
    const creditNotePdf = await pdfAt(`/credit-notes/${done.creditNotes[0]!.id}/pdf`);
    expect(creditNotePdf.pieces).toContain('Commande');
    expect(creditNotePdf.pieces).toContain(order);
    expect(flattened(creditNotePdf.text).replace(/ /g, '')).toContain(
      `motif:Révisiondemandée—${rejectedInWords.replace(/ /g, '')}`,
    );
    expect(flattened(creditNotePdf.text)).not.toMatch(/ligne \d/);
  });

  it('corrects an issued invoice only by a credit note, never more than invoiced, and settles an approved invoice credited in full', async () => {
    const { draft } = await firmWithDraft(1);
    const credit = (version: number, lines: unknown[], extra: Record<string, unknown> = {}) =>
      mutate<{ creditNote: { number: string; netPayable: { centimes: string } }; invoice: InvoiceView }>(
        'issueCreditNote',
        'IssueCreditNoteInput',
        { invoiceId: draft.id, expectedVersion: version, reason: 'double facturation', lines, ...extra },
        `creditNote { number netPayable { centimes } } invoice { ${invoiceFields} }`,
      );
    expect(codeOf((await credit(draft.version, [{ lineId: draft.lines[0]!.id, quantity: '1' }])).body.errors)).toBe(
      'INVALID_TRANSITION',
    );
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const approved = (await approve(draft.id, submitted.version)).body.data!['approveInvoice']!.invoice;
    const tooMuch = await credit(approved.version, [{ lineId: draft.lines[1]!.id, quantity: '42.6' }]);
    expect(tooMuch.body.errors?.[0]?.extensions).toMatchObject({
      code: 'AMOUNT_EXCEEDS_BALANCE',
      field: 'lines.0.quantity',
      remainingQuantity: '42.5',
    });
    const whole = (
      await credit(
        approved.version,
        draft.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
      )
    ).body.data!['issueCreditNote']!;
    expect(whole.invoice).toMatchObject({
      status: 'PAID',
      totalExcludingTax: { centimes: '731250' },
      balanceDue: { centimes: '0' },
    });
    expect(whole.invoice.version).toBe(approved.version + 1);
    expect(whole.creditNote.netPayable.centimes).toBe(draft.netPayable.centimes);
  });

  it('links each line to the work it bills, each credited line to its invoice line, and names the wilayas an invoice bills', async () => {
    const firm = await activeContractor(t, { operatingWilayaCodes: ['16', '31'] });
    const [oran] = (await mustQuery<{ communes: { id: string }[] }>(t, '{ communes(wilayaCode: "31") { id } }'))
      .communes;
    const inAlgiers = await installedCustomerSubscription(t, firm.id);
    const inOran = await installedCustomerSubscription(t, firm.id, '-21.5', [{ code: 'RAC-STD', quantity: '1' }], {
      communeId: oran!.id,
    });
    expect(codeOf((await accept(inAlgiers)).body.errors)).toBe('OK');
    const otherFirm = await activeContractor(t);
    const elsewhere = await installedCustomerSubscription(t, otherFirm.id);
    expect(codeOf((await accept(elsewhere)).body.errors)).toBe('OK');
    const algiersOnly = await draftOf(firm.id);
    expect(codeOf((await accept(inOran)).body.errors)).toBe('OK');

    type Linked = {
      id: string;
      wilayaCodes: string[];
      lines: { id: string; customerSubscriptionId: string }[];
      creditNotes: { lines: { invoiceLineId: string }[] }[];
    };
    const linked = `id wilayaCodes lines { id customerSubscriptionId } creditNotes { lines { invoiceLineId } }`;
    // Both invoices in one list: their wilayas come from one batched query, each its own.
    const listed = await mustQuery<{ invoices: { edges: { node: { id: string; wilayaCodes: string[] } }[] } }>(
      t,
      '{ invoices(first: 100) { edges { node { id wilayaCodes } } } }',
    );
    const wilayasOf = new Map(listed.invoices.edges.map(({ node }) => [node.id, node.wilayaCodes]));
    expect(wilayasOf.get(algiersOnly.id)).toEqual(['16', '31']);
    const [theirs] = await t.sql<{ id: string }>(`select id::text from invoice where contractor_id = $1`, [
      otherFirm.id,
    ]);
    expect(wilayasOf.get(theirs!.id)).toEqual(['16']);
    const mine = (
      await mustQuery<{ invoice: Linked }>(t, `query ($id: ID!) { invoice(id: $id) { ${linked} } }`, {
        id: algiersOnly.id,
      })
    ).invoice;
    expect(mine.wilayaCodes).toEqual(['16', '31']);
    expect(mine.lines.map((line) => line.customerSubscriptionId)).toEqual([inAlgiers, inAlgiers, inAlgiers, inOran]);

    const submitted = (await submit(algiersOnly.id, (await invoice(algiersOnly.id)).version)).body.data![
      'submitInvoice'
    ]!.invoice;
    const dropLine = mine.lines[1]!;
    const credited = await t.graphql<{ issueCreditNote: { invoice: Linked } }>(
      `mutation ($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { invoice { ${linked} } } }`,
      {
        input: {
          invoiceId: algiersOnly.id,
          expectedVersion: submitted.version,
          reason: 'métrage surestimé',
          lines: [{ lineId: dropLine.id, quantity: '2.5' }],
        },
      },
    );
    expect(credited.body.errors).toBeUndefined();
    expect(credited.body.data!.issueCreditNote.invoice.creditNotes).toEqual([
      { lines: [{ invoiceLineId: dropLine.id }] },
    ]);
  });

  it('lets a DOT manager approve only invoices whose work lies wholly in its wilayas', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    const algiers = await userOf('DOT_MANAGER', { wilayaCodes: ['16'] });
    const blida = await userOf('DOT_MANAGER', { wilayaCodes: ['09'] });
    // The firm also works in Blida: its invoice now bills work in two wilayas.
    const [commune] = await t.sql<{ id: string }>(
      `select id::text from commune where wilaya_code = '09' order by id limit 1`,
    );
    await accept(await installedCustomerSubscription(t, firmId, '-21.5', undefined, { communeId: commune!.id }));
    const mixed = await invoice(draft.id);
    const submitted = (await submit(mixed.id, mixed.version)).body.data!['submitInvoice']!.invoice;
    expect((await approve(draft.id, submitted.version, as(blida))).body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      wilayas: ['16'],
    });
    expect((await approve(draft.id, submitted.version, as(algiers))).body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      wilayas: ['09'],
    });
    const oran = await userOf('DOT_MANAGER', { wilayaCodes: ['31'] });
    expect(codeOf((await approve(draft.id, submitted.version, as(oran))).body.errors)).toBe('NOT_FOUND');
    const both = await userOf('DOT_MANAGER', { wilayaCodes: ['09', '16'] });
    expect(codeOf((await approve(draft.id, submitted.version, as(both))).body.errors)).toBe('OK');
  });

  it('gives the due date and the whole days overdue on the server’s payment term, through approval and part payment, none once paid', async () => {
    // Each invoice issued at noon in Algiers, `days` days ago, on a clock the test sets; the API reads today.
    const issuedDaysAgo = async (days: number, paymentTermsDays = 30) => {
      const { draft } = await firmWithDraft(1);
      const day = plusDays(algiersToday(), -days);
      const issuing = contextAt(t.app.orm, `${day}T11:00:00Z`);
      await submitInvoice(
        { ...issuing, settings: { ...issuing.settings!, paymentTermsDays } },
        { id: draft.id, expectedVersion: draft.version },
      );
      return invoice(draft.id);
    };
    expect(await issuedDaysAgo(29)).toMatchObject({ dueOn: plusDays(algiersToday(), 1), daysOverdue: 0 });
    expect(await issuedDaysAgo(30)).toMatchObject({ dueOn: algiersToday(), daysOverdue: 0 });
    expect(await issuedDaysAgo(31)).toMatchObject({ dueOn: plusDays(algiersToday(), -1), daysOverdue: 1 });
    // The term is the server's setting (PAYMENT_TERMS_DAYS), frozen on the invoice at issue.
    expect(await issuedDaysAgo(50, 45)).toMatchObject({ dueOn: plusDays(algiersToday(), -5), daysOverdue: 5 });

    const late = await issuedDaysAgo(45);
    expect(late).toMatchObject({ status: 'SUBMITTED', issuedOn: plusDays(algiersToday(), -45), daysOverdue: 15 });
    const approved = (await approve(late.id, late.version)).body.data!['approveInvoice']!.invoice;
    expect((await invoice(late.id)).daysOverdue).toBe(15);
    const part = (await pay(late.id, approved.version, '100.00')).body.data!['recordInvoicePayment']!.invoice;
    expect(part).toMatchObject({ status: 'PARTIALLY_PAID', daysOverdue: 15 });
    const paid = (await pay(late.id, part.version, part.balanceDue.amount)).body.data!['recordInvoicePayment']!;
    expect(paid.invoice).toMatchObject({ status: 'PAID', daysOverdue: 0, dueOn: plusDays(algiersToday(), -15) });
  });
});

describe('found by an adversarial review', () => {
  const credit = (invoiceId: string, version: number, lines: unknown[]) =>
    mutate<{ creditNote: { number: string; netPayable: { centimes: string } }; invoice: InvoiceView }>(
      'issueCreditNote',
      'IssueCreditNoteInput',
      { invoiceId, expectedVersion: version, reason: 'correction', lines },
      `creditNote { number netPayable { centimes } } invoice { ${invoiceFields} }`,
    );

  it('credits a line in pieces to exactly its share of the invoice: no drift, no balance left or overpaid', async () => {
    const { draft } = await firmWithDraft(1);
    let current = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const drop = current.lines.find((line) => line.itemCode === 'DRP-AER')!;
    for (const quantity of ['0.001', '0.001', '0.001', '42.497']) {
      const result = await credit(current.id, current.version, [{ lineId: drop.id, quantity }]);
      expect(codeOf(result.body.errors)).toBe('OK');
      current = result.body.data!['issueCreditNote']!.invoice;
    }
    const rest = current.lines
      .filter((line) => line.id !== drop.id)
      .map((line) => ({ lineId: line.id, quantity: line.quantity }));
    current = (await credit(current.id, current.version, rest)).body.data!['issueCreditNote']!.invoice;
    expect(current.credited.centimes).toBe(draft.netPayable.centimes);
    expect(current.balanceDue.centimes).toBe('0');
  });

  it('keeps issued invoices, their lines, credit notes and payments unchanged in the database itself: plain SQL is refused', async () => {
    const { draft } = await firmWithDraft(2);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const credited = (
      await credit(submitted.id, submitted.version, [{ lineId: submitted.lines[0]!.id, quantity: '1' }])
    ).body.data!['issueCreditNote']!.invoice;
    const finance = await userOf('FINANCE', {});
    const approved = (await approve(credited.id, credited.version, as(finance))).body.data!['approveInvoice']!.invoice;
    const paid = (await pay(approved.id, approved.version, '100.00')).body.data!['recordInvoicePayment']!.invoice;
    const line = paid.lines[1]!;

    await expect(t.sql('update invoice_line set quantity = 99 where id = $1', [line.id])).rejects.toThrow(
      `invoice ${paid.number} is issued: UPDATE of its line ${line.id} refused (quantity); an issued invoice is corrected by a credit note`,
    );
    const refusals: [string, RegExp][] = [
      ['update invoice_line set amount_centimes = 1 where invoice_id = $1', /is issued: UPDATE of its line/],
      ['delete from invoice_line where invoice_id = $1', /is issued: DELETE of its line/],
      // A line added to an issued invoice would change the document it printed.
      [
        `insert into invoice_line (invoice_id, customer_subscription_id, item_code, designation, unit, quantity,
           unit_price_centimes, vat_rate_percent, amount_centimes, created_at)
         select invoice_id, customer_subscription_id, item_code, designation, unit, 1, unit_price_centimes,
           vat_rate_percent, unit_price_centimes, now() from invoice_line where invoice_id = $1 limit 1`,
        /is issued: a line cannot be added to it/,
      ],
      [
        'update invoice set net_payable_centimes = 1 where id = $1',
        /is issued: UPDATE refused \(net_payable_centimes\)/,
      ],
      [
        `update invoice set due_on = due_on + 30, seller_identity = '{}' where id = $1`,
        /UPDATE refused \(due_on, seller_identity\)/,
      ],
      ['delete from invoice where id = $1', /is issued: DELETE refused/],
      // Back to DRAFT, an issued invoice would be open to any change; what was paid or credited stays so.
      [`update invoice set status = 'DRAFT' where id = $1`, /is issued: it cannot go back to DRAFT/],
      [
        `update invoice set paid_centimes = 0, status = 'APPROVED' where id = $1`,
        /is issued: its amounts paid and credited cannot go down/,
      ],
      ['update invoice set credited_centimes = 0 where id = $1', /its amounts paid and credited cannot go down/],
      [
        'update credit_note set reason = $$autre$$ where invoice_id = $1',
        /credit note AV-\d{4}-00001 is issued: UPDATE refused/,
      ],
      [
        'delete from credit_note_line where credit_note_id in (select id from credit_note where invoice_id = $1)',
        /credit note lines are issued: DELETE refused/,
      ],
      ['update invoice_payment set amount_centimes = 1 where invoice_id = $1', /payments are recorded: UPDATE refused/],
      ['delete from invoice_payment where invoice_id = $1', /payments are recorded: DELETE refused/],
      ['truncate invoice_payment', /payments are recorded: TRUNCATE refused/],
      ['truncate invoice, invoice_line, credit_note, credit_note_line, invoice_payment cascade', /TRUNCATE refused/],
    ];
    for (const [statement, refusal] of refusals) {
      const values = statement.includes('$1') ? [paid.id] : [];
      await expect(t.sql(statement, values), statement).rejects.toThrow(refusal);
    }
    expect(await invoice(paid.id)).toEqual(paid);

    // What changes after issue — the status, the amounts credited and paid, a line's rejection — still may.
    await t.sql(
      `update invoice set status_reason = 'relance', paid_centimes = paid_centimes, status_changed_at = now(), version = version + 1, updated_at = now() where id = $1`,
      [paid.id],
    );
    await t.sql(
      `update invoice_line set rejection_reason = 'métré', credited_quantity = credited_quantity where id = $1`,
      [line.id],
    );
    // A DRAFT is not issued: its rows stay the application's to change.
    const { draft: open } = await firmWithDraft(1);
    await t.sql('update invoice set total_vat_centimes = total_vat_centimes + 1 where id = $1', [open.id]);
  });

  it("keeps an invoice's amount paid equal to the sum of its payments in the database itself", async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const finance = await userOf('FINANCE', {});
    const approved = (await approve(submitted.id, submitted.version, as(finance))).body.data!['approveInvoice']!
      .invoice;
    const paid = (await pay(approved.id, approved.version, '100.00')).body.data!['recordInvoicePayment']!.invoice;
    expect(paid.paid.centimes).toBe('10000');
    const breaks = [
      'update invoice set paid_centimes = paid_centimes + 1 where id = $1',
      `insert into invoice_payment (invoice_id, paid_on, amount_centimes, method, reference, recorded_at, recorded_by_type)
         select id, issued_on, 500, 'BANK_TRANSFER', 'VIR-SQL', now(), 'SYSTEM' from invoice where id = $1`,
    ];
    for (const statement of breaks)
      await expect(t.sql(statement, [paid.id]), statement).rejects.toThrow(
        /invoice \S+: paid_centimes \d+ is not the sum of its payments, \d+/,
      );
    // Both together, in one transaction, keep the rule.
    await t.sql(
      `with payment as (
         insert into invoice_payment (invoice_id, paid_on, amount_centimes, method, reference, recorded_at, recorded_by_type)
         select id, issued_on, 500, 'BANK_TRANSFER', 'VIR-SQL', now(), 'SYSTEM' from invoice where id = $1)
       update invoice set paid_centimes = paid_centimes + 500 where id = $1`,
      [paid.id],
    );
    expect((await invoice(paid.id)).paid.centimes).toBe('10500');
  });

  it('refuses to credit a fraction of a forfait or a unit', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const forfait = submitted.lines.find((line) => line.itemCode === 'RAC-STD')!;
    expect(
      (await credit(submitted.id, submitted.version, [{ lineId: forfait.id, quantity: '0.5' }])).body.errors?.[0]
        ?.extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'lines.0.quantity',
    });
  });

  it('answers a malformed credit quantity with BAD_USER_INPUT, not an internal error', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    for (const quantity of ['1,5', 'abc', '', '١']) {
      const refused = await credit(submitted.id, submitted.version, [{ lineId: submitted.lines[0]!.id, quantity }]);
      expect([quantity, refused.body.errors?.[0]?.extensions]).toMatchObject([
        quantity,
        { code: 'BAD_USER_INPUT', field: 'lines.0.quantity' },
      ]);
    }
  });

  it('settles at approval an invoice whose credit notes leave nothing to pay', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const credited = (
      await credit(
        submitted.id,
        submitted.version,
        submitted.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })),
      )
    ).body.data!['issueCreditNote']!.invoice;
    expect(credited).toMatchObject({ status: 'SUBMITTED', balanceDue: { centimes: '0' } });
    expect((await approve(credited.id, credited.version)).body.data!['approveInvoice']!.invoice.status).toBe('PAID');
  });

  it('invoices VAT by the regime in force when the invoice is issued, not when its draft opened', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    expect(draft.totalVat.centimes).toBe('138938');
    const [{ version }] = (await t.sql<{ version: number }>('select version from contractor where id = $1', [
      firmId,
    ])) as [{ version: number }];
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { updateContractor(id: $id, expectedVersion: $v, input: { fiscalRegime: IFU }) { contractor { id } } }',
      { id: firmId, v: version },
    );
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    expect(submitted).toMatchObject({ totalVat: { centimes: '0' }, totalIncludingTax: { centimes: '731250' } });
  });

  it('reprices a DRAFT under the regime in force at each acceptance', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    const [{ version }] = (await t.sql<{ version: number }>('select version from contractor where id = $1', [
      firmId,
    ])) as [{ version: number }];
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { updateContractor(id: $id, expectedVersion: $v, input: { fiscalRegime: IFU }) { contractor { id } } }',
      { id: firmId, v: version },
    );
    await accept(await installedCustomerSubscription(t, firmId));
    expect(await invoice(draft.id)).toMatchObject({
      totalVat: { centimes: '0' },
      totalIncludingTax: { centimes: '1462500' },
    });
  });

  it('limits a firm-bound API key to a contractor’s scopes, whoever creates it', async () => {
    const firm = await activeContractor(t);
    const refused = await t.graphql(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      {
        input: { name: 'firm key', contractorId: firm.id, scopes: ['READ_INVOICES', 'WRITE_RECORD_INVOICE_PAYMENT'] },
      },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'scopes' });
  });

  it('shows a DOT manager the invoices that bill work in its wilayas only', async () => {
    const { draft } = await firmWithDraft(1);
    const oran = await userOf('DOT_MANAGER', { wilayaCodes: ['31'] });
    const algiers = await userOf('DOT_MANAGER', { wilayaCodes: ['16'] });
    const query = 'query ($id: ID!) { invoice(id: $id) { id } invoices(first: 100) { edges { node { id } } } }';
    type Seen = { invoice: { id: string } | null; invoices: { edges: { node: { id: string } }[] } };
    const seenByOran = await t.graphql<Seen>(query, { id: draft.id }, as(oran));
    expect(seenByOran.body.data!.invoice).toBeNull();
    expect(seenByOran.body.data!.invoices.edges.map((edge) => edge.node.id)).not.toContain(draft.id);
    expect((await fetch(`${t.url}/invoices/${draft.id}/pdf`, { headers: as(oran) })).status).toBe(404);
    const seenByAlgiers = await t.graphql<Seen>(query, { id: draft.id }, as(algiers));
    expect(seenByAlgiers.body.data!.invoice).toEqual({ id: draft.id });
    const ids = seenByAlgiers.body.data!.invoices.edges.map((edge) => edge.node.id);
    expect(ids).toContain(draft.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('acceptance while the month’s invoice is being submitted', () => {
  it('opens a new DRAFT for the work accepted while the firm submits its draft, instead of failing', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    const next = await installedCustomerSubscription(t, firmId);
    // Hold the draft as a submission does, let the acceptance queue behind it, then issue it.
    const submitter = new pg.Client({ connectionString: t.database.url });
    await submitter.connect();
    try {
      await submitter.query('begin');
      await submitter.query('select id from invoice where id = $1 for update', [draft.id]);
      const accepting = accept(next);
      // The acceptance waits for the draft's lock: a backend of this database is seen waiting on a lock.
      await eventually(async () => {
        const [waiting] = await t.sql<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        expect(waiting!.n).toBeGreaterThan(0);
      });
      await submitter.query(`update invoice set status = 'SUBMITTED', version = version + 1 where id = $1`, [draft.id]);
      await submitter.query('commit');
      expect(codeOf((await accepting).body.errors)).toBe('OK');
    } finally {
      await submitter.end();
    }
    const fresh = await draftOf(firmId);
    expect(fresh.id).not.toBe(draft.id);
    expect(fresh.lines).toHaveLength(3);
    expect((await invoice(draft.id)).lines).toHaveLength(3);
  });
});

describe('the invoice list', () => {
  it('pages through the invoices a DOT manager may see, each once, newest month first, with filters', async () => {
    for (let i = 0; i < 3; i += 1) await firmWithDraft(2);
    const algiers = await userOf('DOT_MANAGER', { wilayaCodes: ['16'] });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      type Page = {
        invoices: {
          edges: { node: { id: string; period: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const { body }: { body: { data?: Page | null; errors?: unknown } } = await t.graphql<Page>(
        'query ($after: String) { invoices(first: 2, after: $after) { edges { node { id period } } pageInfo { hasNextPage endCursor } } }',
        { after },
        as(algiers),
      );
      expect(body.errors).toBeUndefined();
      seen.push(...body.data!.invoices.edges.map((edge) => edge.node.id));
      after = body.data!.invoices.pageInfo.hasNextPage ? body.data!.invoices.pageInfo.endCursor : null;
    } while (after);
    const [{ count }] = (await t.sql<{ count: string }>(
      `select count(distinct i.id)::text as count from invoice i join invoice_line l on l.invoice_id = i.id
         join customer_subscription cs on cs.id = l.customer_subscription_id where cs.wilaya_code = '16'`,
    )) as [{ count: string }];
    expect(seen.length).toBe(Number(count));
    expect(new Set(seen).size).toBe(seen.length);
    const drafts = await mustQuery<{ invoices: { totalCount: number; edges: { node: { status: string } }[] } }>(
      t,
      '{ invoices(first: 100, filter: { status: DRAFT }) { totalCount edges { node { status } } } }',
    );
    expect(drafts.invoices.edges.every((edge) => edge.node.status === 'DRAFT')).toBe(true);
    expect(codeOf((await t.graphql('{ invoices(filter: { period: "2026-13" }) { totalCount } }')).body.errors)).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('idempotency keys on money-moving mutations', () => {
  it('applies a payment once for a key, returns the first payment on a retry, and refuses the key with another input', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const approved = (await approve(draft.id, submitted.version)).body.data!['approveInvoice']!.invoice;
    const key = `pay-${draft.id}-1`;
    const first = (await pay(draft.id, approved.version, '1000.00', { idempotencyKey: key })).body.data![
      'recordInvoicePayment'
    ]!;
    const retry = (await pay(draft.id, approved.version, '1000.00', { idempotencyKey: key })).body;
    expect(retry.errors).toBeUndefined();
    expect(retry.data!['recordInvoicePayment']!.payment.id).toBe(first.payment.id);
    expect(retry.data!['recordInvoicePayment']!.invoice.paid.centimes).toBe('100000');
    const reused = await pay(draft.id, approved.version, '2000.00', { idempotencyKey: key });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    const simultaneous = await Promise.all(
      Array.from({ length: 10 }, () => pay(draft.id, first.invoice.version, '500.00', { idempotencyKey: `${key}-b` })),
    );
    expect(new Set(simultaneous.map((result) => result.body.data?.['recordInvoicePayment']?.payment.id)).size).toBe(1);
    expect((await invoice(draft.id)).payments.map((payment) => payment.amount.centimes)).toEqual(['100000', '50000']);
  });

  it('keeps a key for 7 days: a retry within them replays, after them the key is new again', async () => {
    const { draft } = await firmWithDraft(1);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const approved = (await approve(draft.id, submitted.version)).body.data!['approveInvoice']!.invoice;
    const key = `pay-${draft.id}-aged`;
    const first = (await pay(draft.id, approved.version, '1000.00', { idempotencyKey: key })).body.data![
      'recordInvoicePayment'
    ]!;
    const age = (interval: string) =>
      t.sql(`update idempotency_record set created_at = created_at - $2::interval where key = $1`, [key, interval]);
    await age('6 days 23 hours 59 minutes');
    const replayed = (await pay(draft.id, approved.version, '1000.00', { idempotencyKey: key })).body;
    expect(replayed.data?.['recordInvoicePayment']?.payment.id).toBe(first.payment.id);
    await age('2 minutes');
    const anew = (await pay(draft.id, first.invoice.version, '2000.00', { idempotencyKey: key })).body;
    expect(anew.errors).toBeUndefined();
    expect(anew.data!['recordInvoicePayment']!.payment.id).not.toBe(first.payment.id);
    expect((await invoice(draft.id)).payments.map((payment) => payment.amount.centimes)).toEqual(['100000', '200000']);
  });

  it('bills an acceptance once for a key, and accepts the same key from another user as theirs', async () => {
    const firm = await activeContractor(t);
    const id = await installedCustomerSubscription(t, firm.id);
    const first = await accept(id, { idempotencyKey: 'accept-1' });
    const retry = await accept(id, { idempotencyKey: 'accept-1' });
    expect([codeOf(first.body.errors), codeOf(retry.body.errors)]).toEqual(['OK', 'OK']);
    expect(retry.body.data!.acceptInstallation.customerSubscription).toEqual({ id, status: 'ACCEPTED' });
    expect((await draftOf(firm.id)).lines).toHaveLength(3);
    const other = await installedCustomerSubscription(t, firm.id);
    expect(codeOf((await accept(other, { idempotencyKey: 'accept-1' })).body.errors)).toBe('IDEMPOTENCY_KEY_REUSED');
    const dot = await userOf('DOT_MANAGER', { wilayaCodes: ['16'] });
    expect(codeOf((await accept(other, { idempotencyKey: 'accept-1' }, as(dot))).body.errors)).toBe('OK');
    expect(codeOf((await accept(other, { idempotencyKey: 'not a key!' })).body.errors)).toBe('BAD_USER_INPUT');
  });
});

describe('concurrency', () => {
  it('bills 50 simultaneous acceptances for one contractor: exactly 50 × 3 lines and the right totals', async () => {
    const firm = await activeContractor(t);
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) ids.push(await installedCustomerSubscription(t, firm.id));
    const results = await Promise.all(ids.map((id) => accept(id)));
    expect(results.map((result) => codeOf(result.body.errors))).toEqual(Array(50).fill('OK'));
    const draft = await draftOf(firm.id);
    expect(draft.lines).toHaveLength(150);
    const [sql] = await t.sql<{ lines: string; customers: string }>(
      'select count(*)::text as lines, count(distinct customer_subscription_id)::text as customers from invoice_line where invoice_id = $1',
      [draft.id],
    );
    expect(sql).toEqual({ lines: '150', customers: '50' });
    // 50 × 7,312.50 = 365,625.00 HT; VAT 19 % = 69,468.75; TTC 435,093.75; retention 5 % = 21,754.6875 → 21,754.69; net 413,339.06.
    expect(draft).toMatchObject({
      totalExcludingTax: { centimes: '36562500' },
      totalVat: { centimes: '6946875' },
      totalIncludingTax: { centimes: '43509375' },
      retention: { centimes: '2175469' },
      netPayable: { centimes: '41333906' },
    });
  });

  it('numbers 50 simultaneous submissions of one contractor 1 to 50, with no gap and no duplicate', async () => {
    const { firmId, draft } = await firmWithDraft(1);
    // Forty-nine more DRAFTs of the firm, for earlier months, each with a copy of the first draft's lines.
    for (let month = 1; month <= 49; month += 1) {
      const period = `${2021 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
      const [row] = await t.sql<{ id: string }>(
        `insert into invoice (version, created_at, updated_at, status_changed_at, contractor_id, period, status, fiscal_regime, retention_percent,
           total_excluding_tax_centimes, total_vat_centimes, total_including_tax_centimes, retention_centimes, net_payable_centimes, vat_by_rate)
         select 1, now(), now(), now(), contractor_id, $2, 'DRAFT', fiscal_regime, retention_percent, total_excluding_tax_centimes, total_vat_centimes,
           total_including_tax_centimes, retention_centimes, net_payable_centimes, vat_by_rate from invoice where id = $1 returning id::text`,
        [draft.id, period],
      );
      await t.sql(
        `insert into invoice_line (invoice_id, customer_subscription_id, item_code, designation, unit, quantity, unit_price_centimes, vat_rate_percent, amount_centimes, created_at)
         select $2, customer_subscription_id, item_code, designation, unit, quantity, unit_price_centimes, vat_rate_percent, amount_centimes, created_at from invoice_line where invoice_id = $1`,
        [draft.id, row!.id],
      );
    }
    const drafts = await t.sql<{ id: string; version: number }>(
      `select id::text, version from invoice where contractor_id = $1 and status = 'DRAFT'`,
      [firmId],
    );
    expect(drafts).toHaveLength(50);
    const results = await Promise.all(drafts.map(({ id, version }) => submit(id, version)));
    expect(results.map((result) => codeOf(result.body.errors))).toEqual(Array(50).fill('OK'));
    const numbers = results.map((result) => result.body.data!['submitInvoice']!.invoice.number!).sort();
    const year = numbers[0]!.slice(3, 7);
    expect(numbers).toEqual(
      Array.from({ length: 50 }, (_, index) => `FA-${year}-${String(index + 1).padStart(5, '0')}`),
    );
  });
});

describe('time (Africa/Algiers, whatever the server’s zone)', () => {
  const at = (instant: string) => contextAt(t.app.orm, instant);

  it('bills an installation accepted at 23:30 UTC on 31 March on the April invoice, even with the process in UTC−10', async () => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Honolulu';
    try {
      const firm = await activeContractor(t);
      const id = await installedCustomerSubscription(t, firm.id);
      await acceptInstallation(at('2026-03-31T23:30:00Z'), { id, expectedVersion: 4 });
      const [row] = await t.sql<{ period: string }>('select period from invoice where contractor_id = $1', [firm.id]);
      expect(row!.period).toBe('2026-04');
    } finally {
      process.env['TZ'] = zone;
    }
  });

  it('submits DRAFTs when their month has closed in Algiers, not before, and tells subscribers', async () => {
    const firm = await activeContractor(t);
    const id = await installedCustomerSubscription(t, firm.id);
    await acceptInstallation(at('2026-04-30T22:30:00Z'), { id, expectedVersion: 4 });
    const logger = pino({ level: 'silent' });
    const events = createChangeLog({ orm: t.app.orm, databaseUrl: t.database.url, logger });
    await events.start();
    // The acceptance's own event read first: the subscription starts after it.
    await eventually(async () => {
      const [log] = await t.sql<{ head: string; waiting: number }>(
        'select head::text, (select count(*)::int from change_event where position is null) as waiting from change_log_state',
      );
      expect([log!.waiting, events.head()]).toEqual([0, log!.head]);
    });
    const announced = events.subscribe(['INVOICE_CHANGED']);
    // A subscription listens from its first read on.
    expect(isResync((await announced.next()).value)).toBe(true);
    const settings = {
      qualityThresholds: defaultQualityThresholds,
      retentionPercent: '5',
      paymentTermsDays: 30,
      positionToleranceMetres: 300,
      buyer: defaultBuyer,
      events,
    };
    const system = (instant: string) => ({
      ...systemContext(t.app.orm, { logger, settings }),
      clock: () => new Date(instant),
    });
    await submitInvoicesOfClosedMonths(t.app.orm, system('2026-04-30T22:59:00Z'));
    const [before] = await t.sql<{ status: string }>('select status from invoice where contractor_id = $1', [firm.id]);
    expect(before!.status).toBe('DRAFT');
    await submitInvoicesOfClosedMonths(t.app.orm, system('2026-04-30T23:00:00Z'));
    const [after] = await t.sql<{ status: string; number: string; issued_on: string; status_reason: string }>(
      `select status, number, to_char(issued_on, 'YYYY-MM-DD') as issued_on, status_reason from invoice where contractor_id = $1`,
      [firm.id],
    );
    expect(after).toEqual({
      status: 'SUBMITTED',
      number: 'FA-2026-00001',
      issued_on: '2026-05-01',
      status_reason: 'clôture du mois 2026-04',
    });
    // Earlier tests' drafts of closed months are submitted by the same run: find this firm's.
    const submittedFor: string[] = [];
    while (!submittedFor.includes(firm.id)) {
      const event = (await announced.next()).value as { payload: { contractorId: string; change: string } };
      expect(event.payload.change).toBe('SUBMITTED');
      submittedFor.push(event.payload.contractorId);
    }
    await announced.return?.();
    await events.close();
  });
});

describe('the invoice PDF', () => {
  it('opens, carries the mentions and shows the same totals as the API, under the invoice’s access rule', async () => {
    const { firmId, draft } = await firmWithDraft(2);
    const submitted = (await submit(draft.id, draft.version)).body.data!['submitInvoice']!.invoice;
    const { text, pieces } = await pdfAt(submitted.pdfPath);
    const flat = flattened(text);
    const money = (centimes: string) => formatDzd(centimes).replace(/\u00a0/g, ' ');
    const [contractor] = await t.sql<{ nif: string; nis: string; tax_article: string; address: string }>(
      `select c.nif, c.nis, c.tax_article, c.address || ', ' || m.name || ', ' || w.code || ' ' || w.name as address
         from contractor c join commune m on m.id = c.commune_id join wilaya w on w.code = m.wilaya_code where c.id = $1`,
      [firmId],
    );
    for (const expected of [
      submitted.number!,
      contractor!.nif,
      contractor!.nis,
      contractor!.tax_article,
      contractor!.address,
      money(submitted.totalExcludingTax.centimes),
      money(submitted.totalVat.centimes),
      money(submitted.totalIncludingTax.centimes),
      money(submitted.retention.centimes),
      money(submitted.netPayable.centimes),
    ]) {
      expect(flat).toContain(expected);
    }
    expect(flat.replace(/ /g, '')).toContain(submitted.amountInWords.replace(/\s/g, ''));
    // Each line names the work it bills by its order number, as people know it.
    const orders = await t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where contractor_id = $1',
      [firmId],
    );
    expect(orders).toHaveLength(2);
    expect(pieces).toContain('Commande');
    for (const { order_reference } of orders)
      expect(pieces.filter((piece) => piece === order_reference)).toHaveLength(3);
    // Units print as the trade writes them, whole on their line: "forfait", "m", "u" (not "FORF" / "AIT").
    expect(pieces).toContain('forfait');
    expect(text).not.toContain('FORF');

    expect((await fetch(`${t.url}${submitted.pdfPath}`)).status).toBe(401);
    const other = await firmWithDraft(1);
    const token = await userOf('CONTRACTOR', { contractorId: other.firmId });
    expect((await fetch(`${t.url}${submitted.pdfPath}`, { headers: as(token) })).status).toBe(404);
    expect((await fetch(`${t.url}/invoices/not-an-id/pdf`, { headers: as(t.adminToken) })).status).toBe(404);
    expect((await fetch(`${t.url}/invoices/${other.draft.id}/pdf`, { headers: as(token) })).status).toBe(200);
  });
});
