import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acceptInstalled,
  activeContractor,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../server/test/api.js';
import { eventually } from '../../server/test/eventually.js';
import { firmUser, rejectInstallation } from '../../server/test/notifications.js';
import { browserTest } from './browser.js';

/** The scorecard page's address. */
const path = '/tableau-de-bord-qualite';

describe('the quality scorecard in a real Chromium', () => {
  const run = browserTest();

  const accept = (id: string) => acceptInstalled(run.t, id);

  /** Waits until the scorecard of `contractorId` (every firm when null) counts what `expected` says: the consumer counts a moment after each change. */
  const counted = (contractorId: string | null, expected: { accepted: number; rejected?: number; failed?: number }) =>
    eventually(
      async () => {
        const { scorecard } = await mustQuery<{ scorecard: { accepted: number; rejected: number; failed: number } }>(
          run.t,
          'query ($c: ID) { scorecard(contractorId: $c) { accepted rejected failed } }',
          { c: contractorId },
        );
        expect(scorecard).toMatchObject(expected);
      },
      { timeout: 15_000 },
    );

  const cardValue = (page: Page, testId: string) => page.getByTestId(testId).locator('.card-value').innerText();
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');

  /** The firm whose scorecard is checked, the other firm of its wilaya, its user and the work left to accept while the page is open. */
  const records = {} as { firmId: string; user: { email: string; password: string }; toAccept: string };

  beforeAll(async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Fibre Qualité' });
    const other = await activeContractor(run.t, { legalName: 'EURL Autre Réseau' });
    records.firmId = firm.id;
    // The firm: one connection accepted at its first report, one rejected with reserves, one failed.
    await accept(await installedCustomerSubscription(run.t, firm.id));
    await rejectInstallation(run.t, await installedCustomerSubscription(run.t, firm.id), ['Câble non fixé']);
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { markInstallationFailed(input: { id: $id, expectedVersion: 3, failureReason: CUSTOMER_ABSENT }) { customerSubscription { id } } }',
      { id: await scheduledCustomerSubscription(run.t, firm.id) },
    );
    records.toAccept = await installedCustomerSubscription(run.t, firm.id);
    // The other firm of wilaya 16: one accepted, first time right too.
    await accept(await installedCustomerSubscription(run.t, other.id));
    records.user = await firmUser(run.t, firm.id, false);
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-qualite@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });
    await counted(firm.id, { accepted: 1, rejected: 1, failed: 1 });
    await counted(null, { accepted: 2 });
  }, 120_000);

  it("shows a firm its own figures and places, no other firm's name, and moves live as its work is accepted", async () => {
    const page = await run.signIn('/', records.user.email, records.user.password);
    await page.getByRole('link', { name: 'Qualité' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Tableau de bord qualité', level: 1 }).waitFor();
    await page.waitForURL((url) => url.pathname === path);
    await page
      .getByTestId('scorecard-scope')
      .filter({ hasText: 'SARL Fibre Qualité, dans toutes les wilayas' })
      .waitFor();
    // Live before the acceptance: the subscription has delivered the figures at least once.
    await page.getByText(/^Du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}, en direct$/).waitFor({ timeout: 15_000 });
    expect(await cardValue(page, 'scorecard-accepted')).toBe('1');
    expect(plain(await cardValue(page, 'scorecard-first-time-right'))).toBe('100 %');
    expect(plain(await cardValue(page, 'scorecard-rejection-rate'))).toBe('50 %');
    expect(plain(await cardValue(page, 'scorecard-failure-rate'))).toBe('50 %');
    expect(await page.getByTestId('scorecard-reserve').allInnerTexts()).toEqual(['câble non fixé\t1']);
    expect(await page.getByTestId('scorecard-failure').allInnerTexts()).toEqual(['Client absent\t1']);
    const steps = page.getByTestId('scorecard-step');
    expect((await steps.filter({ hasText: 'Prise de rendez-vous' }).innerText()).split('\t').slice(0, 3)).toEqual([
      'Prise de rendez-vous',
      'L’entreprise',
      '4',
    ]);
    // Both firms accepted their work at the first report: they share the first place, and the other is never named.
    const ranks = await page.getByTestId('scorecard-rank').allInnerTexts();
    expect(ranks).toContain('1er sur 2 au national');
    expect(ranks).toContain('1er sur 2 contractants de la wilaya 16 Alger');
    expect(await page.locator('main').innerText()).not.toContain('Autre Réseau');

    // Another session accepts the firm's next connection; this page is not reloaded.
    await accept(records.toAccept);
    await expect.poll(() => cardValue(page, 'scorecard-accepted'), { timeout: 15_000 }).toBe('2');
    expect(plain(await cardValue(page, 'scorecard-rejection-rate'))).toBe('33,3 %');
    // The trend's chart says its figures in words; this month's bar has moved too.
    const thisMonth = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Africa/Algiers',
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    await expect
      .poll(() => page.getByRole('img', { name: /^Réceptionnés par mois :/ }).getAttribute('aria-label'), {
        timeout: 15_000,
      })
      .toMatch(new RegExp(`${thisMonth} 2$`));

    // The window lives in the address: the last 90 days, then a month.
    await page.getByLabel('Période').selectOption('90-jours');
    await page.waitForURL((url) => url.searchParams.get('periode') === '90-jours');
    await expect.poll(() => cardValue(page, 'scorecard-accepted'), { timeout: 15_000 }).toBe('2');
    await page.getByLabel('Période').selectOption('mois');
    await page.waitForURL((url) => /^\d{4}-\d{2}$/.test(url.searchParams.get('periode') ?? ''));
    await expect.poll(() => cardValue(page, 'scorecard-accepted'), { timeout: 15_000 }).toBe('2');
    // This month is said up to today (on its last day, up to that day), and live.
    await page
      .getByText(/^Du 01\/\d\d\/\d{4} (à aujourd’hui|au \d\d\/\d\d\/\d{4}), en direct$/)
      .waitFor({ timeout: 15_000 });

    // On a phone, each step is a block of lines, every figure on the screen under its name.
    await page.setViewportSize({ width: 390, height: 844 });
    const onTime = steps.filter({ hasText: 'Prise de rendez-vous' }).getByTestId('on-time');
    expect(await onTime.getAttribute('data-label')).toBe('Dans les délais');
    const box = await onTime.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  }, 90_000);

  it("shows a DOT manager its wilaya's scorecard, and a firm working there when it picks one", async () => {
    await counted(null, { accepted: 3 });
    // Another wilaya in the address: its own is shown, and the address says so.
    const page = await run.signIn(`${path}?wilaya=31`, 'dot-qualite@at.test', 'dot manager password');
    await page.getByRole('heading', { name: 'Tableau de bord qualité', level: 1 }).waitFor({ timeout: 15_000 });
    await page.waitForURL((url) => url.searchParams.get('wilaya') === '16');
    await page.getByTestId('scorecard-scope').filter({ hasText: 'Wilaya 16 Alger, tous les contractants' }).waitFor();
    expect(await page.getByLabel('Wilaya').locator('option').allInnerTexts()).toEqual(['16 — Alger']);
    await expect.poll(() => cardValue(page, 'scorecard-accepted'), { timeout: 15_000 }).toBe('3');
    // A wilaya's scorecard ranks no one.
    expect(await page.getByTestId('scorecard-rank').count()).toBe(0);

    await page.getByRole('combobox', { name: 'Contractant', exact: true }).fill('Fibre Qualité');
    await page.getByRole('option', { name: /SARL Fibre Qualité/ }).click({ timeout: 15_000 });
    await page.waitForURL((url) => url.searchParams.get('contractant') === records.firmId);
    await page
      .getByTestId('scorecard-scope')
      .filter({ hasText: 'SARL Fibre Qualité, dans la wilaya 16 Alger' })
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => cardValue(page, 'scorecard-accepted'), { timeout: 15_000 }).toBe('2');
    // Opened again from its address, the picker names the firm chosen.
    await page.reload();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Contractant', exact: true }).inputValue(), { timeout: 15_000 })
      .toBe('SARL Fibre Qualité');
    await page.getByRole('button', { name: 'Tous les contractants' }).click();
    await page.getByTestId('scorecard-scope').filter({ hasText: 'Wilaya 16 Alger, tous les contractants' }).waitFor();
    await page.close();
  }, 90_000);
});
