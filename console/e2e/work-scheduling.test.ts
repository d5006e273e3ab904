import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  installedCustomerSubscription,
  mustQuery,
} from '../../server/test/api.js';
import { browserTest } from './browser.js';

/** The calendar day `days` from now (UTC), as its year, month (1–12), day and "YYYY-MM-DD". */
function dayAhead(days: number): { year: number; month: number; day: number; text: string } {
  const date = new Date(Date.now() + days * 86_400_000);
  const text = date.toISOString().slice(0, 10);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), text };
}

/** "DD/MM/YYYY" of a day, as the console writes it. */
const frenchDay = (day: { text: string }) => day.text.split('-').reverse().join('/');

/** The appointment the database holds for a customer subscription, as an ISO instant. */
async function storedAppointment(run: ReturnType<typeof browserTest>, id: string): Promise<string | null> {
  const [row] = await run.t.sql<{ appointment_at: Date | null }>(
    'select appointment_at from customer_subscription where id = $1',
    [id],
  );
  return row?.appointment_at ? row.appointment_at.toISOString() : null;
}

async function createUser(run: ReturnType<typeof browserTest>, input: Record<string, unknown>): Promise<void> {
  await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', { input });
}

describe('assigning and scheduling customer subscriptions in a real Chromium', () => {
  const run = browserTest();

  it("lets a DOT manager give a site's pending work to the site's contractor and book its appointment in Algiers time; the contractor moves it", async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Fibre du Tell' });
    await activeContractor(run.t, { legalName: 'EURL Autre Firme' });
    const site = await createSite(run.t, { targetConnections: 10 });
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: firm.id },
    );
    const work = await createCustomerSubscription(run.t, {
      siteId: site.id,
      orderedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    const [row] = await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where id = $1',
      [work.id],
    );
    const reference = row!.order_reference;
    await createUser(run, {
      email: 'dot-16@at.test',
      displayName: 'DOT Alger',
      role: 'DOT_MANAGER',
      password: 'dot manager password',
      wilayaCodes: ['16'],
    });
    await createUser(run, {
      email: 'tell@firm.test',
      displayName: 'Chef d’équipe',
      role: 'CONTRACTOR',
      contractorId: firm.id,
      password: 'contractor password',
    });

    // The site lists its work, each linking to its page.
    const dot = await run.signIn(`/sites/${site.id}`, 'dot-16@at.test', 'dot manager password');
    await dot.getByTestId('site-customer-subscription-row').first().waitFor({ timeout: 15_000 });
    expect(await dot.getByTestId('site-customer-subscription-row').count()).toBe(1);
    await dot.getByRole('link', { name: reference }).click();
    await dot.getByRole('heading', { name: `Commande ${reference}` }).waitFor();
    expect(await dot.getByTestId('customer-subscription-status').innerText()).toBe('En attente');

    // On a site, the work goes to the site's contractor only: no other firm is offered.
    await dot.getByRole('button', { name: 'Affecter' }).click();
    await dot.getByText('Le travail d’un site va au contractant du site : SARL Fibre du Tell.').waitFor();
    expect(await dot.getByRole('combobox', { name: 'Contractant (actifs dans la wilaya)' }).count()).toBe(0);
    await dot.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => dot.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Affecté');
    expect(await dot.getByTestId('customer-subscription-contractor').innerText()).toBe('SARL Fibre du Tell');

    // Booking without a time is refused beside the field, which gets the focus.
    await dot.getByRole('button', { name: 'Planifier le rendez-vous' }).click();
    await dot.getByRole('button', { name: 'Confirmer' }).click();
    await dot.getByRole('alert').filter({ hasText: 'Indiquez la date et l’heure du rendez-vous.' }).waitFor();
    expect(await dot.locator('#work-appointment:focus').count()).toBe(1);
    expect(await dot.getByLabel('Rendez-vous (heure d’Alger)').getAttribute('aria-invalid')).toBe('true');

    // 10:30 in Algiers (UTC+1) is 09:30 UTC in the database.
    const day = dayAhead(5);
    await dot.getByLabel('Rendez-vous (heure d’Alger)').fill(`${day.text}T10:30`);
    await dot
      .getByLabel('Raison (facultative, par exemple pourquoi le rendez-vous change)')
      .fill('convenu avec le client par téléphone');
    await dot.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => dot.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Rendez-vous pris');
    expect(await dot.getByTestId('customer-subscription-appointment').innerText()).toBe(`${frenchDay(day)} 10:30:00`);
    expect(await storedAppointment(run, work.id)).toBe(
      new Date(Date.UTC(day.year, day.month - 1, day.day, 9, 30)).toISOString(),
    );
    await dot.close();

    // The contractor may move its own appointment or declare a failure, not reassign nor cancel the order.
    const contractor = await run.signIn(`/raccordements/${work.id}`, 'tell@firm.test', 'contractor password');
    await contractor.getByRole('button', { name: 'Déplacer le rendez-vous' }).waitFor({ timeout: 15_000 });
    expect(await contractor.getByRole('button', { name: 'Déclarer en échec' }).count()).toBe(1);
    expect(await contractor.getByRole('button', { name: 'Réaffecter' }).count()).toBe(0);
    expect(await contractor.getByRole('button', { name: 'Annuler la commande' }).count()).toBe(0);
    await contractor.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
    expect(await contractor.getByLabel('Rendez-vous (heure d’Alger)').inputValue()).toBe(`${day.text}T10:30`);
    const later = dayAhead(6);
    await contractor.getByLabel('Rendez-vous (heure d’Alger)').fill(`${later.text}T14:00`);
    await contractor.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => contractor.getByTestId('customer-subscription-appointment').innerText(), { timeout: 10_000 })
      .toBe(`${frenchDay(later)} 14:00:00`);
    expect(await storedAppointment(run, work.id)).toBe(
      new Date(Date.UTC(later.year, later.month - 1, later.day, 13, 0)).toISOString(),
    );
    await contractor.close();
  });

  it("refuses work on a site that is not open, assigns other work among the wilaya's active firms, and cancels it with a reason", async () => {
    await activeContractor(run.t, { legalName: 'SARL Réseaux de la Mitidja' });
    const plannedSite = await createSite(run.t);
    const onPlannedSite = await createCustomerSubscription(run.t, { siteId: plannedSite.id });
    const admin = await run.signIn(`/raccordements/${onPlannedSite.id}`);
    await admin.getByRole('button', { name: 'Affecter' }).click();
    await admin
      .getByText(
        `Ce raccordement fait partie du site ${plannedSite.code.toUpperCase()}, dont le statut est « Planifié »`,
        { exact: false },
      )
      .waitFor({ timeout: 10_000 });
    expect(await admin.getByRole('button', { name: 'Confirmer' }).count()).toBe(0);

    const loose = await createCustomerSubscription(run.t);
    await admin.goto(`${run.t.url}/raccordements/${loose.id}`);
    await admin.getByRole('button', { name: 'Affecter' }).click();
    await admin.getByRole('combobox', { name: 'Contractant (actifs dans la wilaya)' }).fill('Mitidja');
    await admin.getByRole('option', { name: /^SARL Réseaux de la Mitidja/ }).click();
    await admin.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => admin.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Affecté');
    expect(await admin.getByTestId('customer-subscription-contractor').innerText()).toBe('SARL Réseaux de la Mitidja');

    await admin.getByRole('button', { name: 'Annuler la commande' }).click();
    await admin.getByRole('button', { name: 'Confirmer' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Indiquez la raison' }).waitFor();
    await admin.getByLabel('Raison (gardée dans l’historique)').fill('le client a résilié sa commande');
    await admin.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => admin.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Annulé');
    const [row] = await run.t.sql<{ status: string; status_reason: string }>(
      'select status, status_reason from customer_subscription where id = $1',
      [loose.id],
    );
    expect(row).toEqual({ status: 'CANCELLED', status_reason: 'le client a résilié sa commande' });
    expect(await admin.getByRole('button', { name: 'Annuler la commande' }).count()).toBe(0);
    await admin.close();
  });

  it('shows each measurement of a report against its threshold window, within or outside, in words', async () => {
    const firm = await activeContractor(run.t);
    const outside = await installedCustomerSubscription(run.t, firm.id, '-29.5');
    const within = await installedCustomerSubscription(run.t, firm.id, '-21.5');
    const page = await run.signIn(`/raccordements/${outside}`);
    const power = page.getByTestId('measurement-received-power');
    await power.waitFor({ timeout: 15_000 });
    expect((await power.innerText()).split('\t').map((cell) => cell.trim())).toEqual([
      'Puissance reçue à l’ONT (1490 nm)',
      '−29,5\u00a0dBm',
      'de −27 à −8\u00a0dBm',
      '✗ Hors seuil',
    ]);
    expect(
      (await page.getByTestId('measurement-splice-loss').innerText()).split('\t').map((cell) => cell.trim()),
    ).toEqual(['Perte d’épissure', 'Non mesurée', 'au plus 0,1\u00a0dB', '—']);
    expect(await page.getByTestId('quality-verdict').innerText()).toBe('Hors seuils');

    await page.goto(`${run.t.url}/raccordements/${within}`);
    await page
      .getByTestId('measurement-received-power')
      .filter({ hasText: '−21,5\u00a0dBm' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('measurement-received-power').innerText()).toContain('✓ Dans le seuil');

    // The same in English.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByTestId('measurement-received-power').filter({ hasText: 'Within the threshold' }).waitFor();
    expect(await page.getByTestId('measurement-received-power').innerText()).toContain('from −27 to −8\u00a0dBm');
    await page.close();
  });
});
