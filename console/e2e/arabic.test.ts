import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../server/test/api.js';
import { signIn as apiSignIn } from '../../server/test/harness.js';
import { browserTest } from './browser.js';

/**
 * The console in Arabic in a real Chromium (issue 19 item 1): chosen from the language menu, written
 * right to left with the layout mirrored, kept after a reload, amounts with the dinar's Arabic sign
 * and Latin digits. With `SCREENSHOT_DIR` set (e.g. `docs/screenshots`), each page is also saved there
 * as `ar-*.png`.
 */
const run = browserTest();

/** Saves the page as `ar-<name>.png` in `SCREENSHOT_DIR`, when it is set. */
async function screenshot(page: Page, name: string): Promise<void> {
  const directory = process.env['SCREENSHOT_DIR'];
  if (directory) await page.screenshot({ path: join(directory, `ar-${name}.png`), fullPage: true });
}

/** The page's `<html>` language and direction. */
function documentDirection(page: Page): Promise<unknown> {
  return page.evaluate('({ lang: document.documentElement.lang, dir: document.documentElement.dir })');
}

/** An amount as the console writes it in Arabic: Latin digits (a left-to-right isolate), then د.ج. */
const arabicAmount = /^\u2066−?\d{1,3}(\u00a0\d{3})*,\d{2}\u2069\u00a0د\.ج$/;

