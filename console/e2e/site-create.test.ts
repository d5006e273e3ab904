import { describe, expect, it } from 'vitest';
import { createSite, mustQuery } from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('creating a site in a real Chromium', () => {
  const run = browserTest();

  it('lets an administrator create a site from the list: the refusals beside their fields, then the new site’s page', async () => {
    const taken = await createSite(run.t);
    const page = await run.signIn('/sites');
    await page.getByRole('link', { name: 'Nouveau site' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Nouveau site' }).waitFor();

    // The console's own checks: what is missing is said beside each field, the focus on the first.
    await page.getByRole('button', { name: 'Créer le site' }).click();
    await page.locator('#site-code-problem').waitFor();
    expect(await page.locator('#site-code:focus').count()).toBe(1);
    expect(await page.locator('#site-wilaya-problem').innerText()).toBe('est obligatoire');
    expect(await page.locator('#site-target-problem').innerText()).toBe('doit être un nombre entier, au moins 1');

    await page.getByLabel('Code (ex. ALG-BAB-0042)').fill(taken.code);
    await page.getByLabel('Nom', { exact: true }).fill('Cité 1200 logements, Bab Ezzouar');
    await page.getByLabel('Type de site').selectOption({ label: 'Immeuble' });
    await page.getByLabel('Wilaya', { exact: true }).selectOption('16');
    await page.getByLabel('Commune', { exact: true }).selectOption('554');
    await page.getByLabel('Raccordements à livrer (objectif)').fill('120');
    await page.getByLabel('Latitude (facultative, ex. 36,7538)').fill('36,80');
    await page.getByLabel('Longitude (facultative, ex. 3,0588)').fill('13,2');
    await page.getByLabel('Début prévu (facultatif)').fill('2026-12-01');
    await page.getByLabel('Fin prévue (facultative)').fill('2027-03-31');

    // The server's refusals: the longitude outside Algeria, then the code already taken.
    await page.getByRole('button', { name: 'Créer le site' }).click();
    await page.locator('#site-longitude-problem').waitFor({ timeout: 10_000 });
    expect(await page.locator('#site-longitude-problem').innerText()).toBe('doit être en Algérie (−8,7 à 12,0)');
    expect(await page.locator('#site-longitude:focus').count()).toBe(1);
    expect(await page.getByLabel('Longitude (facultative, ex. 3,0588)').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Longitude (facultative, ex. 3,0588)').fill('2,93');
    await page.getByRole('button', { name: 'Créer le site' }).click();
    await page
      .locator('#site-code-problem')
      .filter({ hasText: 'Cette valeur est déjà utilisée par un autre enregistrement.' })
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#site-code:focus').count()).toBe(1);
    expect(await page.locator('#site-longitude-problem').count()).toBe(0);

    await page.getByLabel('Code (ex. ALG-BAB-0042)').fill('alg-bab-1200');
    await page.getByRole('button', { name: 'Créer le site' }).click();
    await page
      .getByRole('heading', { name: 'Site ALG-BAB-1200 — Cité 1200 logements, Bab Ezzouar' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('site-status').innerText()).toBe('Planifié');
    const [site] = await run.t.sql<Record<string, unknown>>(
      'select code, name, kind, commune_id, wilaya_code, target_connections, latitude, longitude, planned_start, planned_end, status from site where code = $1',
      ['ALG-BAB-1200'],
    );
    expect(site).toMatchObject({
      name: 'Cité 1200 logements, Bab Ezzouar',
      kind: 'BUILDING',
      wilaya_code: '16',
      target_connections: 120,
      status: 'PLANNED',
    });
    expect([Number(site!['commune_id']), Number(site!['latitude']), Number(site!['longitude'])]).toEqual([
      554, 36.8, 2.93,
    ]);
    expect(page.url()).toMatch(/\/sites\/\d+$/);
    await page.close();
  });

  it('offers a DOT manager only its wilayas, and no creation to a viewer', async () => {
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-oran@at.test',
        displayName: 'DOT Oran',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['31'],
      },
    });
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: 'lecture@at.test', displayName: 'Lecture', role: 'VIEWER', password: 'viewer password long' },
    });
    const dot = await run.signIn('/sites', 'dot-oran@at.test', 'dot manager password');
    // With no site yet, the empty list offers "Nouveau site" too: either link leads to the form.
    await dot.getByRole('link', { name: 'Nouveau site' }).first().click({ timeout: 15_000 });
    await dot.getByRole('option', { name: '31 — Oran' }).waitFor({ state: 'attached', timeout: 10_000 });
    expect(await dot.getByLabel('Wilaya', { exact: true }).locator('option').allInnerTexts()).toEqual([
      'Choisir…',
      '31 — Oran',
    ]);
    await dot.close();

    const viewer = await run.signIn('/sites', 'lecture@at.test', 'viewer password long');
    await viewer.getByRole('heading', { name: 'Sites' }).waitFor({ timeout: 15_000 });
    await viewer
      .getByRole('status')
      .filter({ hasText: /^Sites : / })
      .waitFor();
    expect(await viewer.getByRole('link', { name: 'Nouveau site' }).count()).toBe(0);
    await viewer.close();
  });
});
