import { describe, expect, it } from 'vitest';
import { activeContractor, createSite, installedCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('sites in a real Chromium', () => {
  const run = browserTest();

  it('assigns a site to an active contractor, starts it with a reason, and shows its progress move live', async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Chantiers du Sahel' });
    const site = await createSite(run.t, { targetConnections: 4 });
    const page = await run.signIn('/sites');
    await page.getByTestId('site-row').first().waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: site.code }).click();
    await page.getByRole('heading', { name: new RegExp(`Site ${site.code}`) }).waitFor();
    expect(await page.getByTestId('site-status').innerText()).toBe('Planifié');

    await page.getByRole('button', { name: 'Affecter' }).click();
    await page.getByRole('combobox', { name: 'Contractant (actifs dans la wilaya)' }).fill('Sahel');
    await page.getByRole('option', { name: /^SARL Chantiers du Sahel/ }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.getByTestId('site-status').innerText(), { timeout: 10_000 }).toBe('Affecté');
    expect(await page.getByTestId('site-contractor').innerText()).toBe('SARL Chantiers du Sahel');

    await page.getByRole('button', { name: 'Démarrer' }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Indiquez la raison' }).waitFor();
    await page.getByLabel('Raison (gardée dans l’historique)').fill('équipes sur place');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.getByTestId('site-status').innerText(), { timeout: 10_000 }).toBe('En cours');

    // A connection of the site accepted elsewhere moves the open page.
    const installed = await installedCustomerSubscription(run.t, firm.id, '-21.5', undefined, { siteId: site.id });
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: installed },
    );
    await expect
      .poll(() => page.getByTestId('site-progress').innerText(), { timeout: 10_000 })
      .toBe(`Réceptionnés : 1 sur 4 (25\u00a0%)`);
    // The site lists its work, which follows the change too, each linking to its page.
    await expect
      .poll(() => page.getByTestId('site-customer-subscription-row').innerText(), { timeout: 10_000 })
      .toMatch(/Réceptionné/);
    await page.getByTestId('site-customer-subscription-row').getByRole('link').click();
    await page.waitForURL(`**/raccordements/${installed}`);
    expect(await page.getByTestId('customer-subscription-status').innerText()).toBe('Réceptionné');
    await page.close();
  });
});