describe('the console in Arabic, right to left', () => {
  it('takes the acceptance path in Arabic: a DOT manager accepts a report, the firm sees the connection on its draft invoice', async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL الألياف البصرية' });
    const installed = await installedCustomerSubscription(run.t, firm.id);
    // Each user chose Arabic for their account: the console applies it at sign-in, this browser having no choice of its own.
    const arabicUser = async (input: Record<string, unknown>) => {
      await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { password: 'arabic reader password', ...input },
      });
      const token = await apiSignIn(run.t.url, input['email'] as string, 'arabic reader password');
      await run.t.graphql('mutation { setMyLanguage(language: AR) { id } }', {}, { authorization: `Bearer ${token}` });
    };
    await arabicUser({
      email: 'dot-ar@at.test',
      displayName: 'مدير الجزائر',
      role: 'DOT_MANAGER',
      wilayaCodes: ['16'],
    });
    await arabicUser({ email: 'firme-ar@firm.test', displayName: 'محاسب', role: 'CONTRACTOR', contractorId: firm.id });

    const dot = await run.signIn(`/raccordements/${installed}`, 'dot-ar@at.test', 'arabic reader password');
    await dot.locator('html[dir="rtl"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => dot.getByTestId('quality-verdict').innerText(), { timeout: 15_000 }).toBe('ضمن العتبات');
    await dot.getByRole('button', { name: 'استلام', exact: true }).click();
    await dot.getByRole('button', { name: 'تأكيد' }).click();
    await expect
      .poll(() => dot.getByTestId('customer-subscription-status').innerText(), { timeout: 15_000 })
      .toBe('مستلَم');
    await screenshot(dot, 'acceptance');

    const office = await run.signIn('/factures', 'firme-ar@firm.test', 'arabic reader password');
    await office.locator('html[dir="rtl"]').waitFor({ timeout: 15_000 });
    await office.getByRole('link', { name: 'مسودة', exact: true }).first().click();
    await office.getByTestId('invoice-line').first().waitFor({ timeout: 15_000 });
    const [work] = await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where id = $1',
      [installed],
    );
    expect(await office.getByTestId('invoice-line').first().innerText()).toContain(work!.order_reference);
    const amounts = await office.getByTestId('invoice-line').first().locator('td.number bdi').allTextContents();
    expect(amounts.some((amount) => arabicAmount.test(amount))).toBe(true);
    await dot.close();
    await office.close();
  }, 120_000);

  it('switches to Arabic from the menu, mirrors the layout, keeps it after a reload and writes amounts in dinars', async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Fibre (Est) 2' });
    const installed = await installedCustomerSubscription(run.t, firm.id);
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: installed },
    );
    const invoice = await firmInvoice(run.t, firm.id);

    const page = await run.signIn('/');
    await page.getByRole('heading', { name: 'Tableau de bord national' }).waitFor({ timeout: 15_000 });
    expect(await documentDirection(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    const brand = page.getByRole('link', { name: 'Raccord', exact: true });
    const ltrBrand = (await brand.boundingBox())!;

    await page.getByLabel('Langue').selectOption({ label: 'العربية' });
    await page.getByRole('heading', { name: 'لوحة المتابعة الوطنية' }).waitFor();
    expect(await documentDirection(page)).toEqual({ lang: 'ar', dir: 'rtl' });

    // Mirrored: the brand on the right, the navigation to its left, the language and the account at the left end.
    const navigation = page.getByRole('navigation', { name: 'التصفح الرئيسي' });
    const box = async (locator: Locator) => (await locator.boundingBox())!;
    const rtlBrand = await box(brand);
    const rtlNavigation = await box(navigation);
    const language = await box(page.getByLabel('اللغة'));
    expect(ltrBrand.x).toBeLessThan(100);
    expect(rtlBrand.x + rtlBrand.width).toBeGreaterThan(1280 - 100);
    expect(rtlNavigation.x + rtlNavigation.width).toBeLessThanOrEqual(rtlBrand.x);
    // On the header's second row: the search box on the right, then the language, the account at the left end.
    const search = await box(page.locator('.global-search'));
    const signOut = await box(page.getByRole('button', { name: 'تسجيل الخروج' }));
    expect(language.x + language.width).toBeLessThanOrEqual(search.x);
    expect(signOut.x + signOut.width).toBeLessThanOrEqual(language.x);
    for (const name of ['لوحة المتابعة', 'المقاولون', 'التوصيلات', 'الفواتير', 'الصلاحيات'])
      await navigation.getByRole('link', { name }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'لوحة المتابعة الوطنية' }).waitFor({ timeout: 15_000 });
    expect(await documentDirection(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const awaiting = page.getByTestId('awaiting-approval').locator('.card-value');
    expect(await awaiting.textContent()).toMatch(arabicAmount);
    await screenshot(page, 'dashboard');

    await page.goto(`${run.t.url}/contractants/${firm.id}`);
    await page.getByRole('heading', { name: 'SARL Fibre (Est) 2' }).waitFor({ timeout: 15_000 });
    // A detail's value keeps its own direction: a Latin name with its parentheses in order.
    expect(await page.locator('.details dd > bdi').count()).toBeGreaterThan(10);
    await screenshot(page, 'contractor');

    await page.goto(`${run.t.url}/factures/${invoice.id}`);
    const netPayable = page.getByTestId('net-payable');
    await netPayable.waitFor({ timeout: 15_000 });
    const amount = (await netPayable.textContent())!;
    expect(amount).toMatch(arabicAmount);
    expect(amount).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    // The link back points back the way Arabic reads: to the right.
    const backArrow = page.evaluate<unknown>(
      "getComputedStyle(document.querySelector('.back-link'), '::before').content",
    );
    expect(await backArrow).toBe('"→ "');
    await screenshot(page, 'invoice');

    // Back to French: left to right again.
    await page.getByLabel('اللغة').selectOption('fr');
    await page.getByRole('heading', { name: /^Facture / }).waitFor();
    expect(await documentDirection(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.close();
  });

  it('shows the field view in Arabic on a phone, within its width, its header mirrored', async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Terrain Arabe' });
    const email = 'technicien-arabe@firm.test';
    const password = 'technician password';
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: 'Technicien Arabe', role: 'TECHNICIAN', contractorId: firm.id, password },
    });
    await scheduledCustomerSubscription(run.t, firm.id, { customerName: 'Karima Benali' });
    await scheduledCustomerSubscription(run.t, firm.id, { customerName: 'كريمة بن علي' });

    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    run.watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${run.t.url}/terrain`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mon travail' }).waitFor({ timeout: 15_000 });

    await page.getByLabel('Langue').selectOption('ar');
    await page.getByRole('heading', { name: 'عملي' }).waitFor();
    expect(await documentDirection(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await page.getByText('كريمة بن علي').waitFor();
    const brand = (await page.getByRole('link', { name: 'Raccord', exact: true }).boundingBox())!;
    expect(brand.x + brand.width).toBeGreaterThan(390 - 80);
    expect(await page.evaluate<unknown>('document.documentElement.scrollWidth')).toBe(390);
    await screenshot(page, 'field-phone');
    await context.close();
  });
});
