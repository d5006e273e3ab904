import { describe, expect, it } from 'vitest';
import { testAdmin } from '../../server/test/harness.js';
import { browserTest } from './browser.js';

describe('console shell in a real Chromium', () => {
  const run = browserTest();
  const signedInPage = (path: string) => run.signIn(path);
  it('asks to sign in, says when the password is wrong, then comes back to the page asked for', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.t.url}/wilayas/16`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/wilayas/16');
    await page.getByLabel('Adresse e-mail').fill(testAdmin.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    await page.getByLabel('Mot de passe').fill(testAdmin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: /16 — Alger/ }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  });

  it('lists the 58 wilayas with their commune counts, and opens one to show its communes', async () => {
    const page = await signedInPage('/wilayas');
    await expect.poll(() => page.getByTestId('wilaya-row').count(), { timeout: 15_000 }).toBe(58);
    expect(await page.getByText(/^58 wilayas, 1\s541 communes$/).count()).toBe(1);

    const adrar = page.getByTestId('wilaya-row').first();
    expect(await adrar.innerText()).toMatch(/^01\s+Adrar\s+أدرار\s+16$/);

    await page.getByLabel('Rechercher une wilaya').fill('ghardaia');
    await expect.poll(() => page.getByTestId('wilaya-row').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('link', { name: 'Ghardaïa' }).click();

    await page.getByRole('heading', { name: /47 — Ghardaïa/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wilayas/47');
    const communes = page.getByTestId('commune-row');
    await expect.poll(() => communes.count(), { timeout: 15_000 }).toBe(10);
    expect(await page.getByText('10 communes').count()).toBe(1);
  });

  it('says so when a wilaya does not exist', async () => {
    const page = await signedInPage('/wilayas/99');
    await page.getByRole('heading', { name: 'Wilaya introuvable' }).waitFor();
  });
});
