import { describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('editing a contractor in a real Chromium', () => {
  const run = browserTest();

  it('shows the server’s refusal beside its field, then saves only the fields changed, seen on the detail page and in the history', async () => {
    const firm = await activeContractor(run.t);
    // Open work in wilaya 16: the server refuses to take 16 off the firm's wilayas.
    await installedCustomerSubscription(run.t, firm.id);
    const page = await run.signIn(`/contractants/${firm.id}`);
    await page.getByRole('link', { name: 'Modifier', exact: true }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: /^Modifier SARL Fibre Test/ }).waitFor({ timeout: 10_000 });
    const sent: Record<string, unknown>[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/graphql')) return;
      const body = request.postDataJSON() as { query: string; variables: { input: Record<string, unknown> } };
      if (body.query.includes('mutation UpdateContractor')) sent.push(body.variables.input);
    });

    const wilayas = page.getByLabel('Wilayas d’intervention (codes, ex. 16, 09)');
    expect(await wilayas.inputValue()).toBe('09, 16');
    await wilayas.fill('09');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.locator('#contractor-operatingWilayaCodes-problem').waitFor({ timeout: 10_000 });
    expect(await page.locator('#contractor-operatingWilayaCodes-problem').innerText()).toBe(
      'le contractant a encore du travail ouvert dans une wilaya retirée : réaffectez-le d’abord',
    );
    expect(await wilayas.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(':focus').getAttribute('id')).toBe('contractor-operatingWilayaCodes');
    expect(sent).toEqual([{ operatingWilayaCodes: ['09'] }]);
    const [unchanged] = await run.t.sql<{ version: number }>('select version from contractor where id = $1', [firm.id]);
    expect(unchanged!.version).toBe(2);

    await wilayas.fill('16, 09');
    await page.getByLabel('Nom commercial (facultatif)').fill('Nour Fibre');
    await page.getByLabel('Nombre d’équipes').fill('7');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL(new RegExp(`/contractants/${firm.id}$`), { timeout: 10_000 });
    expect(sent[1]).toEqual({ tradeName: 'Nour Fibre', teamCapacity: 7 });
    await expect
      .poll(() => page.locator('.details').innerText(), { timeout: 10_000 })
      .toMatch(/Nom commercial\s+Nour Fibre/);
    expect(await page.locator('.details').innerText()).toMatch(/Équipes\s+7/);
    const update = page.getByTestId('timeline-event').filter({ hasText: 'Modification' });
    await update.waitFor({ timeout: 10_000 });
    expect(await update.innerText()).toMatch(/Nom commercial : — → Nour Fibre/);
    expect(await update.innerText()).toMatch(/Équipes : 4 → 7/);
    const [saved] = await run.t.sql<{ trade_name: string; team_capacity: number; version: number }>(
      'select trade_name, team_capacity, version from contractor where id = $1',
      [firm.id],
    );
    expect(saved).toEqual({ trade_name: 'Nour Fibre', team_capacity: 7, version: 3 });
    await page.close();
  });

  it('says why the server refused a contact’s phone in the console’s language, never in the server’s English', async () => {
    const firm = await activeContractor(run.t);
    const page = await run.signIn(`/contractants/${firm.id}/modifier`);
    const phone = page.getByLabel('Contact : téléphone (facultatif)');
    await phone.waitFor({ timeout: 15_000 });
    await expect.poll(() => phone.inputValue(), { timeout: 10_000 }).not.toBe('');
    await phone.fill('0550 12');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const problem = page.locator('#contractor-contactPhone-problem');
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.innerText()).toBe(
      'doit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56',
    );
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expect
      .poll(() => problem.innerText(), { timeout: 10_000 })
      .toBe('must be an Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56');
    const [unchanged] = await run.t.sql<{ version: number }>('select version from contractor where id = $1', [firm.id]);
    expect(unchanged!.version).toBe(2);
    await page.close();
  });

  it('explains a change made meanwhile by someone else and reloads the contractor as it now stands', async () => {
    const firm = await activeContractor(run.t);
    const page = await run.signIn(`/contractants/${firm.id}/modifier`);
    const legalName = page.getByLabel('Raison sociale');
    await legalName.waitFor({ timeout: 15_000 });
    await expect.poll(() => legalName.inputValue(), { timeout: 10_000 }).toMatch(/^SARL Fibre Test/);

    // Someone else renames the firm while the form is open.
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { updateContractor(id: $id, expectedVersion: 2, input: { legalName: "SARL Fibre Renommée" }) { contractor { id } } }',
      { id: firm.id },
    );
    await page.getByLabel('Nombre d’équipes').fill('9');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'modifié par quelqu’un d’autre' });
    await notice.waitFor({ timeout: 10_000 });
    expect(await page.locator(':focus').innerText()).toContain('vos modifications n’ont pas été enregistrées');
    const [kept] = await run.t.sql<{ team_capacity: number; version: number }>(
      'select team_capacity, version from contractor where id = $1',
      [firm.id],
    );
    expect(kept).toEqual({ team_capacity: 4, version: 3 });

    await page.getByRole('button', { name: 'Recharger le contractant' }).click();
    await expect.poll(() => legalName.inputValue(), { timeout: 10_000 }).toBe('SARL Fibre Renommée');
    expect(await page.getByLabel('Nombre d’équipes').inputValue()).toBe('4');
    expect(await notice.count()).toBe(0);
    await page.getByLabel('Nombre d’équipes').fill('9');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL(new RegExp(`/contractants/${firm.id}$`), { timeout: 10_000 });
    await page.getByRole('heading', { name: 'SARL Fibre Renommée', exact: true }).waitFor({ timeout: 10_000 });
    const [saved] = await run.t.sql<{ legal_name: string; team_capacity: number; version: number }>(
      'select legal_name, team_capacity, version from contractor where id = $1',
      [firm.id],
    );
    expect(saved).toEqual({ legal_name: 'SARL Fibre Renommée', team_capacity: 9, version: 4 });
    await page.close();
  });
});
