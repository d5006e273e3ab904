import { describe, expect, it } from 'vitest';
import { browserTest } from './browser.js';

describe('users and API keys in a real Chromium', () => {
  const run = browserTest();

  it('creates a DOT manager and disables it; creates an API key shown once, that works until it is revoked', async () => {
    const page = await run.signIn('/acces');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.t.url });
    await page.getByRole('heading', { name: 'Utilisateurs et clés d’API' }).waitFor({ timeout: 15_000 });

    await page.getByLabel('Adresse e-mail').fill('dot-oran@at.dz');
    await page.getByLabel('Nom affiché').fill('DOT Oran');
    await page.getByLabel('Rôle').selectOption('DOT_MANAGER');
    await page.getByLabel('Mot de passe initial (12 caractères au moins)').fill('court');
    await page.getByLabel('Wilayas (codes, ex. 16, 09)').fill('31');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    // The server's refusal, in French, beside the field, which gets the focus back.
    await page.locator('#user-password-problem').filter({ hasText: 'doit faire au moins 12 caractères' }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Mot de passe initial (12 caractères au moins)').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate<unknown>('document.activeElement?.id')).toBe('user-password');
    await page.getByLabel('Mot de passe initial (12 caractères au moins)').fill('un mot de passe assez long');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'dot-oran@at.dz' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toMatch(/DOT Oran\s+Responsable DOT\s+31\s+Actif/);
    page.once('dialog', (dialog) => void dialog.accept('mutation vers une autre direction'));
    await row.getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/Désactivé le/);

    await page.getByLabel('Nom (l’application qui l’utilise)').fill('Tableau mural DOT');
    await page.getByLabel('Droits (séparés par des virgules, ex. read:sites, write:acceptInstallation)').fill('read:sites');
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const secret = await page.getByTestId('api-key-secret').innerText({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Copier' }).click();
    await page.getByRole('button', { name: 'Copiée' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(secret);

    const sites = async () =>
      (await fetch(`${run.t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ sites(first: 1) { totalCount } }' }),
      })).status;
    expect(await sites()).toBe(200);
    await page.getByRole('button', { name: 'Fermer' }).click();
    expect(await page.getByTestId('api-key-secret').count()).toBe(0);
    const keyRow = page.getByTestId('api-key-row').filter({ hasText: 'Tableau mural DOT' });
    await keyRow.getByRole('button', { name: 'Révoquer' }).click();
    await expect.poll(() => keyRow.innerText(), { timeout: 10_000 }).toMatch(/Révoquée le/);
    expect(await sites()).toBe(401);
    await page.close();
  });
});
