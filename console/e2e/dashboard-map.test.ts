import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { testAdmin } from '../../server/test/harness.js';
import { browserTest } from './browser.js';

describe('the map of the roll-out in a real Chromium', () => {
  const run = browserTest();

  it('draws the 58 wilayas from the shipped boundaries and moves live when work is accepted', async () => {
    const firm = await activeContractor(run.t);
    const installed = await installedCustomerSubscription(run.t, firm.id);
    const page = await run.signIn('/', testAdmin.email, testAdmin.password);
    const algiers = page.locator('[data-testid="wilaya-shape"][data-code="16"]');
    await expect.poll(() => page.getByTestId('wilaya-shape').count(), { timeout: 15_000 }).toBe(58);
    // Nothing is fetched from outside the server: no tiles, no boundaries.
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(run.t.url)) outside.push(request.url());
    });
    await page.getByText(/^En direct au /).waitFor({ timeout: 15_000 });
    await page.getByLabel('Colorer la carte par').selectOption({ label: 'Rapports à réceptionner' });
    await expect.poll(() => algiers.getAttribute('aria-label')).toBe('16 Alger : 1');
    const before = await algiers.getAttribute('fill');
    await expect(page.getByRole('link', { name: '© OpenStreetMap contributors' }).getAttribute('href')).resolves.toBe(
      'https://www.openstreetmap.org/copyright',
    );

    // Another session accepts the report; this page is not reloaded.
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
      { id: installed },
    );
    await expect.poll(() => algiers.getAttribute('aria-label'), { timeout: 10_000 }).toBe('16 Alger : 0');
    expect(await algiers.getAttribute('fill')).not.toBe(before);

    // Hovering a wilaya shows its figures.
    await algiers.hover();
    const tooltip = page.getByTestId('wilaya-map-tooltip');
    await expect
      .poll(() => tooltip.innerText())
      .toMatch(/16 Alger[\s\S]*Rapports à réceptionner\s+0 · le plus ancien —/);
    expect(outside).toEqual([]);

    // Coloured by open work: the wilaya with most is darkest, one with none the lightest.
    const communes = await run.t.sql<{ id: number; code: string }>(
      "select min(id) as id, wilaya_code as code from commune where wilaya_code in ('05', '13', '31', '47') group by wilaya_code",
    );
    const rows = communes.flatMap(({ id, code }) =>
      Array.from(
        { length: Number(code) % 7 },
        (_, n) => `map-${code}-${n};Client;0661234567;Rue ${n};${id};IDOOM FIBRE 100 Mbps`,
      ),
    );
    await mustQuery(run.t, 'mutation ($csv: String!) { importCustomerSubscriptions(csv: $csv) { created } }', {
      csv: ['order_reference;customer_name;customer_phone;customer_address;commune_id;offer', ...rows].join('\n'),
    });
    await page.getByLabel('Colorer la carte par').selectOption({ label: 'Travaux en cours' });
    // Tlemcen (13) has 6 orders, the most; Batna (05) 5, Oran (31) 3, the others none.
    await expect
      .poll(() => page.locator('[data-testid="wilaya-shape"][data-code="05"]').getAttribute('aria-label'), {
        timeout: 10_000,
      })
      .toBe('05 Batna : 5');
    const fills = await page.getByTestId('wilaya-shape').evaluateAll((shapes) =>
      Object.fromEntries(
        shapes.map((shape) => {
          const element = shape as unknown as { getAttribute(name: string): string | null };
          return [element.getAttribute('data-code'), element.getAttribute('fill')];
        }),
      ),
    );
    expect([fills['13'], fills['05'], fills['31'], fills['01']]).toEqual(['#08519c', '#08519c', '#6baed6', '#eff3ff']);
    await page.evaluate("document.querySelector('.dashboard-wilayas h2').scrollIntoView()");
    await page.mouse.move(0, 0);
    await page.locator('[data-testid="wilaya-shape"][data-code="13"]').focus();
    // What docs/screenshots/dashboard-map.png shows, taken afresh on every run.
    await page.screenshot({ path: 'dist/screenshots/dashboard-map.png' });

    // A click opens the wilaya: its open work on its own map, gathered at its commune.
    await page.locator('[data-testid="wilaya-shape"][data-code="13"]').click();
    await page.getByRole('heading', { name: 'Tableau de bord — 13 Tlemcen' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('map-point').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('map-point').locator('title').textContent()).toBe('6 En attente');
    await page.close();
  }, 60_000);

  it('is used with the keyboard: Tab reaches a wilaya, its figures show, Enter opens its dashboard', async () => {
    const page = await run.signIn('/', testAdmin.email, testAdmin.password);
    await expect.poll(() => page.getByTestId('wilaya-shape').count(), { timeout: 15_000 }).toBe(58);
    // A keyboard user: the mouse rests off the map (left where the sign-in button was, it can lie over a
    // wilaya once the page scrolls to the focused one, and hovering shows that wilaya instead).
    await page.mouse.move(0, 0);
    await page.getByLabel('Colorer la carte par').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate<unknown>("document.activeElement?.getAttribute('data-code')")).toBe('01');
    await expect.poll(() => page.getByTestId('wilaya-map-tooltip').innerText()).toContain('01 Adrar');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate<unknown>("document.activeElement?.getAttribute('data-code')")).toBe('02');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tableau de bord — 02 Chlef' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('wilaya')).toBe('02');
    await page.close();
  }, 60_000);

  it('fits a phone: the map fills the screen, a tap shows the figures, a second tap opens the wilaya', async () => {
    const context = await run.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    run.watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${run.t.url}/`);
    await page.getByLabel('Adresse e-mail').fill(testAdmin.email);
    await page.getByLabel('Mot de passe').fill(testAdmin.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('wilaya-shape').count(), { timeout: 15_000 }).toBe(58);
    const map = await page.locator('.wilaya-map svg').boundingBox();
    expect(map!.width).toBeGreaterThan(300);
    expect(map!.x + map!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const oran = page.locator('[data-testid="wilaya-shape"][data-code="31"]');
    await oran.tap();
    await expect.poll(() => page.getByTestId('wilaya-map-tooltip').innerText()).toContain('31 Oran');
    const axe = await new AxeBuilder({ page }).include('.wilaya-map').analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await page.getByRole('button', { name: 'Ouvrir la wilaya' }).tap();
    await page.getByRole('heading', { name: 'Tableau de bord — 31 Oran' }).waitFor({ timeout: 15_000 });
    await context.close();
  }, 60_000);
});
