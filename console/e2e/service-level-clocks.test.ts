import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../server/test/api.js';
import { browserTest } from './browser.js';

/**
 * The service-level clocks on a customer subscription's page and an invoice's (issue 20), in a real
 * Chromium: each step with its target and state, moving live when the work moves on.
 */
describe('the service-level clocks of the work and of an invoice, in a real Chromium', () => {
  const run = browserTest();

  it('shows an order waiting past its target for its assignment, then, live, the assignment late and the firm’s step started', async () => {
    const firm = await activeContractor(run.t);
    // Ordered 20 days ago: far past the 2 working days the starting service levels give AT to assign it.
    const work = await createCustomerSubscription(run.t, {
      orderedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    });
    const page = await run.signIn(`/raccordements/${work.id}`);
    const clocks = page.getByTestId('service-level-clock');
    await expect
      .poll(() => clocks.allInnerTexts(), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(
          /^Attribution de la commande\tAlgérie Télécom\t.*\t2 jours ouvrés\t[^\t]*\t[^\t]*, en jours ouvrés\tEn cours, en retard de /,
        ),
      ]);

    await mustQuery(
      run.t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id: work.id, c: firm.id },
    );
    await expect
      .poll(() => clocks.allInnerTexts(), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(/^Attribution de la commande\tAlgérie Télécom\t.*\tEn retard de /),
        expect.stringMatching(
          /^Prise de rendez-vous\tL’entreprise\t.*\t3 jours ouvrés\t[^\t]*\t[^\t]*, en jours ouvrés\tEn cours, dans les délais$/,
        ),
      ]);
  }, 90_000);

  it('shows an invoice waiting for its approval since its submission, against AT’s 5 working days', async () => {
    const firm = await activeContractor(run.t);
    await installedCustomerSubscription(run.t, firm.id);
    const { customerSubscriptions } = await mustQuery<{ customerSubscriptions: { edges: { node: { id: string } }[] } }>(
      run.t,
      'query ($c: ID!) { customerSubscriptions(first: 1, filter: { contractorId: $c }) { edges { node { id } } } }',
      { c: firm.id },
    );
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: customerSubscriptions.edges[0]!.node.id },
    );
    const invoice = await firmInvoice(run.t, firm.id);
    await submitInvoice(run.t, invoice);
    const page = await run.signIn(`/factures/${invoice.id}`);
    await expect
      .poll(() => page.getByTestId('service-level-clock').allInnerTexts(), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(
          /^Approbation de la facture\tAlgérie Télécom\t.*\t5 jours ouvrés\t[^\t]*\t[^\t]*, en jours ouvrés\tEn cours, dans les délais$/,
        ),
      ]);
    // The clocks come after the credit notes and their button, which stays with them.
    const issue = await page.getByRole('button', { name: 'Émettre un avoir…' }).boundingBox();
    const clocksHeading = await page.getByRole('heading', { name: 'Délais (niveaux de service)' }).boundingBox();
    expect(issue!.y).toBeLessThan(clocksHeading!.y);
  }, 90_000);
});
