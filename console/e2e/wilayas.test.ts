import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testAdmin, type TestApp } from '../../server/test/harness.js';

/** Debian's `chromium` (installed by .ci/run); `CHROMIUM_PATH` points elsewhere. */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

describe('console shell in a real Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(chromiumPath)) {
      throw new Error(`Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
    }
    t = await startTestApp();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function signedInPage(path: string) {
    const page = await browser.newPage();
    await page.goto(`${t.url}${path}`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(testAdmin.email);
    await page.getByLabel('Mot de passe').fill(testAdmin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    return page;
  }

  it('asks to sign in, says when the password is wrong, then comes back to the page asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${t.url}/wilayas/16`);
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
