import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../server/test/api.js';
import { testAdmin } from '../../server/test/harness.js';
import { browserTest, money } from './browser.js';

describe('the live dashboard in a real Chromium', () => {
  const run = browserTest();

  const signIn = (email: string, password: string, path = '/') => run.signIn(path, email, password);

  const cardValue = (page: Page, testId: string) => page.getByTestId(testId).locator('.card-value').innerText();

  it('shows the national figures and moves live when an installation is accepted elsewhere', async () => {
    const firm = await activeContractor(run.t);
    const installed = await installedCustomerSubscription(run.t, firm.id);
    const page = await signIn(testAdmin.email, testAdmin.password);
    await page.getByRole('heading', { name: 'Tableau de bord national' }).waitFor();
    await expect.poll(() => page.getByTestId('wilaya-progress-row').count(), { timeout: 15_000 }).toBe(58);
    await expect.poll(() => cardValue(page, 'accepted-today'), { timeout: 15_000 }).toBe('0');
    expect(await page.getByTestId('backlog-row').filter({ hasText: 'Installés, à réceptionner' }).innerText()).toMatch(
      /\s1$/,
    );
    // Live before the acceptance: the subscription has delivered the figures at least once.
    await page.getByText(/^En direct au /).waitFor({ timeout: 15_000 });

    // Another session accepts the installation; this page is not reloaded.
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
      { id: installed },
    );
    await expect.poll(() => cardValue(page, 'accepted-today'), { timeout: 10_000 }).toBe('1');
    expect(await cardValue(page, 'accepted-total')).toBe('1');
    expect(await page.getByTestId('wilaya-progress-row').filter({ hasText: 'Alger' }).first().innerText()).toMatch(
      /^16\s+Alger\s+الجزائر\s+1\s/,
    );

    // A submitted invoice shows as awaiting approval, its amount written the Algerian way.
    await submitInvoice(run.t, await firmInvoice(run.t, firm.id));
    await expect.poll(() => cardValue(page, 'awaiting-approval'), { timeout: 10_000 }).toBe(money('8 266,79 DA'));
    await page.close();
  });

  it('says nothing of a lost connection when the user simply leaves the live page', async () => {
    const page = await signIn(testAdmin.email, testAdmin.password);
    await page.getByText(/^En direct au /).waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Contractants' }).click();
    await page.getByRole('heading', { name: 'Contractants' }).waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByText('Connexion au serveur perdue').count()).toBe(0);
    await page.close();
  });

  it("shows a DOT manager its own wilaya's dashboard, and no national one", async () => {
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-alger@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });
    const page = await signIn('dot-alger@at.test', 'dot manager password');
    await page.getByRole('heading', { name: 'Tableau de bord — 16 Alger' }).waitFor({ timeout: 15_000 });
    const options = await page.getByLabel('Périmètre').locator('option').allInnerTexts();
    expect(options).toEqual(['16 — Alger']);
    expect(await page.getByTestId('wilaya-progress-row').count()).toBe(0);
    // Another wilaya in the address: its own is shown, and the address says so.
    await page.goto(`${run.t.url}/?wilaya=31`);
    await page.getByRole('heading', { name: 'Tableau de bord — 16 Alger' }).waitFor({ timeout: 15_000 });
    await page.waitForURL((url) => url.searchParams.get('wilaya') === '16');
    await page.close();

    // An administrator asking for a wilaya that does not exist is told what a wilaya code is, not "the server could not answer".
    const admin = await signIn(testAdmin.email, testAdmin.password, '/?wilaya=99');
    await admin
      .getByRole('alert')
      .filter({ hasText: 'Wilaya : doit être le code d’une wilaya, de « 01 » à « 58 »' })
      .waitFor({ timeout: 15_000 });
    await admin.close();
    // Three sign-ins and four page loads: on a busy machine (CI) they outlast the default 30 s.
  }, 90_000);
});
