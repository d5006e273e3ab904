import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../server/test/api.js';
import { contextAt } from '../../server/test/contexts.js';
import { submitInvoice as submitInvoiceService } from '../../server/src/modules/invoice/invoice-issue.service.js';
import { browserTest, money } from './browser.js';

describe('invoices in a real Chromium', () => {
  const run = browserTest();

  const signIn = (email: string, password: string, path: string) => run.signIn(path, email, password);

  const accept = (id: string) =>
    mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id },
    );
  const user = (email: string, role: string, extra: Record<string, unknown>) =>
    mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: email, role, password: 'a long enough password', ...extra },
    });

  it('shows a contractor its draft invoice growing live, then lets finance approve it, record a payment and download the PDF', async () => {
    const firm = await activeContractor(run.t);
    await accept(await installedCustomerSubscription(run.t, firm.id));
    const draft = await firmInvoice(run.t, firm.id);
    await user('chef@firme.test', 'CONTRACTOR', { contractorId: firm.id });
    await user('finance@at.test', 'FINANCE', {});

    const contractor = await signIn('chef@firme.test', 'a long enough password', `/factures/${draft.id}`);
    await contractor.getByRole('heading', { name: /Facture en cours/ }).waitFor({ timeout: 15_000 });
    await expect.poll(() => contractor.getByTestId('invoice-line').count(), { timeout: 10_000 }).toBe(3);
    expect(await contractor.getByTestId('net-payable').innerText()).toBe(money('8 266,79 DA'));
    // Work accepted elsewhere appears on the open page (totals rounded once per invoice: 14 625,00 HT, VAT 2 778,75, retention 870,19).
    await accept(await installedCustomerSubscription(run.t, firm.id));
    await expect.poll(() => contractor.getByTestId('invoice-line').count(), { timeout: 10_000 }).toBe(6);
    expect(await contractor.getByTestId('net-payable').innerText()).toBe(money('16 533,56 DA'));
    expect(await contractor.getByRole('button', { name: 'Approuver pour paiement' }).count()).toBe(0);

    await submitInvoice(run.t, await firmInvoice(run.t, firm.id));
    await expect
      .poll(() => contractor.getByTestId('invoice-status').innerText(), { timeout: 10_000 })
      .toBe('Soumise, en attente d’approbation');

    const finance = await signIn('finance@at.test', 'a long enough password', '/factures');
    await finance.getByTestId('invoice-row').first().waitFor({ timeout: 15_000 });
    await finance
      .getByRole('link', { name: /^FA-\d{4}-\d{5}$/ })
      .first()
      .click();
    await finance.getByRole('button', { name: 'Approuver pour paiement' }).click();
    await expect
      .poll(() => finance.getByTestId('invoice-status').innerText(), { timeout: 10_000 })
      .toBe('Approuvée, à payer');

    await finance.getByLabel('Montant (DA, ex. 1500,00)').fill('1 000,5,0');
    await finance.getByLabel('Référence (n° de virement ou de chèque)').fill('VIR-BEA-778');
    await finance.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await finance.locator('#payment-amount-problem').waitFor({ timeout: 10_000 });
    await finance.getByLabel('Montant (DA, ex. 1500,00)').fill('1 000,50');
    await finance.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await expect.poll(() => finance.getByTestId('payment-row').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => finance.getByTestId('balance-due').innerText(), { timeout: 10_000 })
      .toBe(money('15 533,06 DA'));
    expect(await finance.getByTestId('invoice-status').innerText()).toBe('Payée en partie');
    expect(await finance.getByTestId('invoice-status-reason').innerText()).toBe(
      'Motif : Paiement enregistré : Virement bancaire, référence VIR-BEA-778',
    );
    // The contractor's open page follows.
    await expect
      .poll(() => contractor.getByTestId('balance-due').innerText(), { timeout: 10_000 })
      .toBe(money('15 533,06 DA'));

    const [download] = await Promise.all([
      finance.waitForEvent('download'),
      finance.getByRole('button', { name: 'Télécharger le PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^facture-FA-\d{4}-\d{5}\.pdf$/);
    const bytes = await import('node:fs/promises').then(async (fs) => fs.readFile((await download.path())!));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await contractor.close();
    await finance.close();
  });

  it('lists each invoice with its due date and days overdue as the API gives them, in French and in English', async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Échéance Dépassée' });
    await accept(await installedCustomerSubscription(run.t, firm.id));
    const draft = await firmInvoice(run.t, firm.id);
    // Issued 42 days ago at noon in Algiers, on a clock the test sets: due 30 days later, 12 days ago.
    const issuedOn = new Date(Date.now() + 3_600_000 - 42 * 86_400_000).toISOString().slice(0, 10);
    await submitInvoiceService(contextAt(run.t.app.orm, `${issuedOn}T11:00:00Z`), {
      id: draft.id,
      expectedVersion: draft.version,
    });
    const { invoice } = await mustQuery<{ invoice: { number: string; dueOn: string; daysOverdue: number } }>(
      run.t,
      'query ($id: ID!) { invoice(id: $id) { number dueOn daysOverdue } }',
      { id: draft.id },
    );
    expect(invoice.daysOverdue).toBe(12);
    // Work accepted since opens a new DRAFT: no due date, no delay.
    await accept(await installedCustomerSubscription(run.t, firm.id));

    const page = await run.signIn('/factures');
    const rowOf = (link: string) =>
      page
        .getByTestId('invoice-row')
        .filter({ hasText: 'SARL Échéance Dépassée' })
        .filter({ has: page.getByRole('link', { name: link, exact: true }) });
    const issued = rowOf(invoice.number);
    await issued.waitFor({ timeout: 15_000 });
    const [year, month, day] = invoice.dueOn.split('-');
    expect(await issued.getByTestId('invoice-due-on').innerText()).toBe(`${day}/${month}/${year}`);
    expect(await issued.getByTestId('invoice-days-overdue').innerText()).toBe('12 j');
    await page.getByRole('columnheader', { name: 'Retard' }).waitFor();
    const drafted = rowOf('Brouillon');
    expect(await drafted.getByTestId('invoice-due-on').innerText()).toBe('—');
    expect(await drafted.getByTestId('invoice-days-overdue').innerText()).toBe('—');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('columnheader', { name: 'Due date' }).waitFor();
    await page.getByRole('columnheader', { name: 'Overdue' }).waitFor();
    expect(await issued.getByTestId('invoice-days-overdue').innerText()).toBe('12 d');
    await page.close();
  });

  it('lets finance send a submitted invoice back, rejecting a line with its reason', async () => {
    const firm = await activeContractor(run.t);
    await accept(await installedCustomerSubscription(run.t, firm.id));
    const draft = await firmInvoice(run.t, firm.id);
    await submitInvoice(run.t, draft);
    await user('finance-2@at.test', 'FINANCE', {});
    const finance = await signIn('finance-2@at.test', 'a long enough password', `/factures/${draft.id}`);
    await finance.getByRole('button', { name: 'Demander une révision' }).click({ timeout: 15_000 });
    await finance.getByRole('button', { name: 'Envoyer la demande de révision' }).click();
    await finance.getByRole('alert').filter({ hasText: 'Cochez au moins une ligne' }).waitFor();
    await finance.getByLabel(/^Refuser la ligne DRP-AER/).check();
    await finance.getByLabel('Raison du refus de la ligne DRP-AER').fill('42,5 m mesurés contre 30 m sur le plan');
    await finance.getByRole('button', { name: 'Envoyer la demande de révision' }).click();
    await expect
      .poll(() => finance.getByTestId('invoice-status').innerText(), { timeout: 10_000 })
      .toBe('Révision demandée');
    await finance.getByText('refusée : 42,5 m mesurés contre 30 m sur le plan').waitFor({ timeout: 10_000 });
    await finance.close();
  });
  it('links each line to the connection it bills by its order number, and offers a DOT manager the approval only of work wholly in its wilayas', async () => {
    const firm = await activeContractor(run.t, { operatingWilayaCodes: ['16', '31'] });
    const [oran] = (await mustQuery<{ communes: { id: string }[] }>(run.t, '{ communes(wilayaCode: "31") { id } }'))
      .communes;
    const inAlgiers = await installedCustomerSubscription(run.t, firm.id);
    await accept(inAlgiers);
    await accept(
      await installedCustomerSubscription(run.t, firm.id, '-21.5', [{ code: 'RAC-STD', quantity: '1' }], {
        communeId: oran!.id,
      }),
    );
    const draft = await firmInvoice(run.t, firm.id);
    await submitInvoice(run.t, draft);
    await user('dot-alger-lignes@at.dz', 'DOT_MANAGER', { wilayaCodes: ['16'] });

    const dot = await signIn('dot-alger-lignes@at.dz', 'a long enough password', `/factures/${draft.id}`);
    await dot.getByTestId('invoice-line').first().waitFor({ timeout: 15_000 });
    expect(await dot.getByRole('button', { name: 'Approuver' }).count()).toBe(0);
    const [work] = await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where id = $1',
      [inAlgiers],
    );
    await dot
      .getByTestId('invoice-line')
      .first()
      .getByRole('link', { name: work!.order_reference, exact: true })
      .click();
    await dot.waitForURL(`**/raccordements/${inAlgiers}`);
    await dot.getByRole('heading', { name: /^Commande / }).waitFor({ timeout: 15_000 });
    await dot.close();

    const admin = await run.signIn(`/factures/${draft.id}`);
    await admin.getByRole('button', { name: 'Approuver' }).waitFor({ timeout: 15_000 });
    await admin.close();
  });
});
