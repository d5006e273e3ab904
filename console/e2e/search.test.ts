import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  createSite,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('search in a real Chromium', () => {
  const run = browserTest();

  it('jumps from the header’s search box to an invoice by its number', async () => {
    const firm = await activeContractor(run.t, { legalName: 'Bahia Télécom' });
    const work = await installedCustomerSubscription(run.t, firm.id);
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: work },
    );
    const invoice = await firmInvoice(run.t, firm.id);
    await submitInvoice(run.t, invoice);
    const { invoice: submitted } = await mustQuery<{ invoice: { number: string } }>(
      run.t,
      'query ($id: ID!) { invoice(id: $id) { number } }',
      { id: invoice.id },
    );

    const page = await run.signIn('/sites');
    const box = page.getByRole('combobox', { name: 'Rechercher un contractant, un site, une commande ou une facture' });
    await box.fill(submitted.number.toLowerCase());
    await page.getByRole('option', { name: new RegExp(`Facture ${submitted.number}`) }).click();
    await page.waitForURL(`**/factures/${invoice.id}`, { timeout: 15_000 });
    expect(await box.inputValue()).toBe('');

    // Found by a newcomer: Enter did nothing until an arrow key had chosen a result; the first one is chosen now.
    await box.fill(submitted.number);
    await page
      .getByRole('option', { name: new RegExp(`Facture ${submitted.number}`) })
      .first()
      .waitFor();
    await page.goto(`${run.t.url}/sites`);
    await box.fill(submitted.number);
    await page
      .getByRole('option', { name: new RegExp(`Facture ${submitted.number}`) })
      .first()
      .waitFor();
    await box.press('Enter');
    await page.waitForURL(`**/factures/${invoice.id}`, { timeout: 15_000 });
  });

  it('keeps a list’s search in the address: a link shares it, back and forward restore it', async () => {
    await createSite(run.t, { code: 'ORAN-PINS-01', name: 'Résidence Les Pins' });
    await createSite(run.t, { code: 'ALG-BAIE-02', name: 'Cité de la Baie' });
    const page = await run.signIn('/sites');
    const rows = page.getByTestId('site-row');
    await rows.first().waitFor({ timeout: 15_000 });
    const all = await rows.count();
    expect(all).toBeGreaterThan(1);

    await page.getByLabel('Rechercher (code ou nom)').fill('residence les pins');
    await page.waitForURL(/[?&]q=residence\+les\+pins/, { timeout: 10_000 });
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain('ORAN-PINS-01');

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('q'), { timeout: 10_000 });
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(all);
    expect(await page.getByLabel('Rechercher (code ou nom)').inputValue()).toBe('');

    await page.goForward();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByLabel('Rechercher (code ou nom)').inputValue()).toBe('residence les pins');

    // The address opens the same list on another page.
    const shared = await run.signIn(`/sites?q=${encodeURIComponent('cite de la baie')}`);
    await expect.poll(() => shared.getByTestId('site-row').count(), { timeout: 15_000 }).toBe(1);
    expect(await shared.getByTestId('site-row').first().innerText()).toContain('ALG-BAIE-02');
  });
});
