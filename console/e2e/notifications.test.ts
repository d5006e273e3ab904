import { describe, expect, it } from 'vitest';
import { activeContractor } from '../../server/test/api.js';
import { eventually } from '../../server/test/eventually.js';
import { consume, firmUser, rejected, rejectedInstallation } from '../../server/test/notifications.js';
import { browserTest } from './browser.js';

describe("the notifications' bell in a real Chromium", () => {
  const run = browserTest();

  it("shows a firm's administrator its unread count, lists the rejection with its reserves, opens the work and marks it read", async () => {
    const firm = await activeContractor(run.t);
    const admin = await firmUser(run.t, firm.id, true);
    const work = await rejectedInstallation(run.t, firm.id, ['Étiquette PTO manquante']);
    await consume(run.t, [rejected(work.id, firm.id)]);

    const page = await run.signIn('/raccordements', admin.email, admin.password);
    const bell = page.getByRole('button', { name: 'Notifications non lues : 1' });
    await bell.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('unread-count').innerText()).toBe('1');

    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const item = panel.getByRole('link', { name: `Installation refusée : ${work.reference}` });
    await item.waitFor();
    expect(await panel.getByText('Étiquette PTO manquante').count()).toBe(1);
    expect(await panel.getByRole('checkbox', { name: 'Installations refusées' }).isChecked()).toBe(true);

    await item.click();
    await page.waitForURL(`${run.t.url}/raccordements/${work.id}`);
    await page.getByRole('button', { name: 'Notifications non lues : 0' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    await page.close();
  });

  it('keeps the notification in the console when mail is off (no SMTP_URL): its mail job says so and completes', async () => {
    const firm = await activeContractor(run.t);
    await firmUser(run.t, firm.id, true);
    const work = await rejectedInstallation(run.t, firm.id, ['Boîtier PBO ouvert']);
    const [added] = await consume(run.t, [rejected(work.id, firm.id)]);
    const { notificationId } = added!.payload as { notificationId: string };
    await eventually(() =>
      expect(
        run.t.logs.some(
          (line) => line.msg === `mail is off (SMTP_URL unset): notification ${notificationId} not e-mailed`,
        ),
      ).toBe(true),
    );
    const kept = await run.t.sql('select id from notification where id = $1 and read_at is null', [notificationId]);
    expect(kept).toHaveLength(1);
  });
});
