import { describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription } from '../../server/test/api.js';
import { eventually } from '../../server/test/eventually.js';
import { firmUser, rejectInstallation, settled } from '../../server/test/notifications.js';
import { browserTest } from './browser.js';

describe("the notifications' bell in a real Chromium", () => {
  const run = browserTest();

  /** A firm with an installation waiting for acceptance, its events handled, and then its administrator. */
  async function firmWithWork() {
    const firm = await activeContractor(run.t);
    const id = await installedCustomerSubscription(run.t, firm.id);
    await settled(run.t);
    return { id, admin: await firmUser(run.t, firm.id, true) };
  }

  it("shows a firm's administrator the rejection live on the bell, with its reserves in the panel; opening the work marks it read", async () => {
    const { id, admin } = await firmWithWork();
    const page = await run.signIn('/raccordements', admin.email, admin.password);
    await page.getByRole('button', { name: 'Notifications non lues : 0' }).waitFor({ timeout: 15_000 });

    // The installation is rejected elsewhere; this page is not reloaded.
    const reference = await rejectInstallation(run.t, id, ['Étiquette PTO manquante']);
    const bell = page.getByRole('button', { name: 'Notifications non lues : 1' });
    await bell.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('unread-count').innerText()).toBe('1');

    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const item = panel.getByRole('link', { name: `Installation refusée : ${reference}` });
    await item.waitFor();
    expect(await panel.getByText('Étiquette PTO manquante').count()).toBe(1);
    expect(await panel.getByRole('checkbox', { name: 'Installations refusées' }).isChecked()).toBe(true);

    await item.click();
    await page.waitForURL(`${run.t.url}/raccordements/${id}`);
    await page.getByRole('button', { name: 'Notifications non lues : 0' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    await page.close();
  });

  it('keeps the notification in the console when mail is off (no SMTP_URL): its mail job says so and completes', async () => {
    const { id, admin } = await firmWithWork();
    await rejectInstallation(run.t, id, ['Boîtier PBO ouvert']);
    const found = () =>
      run.t.sql<{ id: string }>(
        'select n.id::text as id from notification n join app_user u on u.id = n.recipient_id where u.email = $1 and n.read_at is null',
        [admin.email],
      );
    await eventually(async () => expect(await found()).toHaveLength(1));
    const [{ id: notificationId }] = (await found()) as [{ id: string }];
    await eventually(() =>
      expect(
        run.t.logs.some(
          (line) => line.msg === `mail is off (SMTP_URL unset): notification ${notificationId} not e-mailed`,
        ),
      ).toBe(true),
    );
  });
});
