import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createSite,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../server/test/api.js';
import { accessibilityViolations, expectAccessible, pageReady } from './axe.js';
import { browserTest } from './browser.js';

/**
 * Every page of the console, for each kind of user, checked by axe (WCAG 2.1 A and AA): no serious
 * or critical violation (issue 19). The records behind the detail pages are made first, so that each
 * page shows its content, not its "not found".
 */
describe('accessibility of every page, for each role, checked by axe', () => {
  const run = browserTest();
  const password = 'a long enough password';

  const user = (email: string, role: string, extra: Record<string, unknown>) =>
    mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: email, role, password, ...extra },
    });

  /** Signs in as `email` and waits until the console shows the signed-in user's navigation. */
  async function signedIn(email?: string): Promise<Page> {
    const page = await run.signIn('/', email, email ? password : undefined);
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor({ timeout: 15_000 });
    return page;
  }

  /** Goes to each of `paths` on `page` (signed in) and checks it once its content shows there (not the sign-in page's). */
  async function checkPages(page: Page, paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      await page.goto(`${run.t.url}${path}`);
      await pageReady(page);
      expect(new URL(page.url()).pathname).toBe(path);
      await expectAccessible(page, path);
    }
  }

  it('finds what it must: a field without a label, grey text on grey, an image without a text', async () => {
    const page = await run.browser.newPage();
    await page.setContent(
      '<html lang="fr"><title>Essai</title><main><h1>Essai</h1><input type="text"><p style="color:#aaa;background:#bbb">Pâle</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>',
    );
    expect((await accessibilityViolations(page)).map((violation) => violation.split(' ')[0])).toEqual([
      'color-contrast',
      'image-alt',
      'label',
    ]);
    await page.close();
  });

  /** The records behind the detail pages, made once for the tests below (each role's pages in a test of its own). */
  const records = {} as {
    firmId: string;
    siteId: string;
    installed: string;
    toReceive: string;
    scheduled: string;
    invoiceId: string;
  };
  beforeAll(async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Fibre Accessible' });
    records.firmId = firm.id;
    records.siteId = (await createSite(run.t)).id;
    records.installed = await installedCustomerSubscription(run.t, firm.id);
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: records.installed },
    );
    records.toReceive = await installedCustomerSubscription(run.t, firm.id);
    records.scheduled = await scheduledCustomerSubscription(run.t, firm.id);
    records.invoiceId = (await firmInvoice(run.t, firm.id)).id;
    await user('dot-16@at.test', 'DOT_MANAGER', { wilayaCodes: ['16'] });
    await user('chef@firme.test', 'CONTRACTOR', { contractorId: firm.id, isContractorAdmin: true });
    await user('technicien@firme.test', 'TECHNICIAN', { contractorId: firm.id });
  }, 120_000);

  it('passes on the sign-in page and on every page an administrator opens', async () => {
    const { firmId, siteId, installed, invoiceId } = records;
    const signInPage = await run.browser.newPage({ viewport: { width: 1280, height: 900 } });
    run.watchCsp(signInPage);
    await signInPage.goto(`${run.t.url}/login`);
    await pageReady(signInPage);
    await expectAccessible(signInPage, '/login');
    await signInPage.close();

    const admin = await signedIn();
    await checkPages(admin, [
      '/',
      '/wilayas',
      '/wilayas/16',
      '/contractants',
      '/contractants/nouveau',
      '/contractants/import',
      `/contractants/${firmId}`,
      `/contractants/${firmId}/modifier`,
      '/acces',
      '/webhooks',
      '/sites',
      '/sites/nouveau',
      `/sites/${siteId}`,
      '/raccordements',
      '/raccordements/nouveau',
      '/raccordements/import',
      `/raccordements/${installed}`,
      '/reception',
      '/factures',
      `/factures/${invoiceId}`,
      '/bordereau',
      '/niveaux-de-service',
      '/tableau-de-bord-qualite',
      '/page-inconnue',
    ]);
    await admin.close();
  }, 180_000);

  it('passes on every page a DOT manager opens', async () => {
    const { siteId, toReceive, invoiceId } = records;
    const dot = await signedIn('dot-16@at.test');
    await checkPages(dot, [
      '/',
      '/sites',
      `/sites/${siteId}`,
      '/raccordements',
      `/raccordements/${toReceive}`,
      '/reception',
      '/factures',
      `/factures/${invoiceId}`,
      '/wilayas/16',
      '/tableau-de-bord-qualite',
    ]);
    await dot.close();
  }, 120_000);

  it("passes on every page a firm's administrator opens", async () => {
    const { scheduled, invoiceId } = records;
    const firmAdmin = await signedIn('chef@firme.test');
    await checkPages(firmAdmin, [
      '/sites',
      '/raccordements',
      `/raccordements/${scheduled}`,
      '/factures',
      `/factures/${invoiceId}`,
      '/tableau-de-bord-qualite',
      '/acces',
      '/terrain',
      `/terrain/${scheduled}`,
    ]);
    await firmAdmin.close();
  }, 120_000);

  it('passes on the field view on a phone, signed in as a technician', async () => {
    const { scheduled } = records;
    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    run.watchCsp(context);
    const technician = await context.newPage();
    await technician.goto(`${run.t.url}/terrain`);
    await pageReady(technician);
    await expectAccessible(technician, '/login (phone)');
    await technician.getByLabel('Adresse e-mail').fill('technicien@firme.test');
    await technician.getByLabel('Mot de passe').fill(password);
    await technician.getByRole('button', { name: 'Se connecter' }).click();
    await technician.getByRole('heading', { name: 'Mon travail' }).waitFor({ timeout: 15_000 });
    await checkPages(technician, ['/terrain', `/terrain/${scheduled}`]);
    await context.close();
  }, 90_000);
});
