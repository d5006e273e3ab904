import { describe, expect, it } from 'vitest';
import { activeContractor, createSite, installedCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('language, keyboard and small screens in a real Chromium', () => {
  const run = browserTest();

  it('switches to English and stays in English after a reload, then back to French', async () => {
    const page = await run.signIn('/wilayas');
    await page.getByRole('heading', { name: 'Wilayas' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate<unknown>('document.documentElement.lang')).toBe('fr');

    await page.getByLabel('Langue').selectOption('en');
    await page.getByLabel('Search for a wilaya').waitFor();
    expect(await page.evaluate<unknown>('document.documentElement.lang')).toBe('en');
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of ['Dashboard', 'Contractors', 'Connections', 'Invoices', 'Access'])
      await navigation.getByRole('link', { name }).waitFor();

    await page.reload();
    await page.getByLabel('Search for a wilaya').waitFor({ timeout: 15_000 });
    await navigation.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'National dashboard' }).waitFor({ timeout: 15_000 });
    await page.getByText('Accepted today').waitFor();

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Tableau de bord national' }).waitFor();
    expect(await page.evaluate<unknown>('document.documentElement.lang')).toBe('fr');
    await page.close();
  });

  it('offers "Mot de passe oublié ?" on the sign-in page even when the server sends no mail, and says then whom to ask', async () => {
    // Found by a newcomer: with mail off the link was hidden, and a locked-out user had nowhere to turn.
    const page = await run.browser.newPage();
    run.watchCsp(page);
    await page.goto(`${run.t.url}/login`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor({ timeout: 15_000 });
    await page.getByText('Ce serveur n’envoie pas d’e-mails', { exact: false }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('offers a link to skip to the content as the first stop of the keyboard', async () => {
    const page = await run.signIn('/wilayas');
    await page.getByRole('heading', { name: 'Wilayas' }).waitFor({ timeout: 15_000 });
    await page.reload();
    await page.getByRole('heading', { name: 'Wilayas' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate<unknown>('document.activeElement?.textContent')).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<unknown>('document.activeElement?.id')).toBe('content');
    await page.close();
  });

  it('keeps each list page and record page within a 390-pixel phone screen: wide tables scroll within themselves', async () => {
    // A contractor, sites, an installation to accept and an invoice, so that every list has rows.
    const firm = await activeContractor(run.t);
    const installed = await installedCustomerSubscription(run.t, firm.id);
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: installed },
    );
    await createSite(run.t);
    await installedCustomerSubscription(run.t, firm.id);
    const page = await run.signIn('/wilayas');
    await page.getByRole('heading', { name: 'Wilayas' }).waitFor({ timeout: 15_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    const [invoice] = await run.t.sql<{ id: string }>('select id::text from invoice where contractor_id = $1', [
      firm.id,
    ]);
    for (const [path, heading] of [
      ['/wilayas', 'Wilayas'],
      ['/contractants', 'Contractants'],
      ['/sites', 'Sites'],
      ['/raccordements', 'Raccordements'],
      ['/factures', 'Factures'],
      ['/acces', 'Utilisateurs et clés d’API'],
      [`/contractants/${firm.id}`, /^SARL /],
      [`/raccordements/${installed}`, /^Commande /],
      [`/factures/${invoice!.id}`, /^Facture /],
    ] as const) {
      await page.goto(`${run.t.url}${path}`);
      await page
        .getByRole('heading', { name: heading, exact: typeof heading === 'string' })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.locator('table').first().waitFor({ timeout: 15_000 });
      expect({ path, width: await page.evaluate<unknown>('document.documentElement.scrollWidth') }).toEqual({
        path,
        width: 390,
      });
    }
    // Found by a newcomer: the header's links shrank to 44 pixels each and their words ran into each other.
    const clipped = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.app-header nav a')].filter((a) => a.scrollWidth > a.clientWidth + 1).map((a) => a.textContent)`,
    );
    expect(clipped).toEqual([]);
    await page.close();
  });
});
