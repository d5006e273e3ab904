import { describe, expect, it } from 'vitest';
import { activeContractor, createCustomerSubscription, mustQuery } from '../../server/test/api.js';
import { signIn } from '../../server/test/harness.js';
import { browserTest } from './browser.js';

/** Issue 15, the firm's office: it gives its work to its technicians, follows who does what, and gets the work back when one leaves. */
describe("a firm's office dispatching its technicians' work in a real Chromium", () => {
  const run = browserTest();

  async function createUser(input: Record<string, unknown>): Promise<string> {
    const data = await mustQuery<{ createUser: { id: string } }>(
      run.t,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input },
    );
    return data.createUser.id;
  }

  /** New work given to `firm` (ASSIGNED, version 2), and its order reference. */
  async function firmWork(firm: string): Promise<{ id: string; reference: string }> {
    const work = await createCustomerSubscription(run.t);
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      {
        id: work.id,
        c: firm,
      },
    );
    const [row] = await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where id = $1',
      [work.id],
    );
    return { id: work.id, reference: row!.order_reference };
  }

  it('names a technician on a job, which the technician then sees; filters the list by technician; a disabled technician gives the work back to the firm', async () => {
    const firm = await activeContractor(run.t, { legalName: 'SARL Fibre des Hauts Plateaux' });
    const karim = await createUser({
      email: 'karim@plateaux.test',
      displayName: 'Karim Benali',
      role: 'TECHNICIAN',
      contractorId: firm.id,
      password: 'technician password',
    });
    const nadia = await createUser({
      email: 'nadia@plateaux.test',
      displayName: 'Nadia Ouali',
      role: 'TECHNICIAN',
      contractorId: firm.id,
      password: 'technician password',
    });
    await createUser({
      email: 'bureau@plateaux.test',
      displayName: 'Bureau',
      role: 'CONTRACTOR',
      contractorId: firm.id,
      password: 'office user password',
    });
    const job = await firmWork(firm.id);
    const otherJob = await firmWork(firm.id);

    // The office (a CONTRACTOR user, not the firm's admin) sees the work given to the firm as a whole.
    const office = await run.signIn(`/raccordements/${job.id}`, 'bureau@plateaux.test', 'office user password');
    const technician = office.getByTestId('customer-subscription-technician');
    await technician.waitFor({ timeout: 15_000 });
    expect(await technician.innerText()).toBe('Toute la firme (aucun technicien désigné)');

    // A technician disabled while the form is open: the API's refusal is said beside the field, which gets the focus.
    await office.getByRole('button', { name: 'Désigner le technicien' }).click();
    const select = office.getByLabel('Technicien de SARL Fibre des Hauts Plateaux');
    await select.locator('option', { hasText: 'Nadia Ouali' }).waitFor({ state: 'attached', timeout: 10_000 });
    await select.selectOption({ label: 'Nadia Ouali' });
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "mutée dans une autre firme") { id } }',
      { id: nadia },
    );
    await office.getByRole('button', { name: 'Confirmer' }).click();
    await office
      .locator('#work-technician-problem')
      .filter({
        hasText: 'Cet utilisateur ne peut pas recevoir ce travail : ce n’est pas un technicien actif de la firme.',
      })
      .waitFor();
    expect(await office.locator('#work-technician:focus').count()).toBe(1);
    expect(await select.getAttribute('aria-invalid')).toBe('true');

    // Karim is named; the page reads the work again.
    await select.selectOption({ label: 'Karim Benali' });
    await office.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => technician.innerText(), { timeout: 10_000 }).toBe('Karim Benali');

    // Karim sees the job through the API, given to itself.
    const token = await signIn(run.t.url, 'karim@plateaux.test', 'technician password');
    const seen = await run.t.graphql<{
      customerSubscriptions: { edges: { node: { id: string; technician: { id: string } | null } }[] };
    }>('{ customerSubscriptions(first: 100) { edges { node { id technician { id } } } } }', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(seen.body.data?.customerSubscriptions.edges.map((edge) => edge.node)).toContainEqual({
      id: job.id,
      technician: { id: karim },
    });

    // The office follows who does what: the technician column, and the list filtered by technician.
    await office.goto(`${run.t.url}/raccordements?statut=`);
    const rows = office.getByTestId('customer-subscription-row');
    await rows.filter({ hasText: otherJob.reference }).waitFor({ timeout: 15_000 });
    expect(
      await rows.filter({ hasText: job.reference }).getByTestId('customer-subscription-technician').innerText(),
    ).toBe('Karim Benali');
    const filter = office.getByLabel('Technicien');
    await expect
      .poll(() => filter.locator('option').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Tous', 'Karim Benali', 'Nadia Ouali (désactivé)']);
    await filter.selectOption({ label: 'Karim Benali' });
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().innerText()).toContain(job.reference);
    expect(office.url()).toContain(`technicien=${karim}`);

    // An administrator disables Karim: its open work goes back to the firm, with the reason in the history.
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "a quitté l’entreprise") { id } }',
      { id: karim },
    );
    await office.goto(`${run.t.url}/raccordements/${job.id}`);
    await expect
      .poll(() => office.getByTestId('customer-subscription-technician').innerText(), { timeout: 15_000 })
      .toBe('Toute la firme (aucun technicien désigné)');
    expect(await office.getByTestId('timeline-event').last().innerText()).toContain('(a quitté l’entreprise)');
    const [row] = await run.t.sql<{ technician_id: string | null }>(
      'select technician_id::text from customer_subscription where id = $1',
      [job.id],
    );
    expect(row).toEqual({ technician_id: null });
    await office.close();
  });

  it('shows the technician column to whom the API lets read it (a DOT manager), not to finance', async () => {
    const work = await firmWork((await activeContractor(run.t)).id);
    await createUser({
      email: 'dot-alger@at.test',
      displayName: 'DOT Alger',
      role: 'DOT_MANAGER',
      wilayaCodes: ['16'],
      password: 'dot manager password',
    });
    await createUser({
      email: 'finance@at.test',
      displayName: 'Finance',
      role: 'FINANCE',
      password: 'finance password',
    });
    const headers = async (email: string, password: string) => {
      const page = await run.signIn('/raccordements', email, password);
      await page.getByRole('heading', { name: 'Raccordements' }).waitFor({ timeout: 15_000 });
      await page.goto(`${run.t.url}/raccordements?statut=`);
      await page
        .getByTestId('customer-subscription-row')
        .filter({ hasText: work.reference })
        .waitFor({ timeout: 15_000 });
      const texts = await page.getByRole('columnheader').allInnerTexts();
      await page.close();
      return texts;
    };
    expect(await headers('dot-alger@at.test', 'dot manager password')).toContain('Technicien');
    const finance = await headers('finance@at.test', 'finance password');
    expect(finance).toContain('Contractant');
    expect(finance).not.toContain('Technicien');
  });
});
