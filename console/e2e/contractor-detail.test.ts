import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  createSite,
  installedCustomerSubscription,
  mustQuery,
} from '../../server/test/api.js';
import { browserTest } from './browser.js';

describe('a contractor’s page in a real Chromium', () => {
  const run = browserTest();

  it('lists the contractor’s site, work (filtered by status) and invoice, each linking to its page, and its history', async () => {
    const firm = await activeContractor(run.t);
    const site = await createSite(run.t);
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: firm.id },
    );
    const accepted = await installedCustomerSubscription(run.t, firm.id, '-21.5', undefined, { siteId: site.id });
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: accepted },
    );
    const assigned = await createCustomerSubscription(run.t);
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      {
        id: assigned.id,
        c: firm.id,
      },
    );
    const references = await run.t.sql<{ id: string; order_reference: string }>(
      'select id::text, order_reference from customer_subscription where contractor_id = $1',
      [firm.id],
    );
    const referenceOf = (id: string) => references.find((row) => row.id === id)!.order_reference;
    const { invoices } = await mustQuery<{
      invoices: { edges: { node: { id: string; netPayable: { amount: string }; balanceDue: { amount: string } } }[] };
    }>(
      run.t,
      'query ($c: ID!) { invoices(filter: { contractorId: $c }) { edges { node { id netPayable { amount } balanceDue { amount } } } } }',
      { c: firm.id },
    );
    expect(invoices.edges).toHaveLength(1);
    const invoice = invoices.edges[0]!.node;
    expect([invoice.netPayable.amount, invoice.balanceDue.amount]).toEqual(['8266.79', '8266.79']);

    const page = await run.signIn(`/contractants/${firm.id}`);
    const siteRows = page.getByTestId('contractor-site-row');
    await siteRows.first().waitFor({ timeout: 15_000 });
    expect(await siteRows.count()).toBe(1);
    expect(await siteRows.innerText()).toMatch(
      new RegExp(
        `^${site.code.toUpperCase()}\\s+Cité 500 logements\\s+Ain Benian \\(16\\)\\s+Affecté\\s+1 / 40 \\(2,5\\s%\\)$`,
      ),
    );

    const workRows = page.getByTestId('contractor-work-row');
    await expect.poll(() => workRows.count(), { timeout: 10_000 }).toBe(2);
    const status = page.getByLabel('Statut des raccordements');
    expect(await status.locator('option', { hasText: 'Réceptionné' }).innerText()).toBe('Réceptionné (1)');
    await status.selectOption('ACCEPTED');
    await expect.poll(() => workRows.count(), { timeout: 10_000 }).toBe(1);
    expect(await workRows.innerText()).toMatch(new RegExp(`^${referenceOf(accepted)}\\s+Réceptionné`));
    await status.selectOption('CANCELLED');
    await page.getByText('Aucun raccordement de ce contractant dans ce statut.').waitFor({ timeout: 10_000 });
    await status.selectOption('ASSIGNED');
    await expect
      .poll(() => workRows.innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`^${referenceOf(assigned.id)}\\s+Affecté`));

    const invoiceRows = page.getByTestId('contractor-invoice-row');
    await invoiceRows.first().waitFor({ timeout: 10_000 });
    expect(await invoiceRows.count()).toBe(1);
    expect(await invoiceRows.innerText()).toMatch(
      /^Brouillon\s+\d{4}-\d{2}\s+Brouillon \(s’enrichit à chaque réception\)\s+8\s266,79\sDA\s+8\s266,79\sDA$/,
    );

    const history = page.getByTestId('timeline-event');
    await expect.poll(() => history.count(), { timeout: 10_000 }).toBe(2);
    // Each event names who made it (issue 19): here the test's administrator, of Algérie Télécom.
    expect(await history.nth(0).innerText()).toMatch(/Création : En attente d’agrément\s.*par .*\(Algérie Télécom\)/);
    expect(await history.nth(1).innerText()).toMatch(
      /Changement d’état : En attente d’agrément → Actif \(dossier complet\)\s.*par .*\(Algérie Télécom\)/,
    );

    await invoiceRows.getByRole('link', { name: 'Brouillon' }).click();
    await page.waitForURL(new RegExp(`/factures/${invoice.id}$`), { timeout: 10_000 });
    await page.goBack();
    await siteRows.getByRole('link', { name: site.code.toUpperCase() }).click();
    await page.waitForURL(new RegExp(`/sites/${site.id}$`), { timeout: 10_000 });
    await page.goBack();
    await status.selectOption('ACCEPTED');
    await workRows.getByRole('link', { name: referenceOf(accepted) }).click({ timeout: 10_000 });
    await page.waitForURL(new RegExp(`/raccordements/${accepted}$`), { timeout: 10_000 });
    await page.close();
  });

  it('says so when a contractor has no site, no work and no invoice yet', async () => {
    const firm = await activeContractor(run.t);
    const page = await run.signIn(`/contractants/${firm.id}`);
    await page.getByText('Aucun site n’est attribué à ce contractant.').waitFor({ timeout: 15_000 });
    await page.getByText('Aucun raccordement n’est confié à ce contractant.').waitFor({ timeout: 10_000 });
    await page.getByText('Aucune facture pour ce contractant.').waitFor({ timeout: 10_000 });
    await page.close();
  });
});
