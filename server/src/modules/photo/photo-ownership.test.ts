import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  installationReportInput,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { testJpeg, uploadTestPhoto } from '../../../test/photos.js';

/**
 * Whose photos are whose (the adversarial review of issue 15): a photo stays with the firm that took
 * it when the work moves to another firm; the customer's home and signature are personal data; a photo
 * cannot be dated before the order; the same image sent as several photos is flagged.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const firms: Record<string, string> = {};

async function userOf(role: string, firm: string | null): Promise<string> {
  const email = `${role.toLowerCase()}-${randomUUID()}@photos.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: {
      email,
      displayName: role,
      role,
      password: 'photo ownership password',
      ...(firm ? { contractorId: firm } : {}),
    },
  });
  return signIn(t.url, email, 'photo ownership password');
}

const reportMutation = `mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { status
  latestInstallationReport { photoFiles { id reused } missingPhotoKinds qualityIssues } } } }`;
const report = (id: string, photoIds: string[], lines = [{ code: 'RAC-STD', quantity: '1' }]) =>
  installationReportInput(id, { lines, photoIds });

beforeAll(async () => {
  t = await startTestApp({ PHOTO_DIR: `/tmp/raccord-photo-ownership-${randomUUID()}` });
  firms['A'] = (await activeContractor(t)).id;
  firms['B'] = (await activeContractor(t)).id;
  tokens['a'] = await userOf('CONTRACTOR', firms['A']);
  tokens['b'] = await userOf('CONTRACTOR', firms['B']);
  tokens['finance'] = await userOf('FINANCE', null);
});
afterAll(() => t.stop());

describe('photos of work that moved to another firm', () => {
  it('stay with the firm that took them: the new firm neither sees, downloads nor attaches them', async () => {
    const id = await scheduledCustomerSubscription(t, firms['A']!);
    const taken = await uploadTestPhoto(t, id, 'PBO', { token: tokens['a'] });
    expect(taken.status).toBe(201);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 3, contractorId: $c }) { customerSubscription { id } } }',
      { id, c: firms['B'] },
    );
    await mustQuery(
      t,
      'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 4, appointmentAt: $at }) { customerSubscription { id } } }',
      {
        id,
        at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    );
    const seen = await t.graphql<{ customerSubscription: { photos: { id: string }[] } }>(
      'query ($id: ID!) { customerSubscription(id: $id) { photos { id } } }',
      { id },
      { authorization: `Bearer ${tokens['b']}` },
    );
    expect(seen.body.data!.customerSubscription.photos).toEqual([]);
    const download = await fetch(`${t.url}/photos/${taken.id}`, {
      headers: { authorization: `Bearer ${tokens['b']}` },
    });
    expect(download.status).toBe(404);
    const attach = await t.graphql(
      reportMutation,
      { input: { ...report(id, [taken.id]), expectedVersion: 5 } },
      { authorization: `Bearer ${tokens['b']}` },
    );
    expect(attach.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'photoIds.0' });
    const kept = await fetch(`${t.url}/photos/${taken.id}`, { headers: { authorization: `Bearer ${tokens['a']}` } });
    expect(kept.status).toBe(404);
    const byAt = await fetch(`${t.url}/photos/${taken.id}`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(byAt.status).toBe(200);
  });
});

describe("the customer's home and signature", () => {
  it('are not for roles that may not read personal data: FINANCE downloads no photo and reads no position', async () => {
    const id = await scheduledCustomerSubscription(t, firms['A']!);
    const signature = await uploadTestPhoto(t, id, 'SIGNATURE', { token: tokens['a'] });
    await mustQuery(t, reportMutation, {
      input: { ...report(id, [signature.id]), latitude: 36.7925, longitude: 2.9338 },
    });
    const download = await fetch(`${t.url}/photos/${signature.id}`, {
      headers: { authorization: `Bearer ${tokens['finance']}` },
    });
    expect(download.status).toBe(403);
    const read = await t.graphql<{
      customerSubscription: {
        photos: { latitude: number | null }[];
        latestInstallationReport: { latitude: number | null };
      };
    }>(
      'query ($id: ID!) { customerSubscription(id: $id) { photos { latitude longitude } latestInstallationReport { latitude longitude } } }',
      { id },
      { authorization: `Bearer ${tokens['finance']}` },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.customerSubscription.photos).toEqual([{ latitude: null, longitude: null }]);
    expect(read.body.data!.customerSubscription.latestInstallationReport).toEqual({ latitude: null, longitude: null });
  });
});

describe('photo dates and images', () => {
  it('refuses a photo dated before the order was taken, storing nothing', async () => {
    const order = await createCustomerSubscription(t, { orderedAt: new Date(Date.now() - 86_400_000).toISOString() });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id: order.id, c: firms['A'] },
    );
    const form = new FormData();
    form.append('customerSubscriptionId', order.id);
    form.append('kind', 'PBO');
    form.append('takenAt', '1970-01-01T00:00:00Z');
    form.append('file', new Blob([new Uint8Array(await testJpeg())], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${t.url}/photos/${randomUUID()}`, {
      method: 'PUT',
      body: form,
      headers: { authorization: `Bearer ${tokens['a']}` },
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0]!.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'takenAt' });
    const [{ count }] = (await t.sql<{ count: number }>(
      'select count(*)::int as count from photo where customer_subscription_id = $1',
      [order.id],
    )) as [{ count: number }];
    expect(count).toBe(0);
  });

  it('flags the same image sent as several photos, here or on other work', async () => {
    const id = await scheduledCustomerSubscription(t, firms['A']!);
    const same = await testJpeg('#40a050');
    const other = await testJpeg('#a04050');
    const pbo = await uploadTestPhoto(t, id, 'PBO', { token: tokens['a'], file: same });
    const pto = await uploadTestPhoto(t, id, 'PTO', { token: tokens['a'], file: same });
    const meter = await uploadTestPhoto(t, id, 'POWER_METER', { token: tokens['a'], file: other });
    const data = await mustQuery<{
      reportInstallation: {
        customerSubscription: { latestInstallationReport: { photoFiles: { id: string; reused: boolean }[] } };
      };
    }>(t, reportMutation, {
      input: report(id, [pbo.id, pto.id, meter.id]),
    });
    const reused = Object.fromEntries(
      data.reportInstallation.customerSubscription.latestInstallationReport.photoFiles.map((photo) => [
        photo.id,
        photo.reused,
      ]),
    );
    expect(reused).toEqual({ [pbo.id]: true, [pto.id]: true, [meter.id]: false });
  });
});

describe('measured quantities', () => {
  it('flags a quantity beyond what one connection takes, so that accepting it needs a recorded override', async () => {
    const id = await scheduledCustomerSubscription(t, firms['A']!);
    const data = await mustQuery<{
      reportInstallation: { customerSubscription: { latestInstallationReport: { qualityIssues: string[] } } };
    }>(t, reportMutation, {
      input: report(
        id,
        [],
        [
          { code: 'RAC-STD', quantity: '1' },
          { code: 'DRP-AER', quantity: '999999.999' },
        ],
      ),
    });
    expect(data.reportInstallation.customerSubscription.latestInstallationReport.qualityIssues).toEqual([
      'DRP-AER: 999999.999 M is more than one connection takes (at most 500)',
    ]);
    const accept = await t.graphql(
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
      { id },
    );
    expect(accept.body.errors?.[0]?.extensions?.['code']).toBeDefined();
    expect(accept.body.data).toBeNull();
  });
});
