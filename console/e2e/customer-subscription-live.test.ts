import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  installedCustomerSubscription,
  mustQuery,
} from '../../server/test/api.js';
import { firmUser } from '../../server/test/notifications.js';
import { browserTest } from './browser.js';

const assign =
  'mutation ($id: ID!, $v: Int!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: $v, contractorId: $c }) { customerSubscription { id } } }';

describe('a customer subscription page, live, in a real Chromium', () => {
  const run = browserTest();

  it('shows a rename and an acceptance made elsewhere without a reload: its name, its status, its buttons', async () => {
    const firm = await activeContractor(run.t);
    const id = await installedCustomerSubscription(run.t, firm.id);
    const page = await run.signIn(`/raccordements/${id}`);
    const status = page.getByTestId('customer-subscription-status');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toBe('Installé, à réceptionner');
    await page.getByRole('button', { name: 'Réceptionner' }).waitFor();

    await mustQuery(
      run.t,
      'mutation ($id: ID!) { updateCustomerSubscription(id: $id, expectedVersion: 4, input: { customerName: "Nadia Mansouri" }) { customerSubscription { id } } }',
      { id },
    );
    await page.getByText('Nadia Mansouri').waitFor({ timeout: 10_000 });

    const { customerSubscription } = await mustQuery<{ customerSubscription: { version: number } }>(
      run.t,
      'query ($id: ID!) { customerSubscription(id: $id) { version } }',
      { id },
    );
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $v: Int!) { acceptInstallation(input: { id: $id, expectedVersion: $v }) { customerSubscription { id } } }',
      { id, v: customerSubscription.version },
    );
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('Réceptionné');
    await page.getByRole('button', { name: 'Réceptionner' }).waitFor({ state: 'detached' });
    await page.close();
  });

  it('tells a firm its work is no longer its own once the work is given to another firm', async () => {
    const firm = await activeContractor(run.t);
    const other = await activeContractor(run.t);
    const { id } = await createCustomerSubscription(run.t);
    await mustQuery(run.t, assign, { id, v: 1, c: firm.id });
    const user = await firmUser(run.t, firm.id, false);
    const page = await run.signIn(`/raccordements/${id}`, user.email, user.password);
    await page.getByTestId('customer-subscription-status').waitFor({ timeout: 15_000 });

    await mustQuery(run.t, assign, { id, v: 2, c: other.id });
    await page.getByRole('heading', { name: 'Raccordement introuvable' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});
