import { describe, expect, it } from 'vitest';
import { mustQuery } from '../../server/test/api.js';
import { testAdmin } from '../../server/test/harness.js';
import { addDays, algiersDate, daysBetween } from '../../server/src/common/time.js';
import { browserTest } from './browser.js';

describe('the "Objectif 2027" panel in a real Chromium', () => {
  const run = browserTest();

  it('shows where a wilaya stands against the deadline, when it would reach its target, and its status in the national table', async () => {
    // Oran's counters as eight weeks of work would have left them: 18 and 22 in turn, a pace of 20
    // a week whose slow end (18.6) still finishes, with what remains, halfway to the deadline.
    const today = algiersDate(new Date());
    const daysLeft = daysBetween(today, '2027-12-31') + 1;
    const remaining = Math.max(1, Math.floor((18 * daysLeft) / 14));
    await run.t.sql("insert into wilaya_target (wilaya_code, target_connections) values ('31', $1)", [200 + remaining]);
    await run.t.sql(
      "insert into wilaya_backlog (wilaya_code, status, customer_subscriptions) values ('31', 'ACCEPTED', 200)",
    );
    for (let week = 0; week < 8; week++)
      await run.t.sql(
        "insert into wilaya_acceptance_day (wilaya_code, day, accepted, first_time_right) values ('31', $1, $2, 0)",
        [addDays(today, -56 + 7 * week + 3), week % 2 === 0 ? 18 : 22],
      );
    const { dashboard } = await mustQuery<{
      dashboard: { projection: { status: string; earliestCompletion: string; latestCompletion: string } };
    }>(run.t, 'query { dashboard(wilayaCode: "31") { projection { status earliestCompletion latestCompletion } } }');
    expect(dashboard.projection.status).toBe('ON_TRACK');
    const month = (day: string, withYear: boolean) =>
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'UTC',
        month: 'long',
        ...(withYear ? { year: 'numeric' } : {}),
      }).format(new Date(`${day}T00:00:00Z`));
    const { earliestCompletion: earliest, latestCompletion: latest } = dashboard.projection;
    const range =
      earliest.slice(0, 7) === latest.slice(0, 7)
        ? `En ${month(earliest, true)}.`
        : `Entre ${month(earliest, earliest.slice(0, 4) !== latest.slice(0, 4))} et ${month(latest, true)}.`;

    const page = await run.signIn('/?wilaya=31', testAdmin.email, testAdmin.password);
    const panel = page.getByTestId('rollout-panel');
    await panel.getByRole('heading', { name: 'Objectif 2027' }).waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('rollout-status').innerText()).toBe('Dans les temps');
    expect(await panel.getByTestId('rollout-range').innerText()).toBe(range);
    expect(await panel.getByTestId('rollout-pace').innerText()).toMatch(/^20 par semaine \(de 18,6 à 21,4\), du /);
    expect(await panel.getByTestId('rollout-needed').innerText()).toMatch(
      /^\d+(,\d)? par semaine pour finir le 31\/12\/2027$/,
    );

    // The national table says where each wilaya stands: Oran on track, Alger with no target.
    await page.getByLabel('Périmètre').selectOption('');
    await page.getByRole('heading', { name: 'Tableau de bord national' }).waitFor({ timeout: 15_000 });
    const oran = page.getByTestId('wilaya-progress-row').filter({ hasText: 'Oran' });
    await expect.poll(() => oran.getByTestId('rollout-status').innerText(), { timeout: 15_000 }).toBe('Dans les temps');
    expect(
      await page
        .getByTestId('wilaya-progress-row')
        .filter({ hasText: 'Alger' })
        .first()
        .getByTestId('rollout-status')
        .innerText(),
    ).toBe('Sans objectif');
    await page.close();
  }, 90_000);
  it('outlines on the national map the wilayas that even their fastest recent pace leaves short of the deadline', async () => {
    // Tlemcen: a million connections to go at 1 or 3 a week: behind whatever the pace's interval.
    const today = algiersDate(new Date());
    await run.t.sql("insert into wilaya_target (wilaya_code, target_connections) values ('13', 1000000)");
    for (let week = 0; week < 8; week++)
      await run.t.sql(
        "insert into wilaya_acceptance_day (wilaya_code, day, accepted, first_time_right) values ('13', $1, $2, 0)",
        [addDays(today, -56 + 7 * week + 3), week % 2 === 0 ? 1 : 3],
      );
    const { dashboard } = await mustQuery<{ dashboard: { projection: { status: string } } }>(
      run.t,
      'query { dashboard(wilayaCode: "13") { projection { status } } }',
    );
    expect(dashboard.projection.status).toBe('BEHIND');

    const page = await run.signIn('/', testAdmin.email, testAdmin.password);
    const tlemcen = page.locator('[data-testid="wilaya-shape"][data-code="13"]');
    // The national dashboard opens on the map (a newcomer found it a screen below the figures).
    await tlemcen.waitFor({ timeout: 15_000 });
    expect((await page.locator('.wilaya-map svg').boundingBox())!.y).toBeLessThan(900);
    await expect.poll(() => tlemcen.getAttribute('class'), { timeout: 15_000 }).toContain('behind');
    expect(await tlemcen.getAttribute('aria-label')).toMatch(/^13 Tlemcen : .* · Hors délai$/);
    // Alger has no target: not outlined.
    expect(
      (await page.locator('[data-testid="wilaya-shape"][data-code="16"]').getAttribute('class')) ?? '',
    ).not.toContain('behind');
    expect(await page.locator('.wilaya-map-legend').innerText()).toContain('Contour rouge : Hors délai');
    await tlemcen.focus();
    await expect
      .poll(() => page.getByTestId('wilaya-map-tooltip').innerText(), { timeout: 15_000 })
      .toContain('Hors délai');
    await page.close();
  }, 90_000);
});
