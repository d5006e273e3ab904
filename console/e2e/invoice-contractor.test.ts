import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { signIn as apiSignIn } from '../../server/test/harness.js';
import { browserTest, money } from './browser.js';

describe('the contractor’s side of its invoices in a real Chromium', () => {
  const run = browserTest();
  const password = 'a long enough password';

  const accept = (id: string) =>
    mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id },
    );
  const user = (email: string, role: string, extra: Record<string, unknown> = {}) =>
    mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: email, role, password, ...extra },
    });
  const invoiceRow = async (id: string) =>
    (
      await run.t.sql<{ status: string; number: string | null; version: number }>(
        'select status, number, version from invoice where id = $1',
        [id],
      )
    )[0]!;

  /** A firm with one accepted installation (RAC-STD, DRP-AER 42.5 m, PTO) on its DRAFT invoice, and a user of the firm. */
  async function firmWithDraft(email: string) {
    const firm = await activeContractor(run.t);
    await accept(await installedCustomerSubscription(run.t, firm.id));
    const { invoices } = await mustQuery<{ invoices: { edges: { node: { id: string } }[] } }>(
      run.t,
      'query ($c: ID!) { invoices(filter: { contractorId: $c }) { edges { node { id } } } }',
      {
        c: firm.id,
      },
    );
    await user(email, 'CONTRACTOR', { contractorId: firm.id });
    return { firm, draftId: invoices.edges[0]!.node.id };
  }

  it('lets a contractor’s user submit its draft after confirming the net payable, sending the same idempotency key again when the network failed', async () => {
    const { draftId } = await firmWithDraft('compta@firme-a.test');
    const { period } = (await run.t.sql<{ period: string }>('select period from invoice where id = $1', [draftId]))[0]!;
    const page = await run.signIn('/factures', 'compta@firme-a.test', password);
    const row = page.getByTestId('invoice-row');
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.count()).toBe(1);
    expect(await row.first().innerText()).toMatch(/Brouillon\s.*Brouillon \(s’enrichit à chaque réception\)/s);
    await page.getByRole('link', { name: 'Brouillon', exact: true }).click();
    await page.getByRole('heading', { name: /Facture en cours/ }).waitFor({ timeout: 10_000 });
    // Finance's actions are not offered to the firm.
    expect(await page.getByRole('button', { name: 'Approuver pour paiement' }).count()).toBe(0);

    // Cancelling leaves the draft as it was.
    await page.getByRole('button', { name: 'Soumettre la facture…' }).click();
    const dialog = page.getByRole('dialog', { name: /Soumettre la facture du mois \d{4}-\d{2} \?/ });
    await dialog.waitFor();
    expect(await dialog.getByTestId('submit-net-payable').innerText()).toBe(
      await page.getByTestId('net-payable').innerText(),
    );
    expect(await dialog.getByTestId('submit-net-payable').innerText()).toBe(money('8 266,79 DA'));
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await invoiceRow(draftId)).status).toBe('DRAFT');

    // The first sending is cut before it reaches the server; the second sends the same key and input.
    const sent: unknown[] = [];
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string; variables?: { input?: unknown } } | null;
      if (body?.operationName !== 'SubmitInvoice') return route.continue();
      sent.push(body.variables?.input);
      return sent.length === 1 ? route.abort('connectionreset') : route.continue();
    });
    await page.getByRole('button', { name: 'Soumettre la facture…' }).click();
    await dialog.getByRole('button', { name: 'Confirmer la soumission' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Le serveur n’a pas répondu' }).waitFor({ timeout: 10_000 });
    expect((await invoiceRow(draftId)).status).toBe('DRAFT');
    await dialog.getByRole('button', { name: 'Renvoyer la soumission' }).click();

    const heading = page.getByRole('heading', { name: /^Facture FA-\d{4}-\d{5}$/ });
    await heading.waitFor({ timeout: 10_000 });
    const stored = await invoiceRow(draftId);
    expect(stored.status).toBe('SUBMITTED');
    expect(await heading.innerText()).toBe(`Facture ${stored.number}`);
    await page
      .getByRole('status')
      .filter({ hasText: `Facture soumise sous le numéro ${stored.number}` })
      .waitFor();
    expect(await page.getByTestId('invoice-status').innerText()).toBe('Soumise, en attente d’approbation');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    const key = (sent[0] as { idempotencyKey: string }).idempotencyKey;
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await run.t.sql('select operation from idempotency_record where key = $1', [key])).toEqual([
      { operation: 'submitInvoice' },
    ]);
    // Submitted, it is no longer the firm's to submit.
    expect(await page.getByRole('button', { name: 'Soumettre la facture…' }).count()).toBe(0);

    // The list gives its number, its age and no delay yet.
    await page.getByRole('link', { name: '← Factures' }).click();
    await page.getByRole('link', { name: stored.number! }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('invoice-age').first().innerText()).toBe('0 j');
    // Filtered by status, then by month, kept in the address.
    await page.getByLabel('Statut').selectOption('PAID');
    await page.getByText('Aucune facture ne correspond à ces filtres.').waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('statut=PAID');
    await page.getByLabel('Statut').selectOption('SUBMITTED');
    await page.getByLabel('Mois facturé').fill(period);
    await page.getByRole('link', { name: stored.number! }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('mois')).toBe(period);
    await page.close();
  });

  it('speaks to the firm’s user as the issuer of its draft, and to an administrator, who may submit it too, about the firm', async () => {
    const { draftId } = await firmWithDraft('compta@firme-c.test');
    const submitPanel = (page: Awaited<ReturnType<typeof run.signIn>>) =>
      page.getByRole('region', { name: 'Soumettre la facture', exact: true });

    const firmUser = await run.signIn(`/factures/${draftId}`, 'compta@firme-c.test', password);
    await submitPanel(firmUser).waitFor({ timeout: 15_000 });
    expect(await submitPanel(firmUser).innerText()).toContain('à chaque réception de votre travail. Soumettez-le');
    await firmUser.close();

    const admin = await run.signIn(`/factures/${draftId}`);
    await submitPanel(admin).waitFor({ timeout: 15_000 });
    const text = await submitPanel(admin).innerText();
    expect(text).toContain('à chaque réception du travail de la firme. Le soumettre pour elle');
    expect(text).not.toContain('votre');
    await admin.close();
  });

  it('explains why a draft without lines cannot be submitted, focusing the explanation', async () => {
    const firm = await activeContractor(run.t);
    await user('compta@firme-vide.test', 'CONTRACTOR', { contractorId: firm.id });
    // A draft with no line yet (the row the server opens before billing a line), set up in the database.
    const period = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Africa/Algiers',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date());
    const [empty] = await run.t.sql<{ id: string }>(
      `insert into invoice (version, created_at, updated_at, status_changed_at, contractor_id, period, status, fiscal_regime, retention_percent,
         total_excluding_tax_centimes, total_vat_centimes, total_including_tax_centimes, retention_centimes, net_payable_centimes, vat_by_rate)
       values (1, now(), now(), now(), $1, $2, 'DRAFT', 'REAL', '5', 0, 0, 0, 0, 0, '[]') returning id`,
      [firm.id, period],
    );
    const page = await run.signIn(`/factures/${empty!.id}`, 'compta@firme-vide.test', password);
    await page
      .getByText('Aucune ligne : aucun travail réceptionné n’est encore facturé ce mois-ci.')
      .waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Soumettre la facture…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirmer la soumission' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Cette facture n’a aucune ligne : il n’y a rien à soumettre.' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.and(page.locator(':focus')).count()).toBe(1);
    expect((await invoiceRow(empty!.id)).status).toBe('DRAFT');
    await page.close();
  });

  it('shows the contractor each line AT rejected with its reason, and resubmits claiming less: a credit note is issued for the rest', async () => {
    const { firm, draftId } = await firmWithDraft('compta@firme-b.test');
    // People know the work by its order number: every line, reason and credit names it so, never by an id.
    const [work] = await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where contractor_id = $1',
      [firm.id],
    );
    const order = work!.order_reference;
    const { invoice } = await mustQuery<{ invoice: { version: number; lines: { id: string; itemCode: string }[] } }>(
      run.t,
      'query ($id: ID!) { invoice(id: $id) { version lines { id itemCode } } }',
      {
        id: draftId,
      },
    );
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { id } } }',
      { id: draftId, v: invoice.version },
    );
    const page = await run.signIn(`/factures/${draftId}`, 'compta@firme-b.test', password);
    const noInternalId = async () => expect(await page.locator('main').innerText()).not.toMatch(/\b(?:ligne|n°) \d/);
    await page.getByRole('heading', { name: /^Facture FA-/ }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { name: 'Répondre à la demande de révision' }).count()).toBe(0);

    // Finance sends it back through the API, rejecting the aerial drop.
    await user('finance-b@at.test', 'FINANCE');
    const financeToken = await apiSignIn(run.t.url, 'finance-b@at.test', password);
    const drop = invoice.lines.find((line) => line.itemCode === 'DRP-AER')!;
    const { body } = await run.t.graphql(
      'mutation ($id: ID!, $v: Int!, $line: ID!) { requestInvoiceRevision(input: { id: $id, expectedVersion: $v, rejectedLines: [{ lineId: $line, reason: "30 m sur le plan, 42,5 m facturés" }] }) { invoice { status } } }',
      { id: draftId, v: (await invoiceRow(draftId)).version, line: drop.id },
      { authorization: `Bearer ${financeToken}` },
    );
    expect(body.errors).toBeUndefined();

    // The open page follows: the reason in words, the rejected line and the form to answer.
    await page.getByRole('heading', { name: 'Répondre à la demande de révision' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('invoice-status').innerText()).toBe('Révision demandée');
    expect(await page.getByTestId('invoice-status-reason').innerText()).toBe(
      `Motif : Lignes refusées — ${order} DRP-AER Câble de branchement aérien : 30 m sur le plan, 42,5 m facturés`,
    );
    const rejected = page.getByTestId('rejected-line');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.innerText()).toMatch(
      new RegExp(`^${order}\\s+DRP-AER\\s+Câble de branchement aérien\\s+30 m sur le plan, 42,5 m facturés\\s+42,5 m`),
    );
    // Each line of the invoice links the work it bills by its order number.
    const lines = page.getByTestId('invoice-line');
    expect(await lines.count()).toBe(3);
    for (const line of await lines.all()) expect(await line.getByRole('link').innerText()).toBe(order);
    await noInternalId();

    const claim = page.getByLabel('Quantité réclamée pour la ligne DRP-AER');
    expect(await claim.inputValue()).toBe('42,5');
    await claim.fill('50');
    await page.getByRole('button', { name: 'Soumettre à nouveau…' }).click();
    await page.getByText('Au plus 42,5 : la quantité facturée.').waitFor();
    expect(await claim.getAttribute('aria-invalid')).toBe('true');
    expect(await claim.and(page.locator(':focus')).count()).toBe(1);

    await claim.fill('30');
    await page.getByRole('button', { name: 'Soumettre à nouveau…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Soumettre à nouveau la facture FA-/ });
    expect(await dialog.getByTestId('revision-summary').innerText()).toMatch(
      new RegExp(`^${order} DRP-AER Câble de branchement aérien\\s+30 m\\s+12,5 m`),
    );
    await dialog.getByText('Un avoir sera émis sur cette facture pour ce qui est retiré').waitFor();
    await dialog.getByRole('button', { name: 'Confirmer la nouvelle soumission' }).click();

    const creditNoteRow = page.getByTestId('credit-note-row');
    await creditNoteRow.waitFor({ timeout: 10_000 });
    const [creditNote] = await run.t.sql<{
      id: string;
      number: string;
      net_payable_centimes: string;
      quantity: string;
    }>(
      `select n.id, n.number, n.net_payable_centimes, l.quantity::text from credit_note n join credit_note_line l on l.credit_note_id = n.id where n.invoice_id = $1`,
      [draftId],
    );
    expect(creditNote!.number).toMatch(/^AV-\d{4}-\d{5}$/);
    expect(Number(creditNote!.quantity)).toBe(12.5);
    expect((await invoiceRow(draftId)).status).toBe('SUBMITTED');
    expect(await creditNoteRow.innerText()).toContain(creditNote!.number);
    expect(await creditNoteRow.innerText()).toContain(`${order} DRP-AER × 12,5 m`);
    // The net credited shown is the database's, to the centime (e.g. "635,92 DA" for 63592).
    const centimes = (text: string) => text.replace(/\D/g, '');
    expect(centimes(await creditNoteRow.locator('td').nth(4).innerText())).toBe(creditNote!.net_payable_centimes);
    expect(await creditNoteRow.innerText()).toContain(
      `Révision demandée — ${order} DRP-AER Câble de branchement aérien : 30 m sur le plan, 42,5 m facturés`,
    );
    await noInternalId();
    expect(centimes(await page.getByTestId('credited').innerText())).toBe(creditNote!.net_payable_centimes);
    await page
      .getByRole('status')
      .filter({ hasText: `ce qui est retiré est crédité par l’avoir ${creditNote!.number}` })
      .waitFor();
    expect(await page.getByTestId('invoice-status').innerText()).toBe('Soumise, en attente d’approbation');
    expect(await page.getByTestId('invoice-status-reason').innerText()).toBe(
      `Motif : Soumise à nouveau après révision ; les quantités retirées sont créditées par l’avoir ${creditNote!.number}`,
    );
    expect(
      await run.t.sql('select count(*)::int as count from idempotency_record where operation = $1', [
        'resubmitInvoice',
      ]),
    ).toEqual([{ count: 1 }]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Télécharger l’avoir ${creditNote!.number} en PDF` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`avoir-${creditNote!.number}.pdf`);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

    // In English, the same page and its reasons.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('heading', { name: `Invoice ${(await invoiceRow(draftId)).number}` }).waitFor();
    expect(await page.getByTestId('invoice-status').innerText()).toBe('Submitted, awaiting approval');
    expect(await page.getByTestId('invoice-status-reason').innerText()).toBe(
      `Reason: Resubmitted after revision; the quantities withdrawn are credited by credit note ${creditNote!.number}`,
    );
    expect(await creditNoteRow.innerText()).toContain(
      `Revision requested — ${order} DRP-AER Câble de branchement aérien : 30 m sur le plan, 42,5 m facturés`,
    );
    await page.close();
  });
});
