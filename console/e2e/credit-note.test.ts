import { describe, expect, it } from 'vitest';
import {
  acceptInstalled,
  activeContractor,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../server/test/api.js';
import { browserTest, money } from './browser.js';

describe('issuing a credit note from an invoice’s page in a real Chromium', () => {
  const run = browserTest();

  const accept = (id: string) => acceptInstalled(run.t, id);

  it('credits a quantity of a line with a reason: the problems said first, a change made meanwhile refused, then the invoice follows', async () => {
    const firm = await activeContractor(run.t);
    await accept(await installedCustomerSubscription(run.t, firm.id));
    const draft = await firmInvoice(run.t, firm.id);
    await submitInvoice(run.t, draft);
    const page = await run.signIn(`/factures/${draft.id}`);
    await page.getByRole('button', { name: 'Émettre un avoir…' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Émettre un avoir', exact: true }).waitFor();
    expect(await page.getByTestId('creditable-line').count()).toBe(3);

    // Nothing ticked, no reason: both are said, the focus on the reason.
    await page.getByRole('button', { name: 'Émettre l’avoir…' }).click();
    await page.getByRole('alert').filter({ hasText: 'Cochez au moins une ligne à créditer.' }).waitFor();
    expect(await page.locator('#credit-reason-problem').innerText()).toBe(
      'Indiquez le motif : il est imprimé sur l’avoir.',
    );
    expect(await page.locator('#credit-reason:focus').count()).toBe(1);

    // More than what remains to credit is refused beside the line.
    await page.getByLabel(/^Créditer la ligne DRP-AER/).check();
    expect(await page.getByLabel('Quantité créditée pour la ligne DRP-AER').inputValue()).toBe('42,5');
    await page.getByLabel('Quantité créditée pour la ligne DRP-AER').fill('50');
    await page.getByLabel('Motif (imprimé sur l’avoir)').fill('30 m posés, 42,5 m facturés');
    await page.getByRole('button', { name: 'Émettre l’avoir…' }).click();
    await page.getByText('Au plus 42,5 : ce qui reste à créditer.').waitFor();
    expect(await page.getByLabel('Quantité créditée pour la ligne DRP-AER').getAttribute('aria-invalid')).toBe('true');

    // Someone credits another line meanwhile: the API refuses the credit note made on the invoice as it was.
    await page.getByLabel('Quantité créditée pour la ligne DRP-AER').fill('12,5');
    await page.getByRole('button', { name: 'Émettre l’avoir…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Émettre un avoir sur cette facture ?' });
    await dialog.waitFor();
    const [work] = await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where contractor_id = $1',
      [firm.id],
    );
    expect(await dialog.getByTestId('credit-summary').innerText()).toBe(
      `${work!.order_reference} DRP-AER Câble de branchement aérien\t12,5 m`,
    );
    const { invoice } = await mustQuery<{ invoice: { version: number; lines: { id: string; itemCode: string }[] } }>(
      run.t,
      'query ($id: ID!) { invoice(id: $id) { version lines { id itemCode } } }',
      { id: draft.id },
    );
    await mustQuery(
      run.t,
      'mutation ($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { creditNote { id } } }',
      {
        input: {
          invoiceId: draft.id,
          expectedVersion: invoice.version,
          reason: 'PTO non posée',
          lines: [{ lineId: invoice.lines.find((line) => line.itemCode === 'PTO')!.id, quantity: '1' }],
        },
      },
    );
    await dialog.getByRole('button', { name: 'Confirmer l’avoir' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Ces données ont été modifiées entre-temps par quelqu’un d’autre' })
      .waitFor({ timeout: 10_000 });
    // The page follows the change: the other credit note is listed, and the PTO has nothing left to credit.
    await expect.poll(() => page.getByTestId('credit-note-row').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('creditable-line').count(), { timeout: 10_000 }).toBe(2);

    await page.getByRole('button', { name: 'Émettre l’avoir…' }).click();
    await dialog.getByRole('button', { name: 'Confirmer l’avoir' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Avoir AV-\d{4}-00002 émis : il est déduit du reste dû de la facture\.$/ })
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('credit-note-row').count(), { timeout: 10_000 }).toBe(2);
    const row = await page.getByTestId('credit-note-row').filter({ hasText: '00002' }).innerText();
    expect(row).toContain('30 m posés, 42,5 m facturés');
    expect(row).toContain('DRP-AER × 12,5 m');
    expect(row).toContain(money('635,92 DA'));
    await expect
      .poll(() => page.getByTestId('balance-due').innerText(), { timeout: 10_000 })
      .toBe(money('6 613,42 DA'));
    expect(await page.getByRole('heading', { name: 'Émettre un avoir', exact: true }).count()).toBe(0);
    const [line] = await run.t.sql<{ credited_quantity: string }>(
      "select credited_quantity from invoice_line where invoice_id = $1 and item_code = 'DRP-AER'",
      [draft.id],
    );
    expect(String(line!.credited_quantity)).toMatch(/^12\.50*$/);
    await page.close();
  });

  it('offers no credit note to finance, nor on a draft', async () => {
    const firm = await activeContractor(run.t);
    await accept(await installedCustomerSubscription(run.t, firm.id));
    const draft = await firmInvoice(run.t, firm.id);
    const admin = await run.signIn(`/factures/${draft.id}`);
    await admin.getByTestId('invoice-line').first().waitFor({ timeout: 15_000 });
    expect(await admin.getByRole('button', { name: 'Émettre un avoir…' }).count()).toBe(0);
    await admin.close();

    await submitInvoice(run.t, await firmInvoice(run.t, firm.id));
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'finance-avoir@at.test',
        displayName: 'Finance',
        role: 'FINANCE',
        password: 'finance password long',
      },
    });
    const finance = await run.signIn(`/factures/${draft.id}`, 'finance-avoir@at.test', 'finance password long');
    await finance.getByRole('button', { name: 'Approuver pour paiement' }).waitFor({ timeout: 15_000 });
    expect(await finance.getByRole('button', { name: 'Émettre un avoir…' }).count()).toBe(0);
    await finance.close();
  });
});
