import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription } from '../../server/test/api.js';
import { eventually } from '../../server/test/eventually.js';
import { firmUser, rejectInstallation, settled } from '../../server/test/notifications.js';
import { browserTest } from './browser.js';

/** The bodies the test's SMS gateway received. */
const texted: { to: string; text: string }[] = [];
const gateway = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    texted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string });
    response.end();
  });
});

describe("the notifications' bell in a real Chromium", () => {
  // Filled in once the gateway listens, before the app starts (browserTest reads it then).
  const env: Record<string, string> = {};
  beforeAll(async () => {
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    env['SMS_URL'] = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    env['SMS_API_KEY'] = 'e2e-sms-key';
  });
  afterAll(async () => {
    gateway.closeAllConnections();
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
  });
  const run = browserTest(env);

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
    expect(
      await panel
        .getByRole('group', { name: 'Recevoir aussi par e-mail' })
        .getByRole('checkbox', { name: 'Installations refusées' })
        .isChecked(),
    ).toBe(true);

    await item.click();
    await page.waitForURL(`${run.t.url}/raccordements/${id}`);
    await page.getByRole('button', { name: 'Notifications non lues : 0' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    await page.close();
  });

  it('takes a mobile number and the kinds received by SMS, saying why it refuses one, and texts the next rejection', async () => {
    const { id, admin } = await firmWithWork();
    const page = await run.signIn('/raccordements', admin.email, admin.password);
    await page.getByRole('button', { name: 'Notifications non lues : 0' }).click({ timeout: 15_000 });
    const panel = page.getByRole('region', { name: 'Notifications' });
    const bySms = panel.getByRole('group', { name: 'Recevoir aussi par SMS' });
    const rejections = bySms.getByRole('checkbox', { name: 'Installations refusées' });
    expect(await rejections.isChecked()).toBe(false);

    // No number yet: the kind stays off, and the console says why.
    await rejections.click();
    await bySms.getByText('demande un numéro de mobile où envoyer les SMS').waitFor();
    expect(await rejections.isChecked()).toBe(false);

    const number = panel.getByLabel('Numéro de mobile pour les SMS');
    await number.fill('021 23 45 67');
    await panel.getByRole('button', { name: 'Enregistrer le numéro' }).click();
    await panel.getByText('doit être un numéro de mobile algérien, par exemple 0550 12 34 56').waitFor();
    expect(await number.getAttribute('aria-invalid')).toBe('true');

    await number.fill('0550 12 34 99');
    await panel.getByRole('button', { name: 'Enregistrer le numéro' }).click();
    await expect.poll(() => number.inputValue()).toBe('+213550123499');
    expect(await panel.locator('.field-problem').count()).toBe(0);
    await rejections.click();
    await expect.poll(() => rejections.isChecked()).toBe(true);

    const reference = await rejectInstallation(run.t, id, ['Étiquette PTO manquante']);
    await expect.poll(() => texted.filter((sms) => sms.to === '+213550123499')).toHaveLength(1);
    expect(texted.find((sms) => sms.to === '+213550123499')!.text).toContain(`raccordement ${reference}`);
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
