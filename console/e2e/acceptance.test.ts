import { describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('acceptance in the browser, watched live from another session', () => {
  const run = browserTest();

  it("lets a DOT manager accept an installation, or reject one with reserves, while the administrator's dashboard moves by itself", async () => {
    const firm = await activeContractor(run.t);
    const toAccept = await installedCustomerSubscription(run.t, firm.id);
    const toReject = await installedCustomerSubscription(run.t, firm.id, '-29.5');
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-16@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });

    const admin = await run.signIn('/');
    await admin.getByText(/^En direct au /).waitFor({ timeout: 15_000 });
    const acceptedToday = () => admin.getByTestId('accepted-today').locator('.card-value').innerText();
    expect(await acceptedToday()).toBe('0');

    const dot = await run.signIn('/raccordements', 'dot-16@at.test', 'dot manager password');
    await expect.poll(() => dot.getByTestId('customer-subscription-row').count(), { timeout: 15_000 }).toBe(2);
    await dot.goto(`${run.t.url}/raccordements/${toAccept}`);
    expect(await dot.getByTestId('quality-verdict').innerText()).toBe('Dans les seuils');
    await dot.getByRole('button', { name: 'Réceptionner' }).click();
    await dot.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => dot.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Réceptionné');
    expect(await dot.getByTestId('timeline-event').last().innerText()).toMatch(/Changement d’état : Réceptionné/);

    // The administrator's page was not touched.
    await expect.poll(acceptedToday, { timeout: 10_000 }).toBe('1');

    // Outside the thresholds (−29.5 dBm for class B+): rejected with two reserves.
    await dot.goto(`${run.t.url}/raccordements/${toReject}`);
    await dot.getByTestId('quality-verdict').filter({ hasText: 'Hors seuils' }).waitFor({ timeout: 10_000 });
    await dot.getByRole('button', { name: 'Refuser avec réserves' }).click();
    await dot
      .getByLabel('Réserves (une par ligne)')
      .fill('Refaire l’épissure au PBO\nMesurer à nouveau la puissance reçue');
    await dot.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => dot.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Refusé avec réserves');
    await dot
      .getByText('Refaire l’épissure au PBO ; Mesurer à nouveau la puissance reçue', { exact: false })
      .first()
      .waitFor();
    await admin.close();
    await dot.close();
  });
});
