import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  installationReportInput,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../../test/api.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { uploadTestPhoto } from '../../../test/photos.js';

/**
 * The installation report as the field view sends it (issue 15): its photos as files, the ONT's
 * serial number, the phone's position, the customer's signature or why there is none, under an
 * idempotency key; the checks the DOT manager reads (missing photos, position); the lists the field
 * view and the acceptance queue read; the failure with its photos.
 */
let t: TestApp;
let firm: { id: string };
let photoDir: string;
beforeAll(async () => {
  photoDir = `/tmp/raccord-field-report-${randomUUID()}`;
  t = await startTestApp({ PHOTO_DIR: photoDir });
  firm = await activeContractor(t);
});
afterAll(() => t.stop());

/** Ain Benian's centre (commune 554, where the test orders are): what the work's position is without a site. */
const nearHome = { latitude: 36.7925, longitude: 2.9338 };

const report = (id: string, overrides: Record<string, unknown> = {}) =>
  installationReportInput(id, { spliceLossDb: '0.05', ...overrides });

const reportFields = `status version latestInstallationReport { id ontSerialNumber latitude longitude positionAccuracyMetres signatureMissingReason customerSigned
  missingPhotoKinds positionCheck { verdict distanceMetres toleranceMetres reference { source } }
  photoFiles { id kind url thumbnailUrl distanceFromWorkMetres attachedAt } }`;
const reportMutation = `mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { ${reportFields} } } }`;

async function photosOf(
  subscriptionId: string,
  kinds: string[],
  position: { latitude: number; longitude: number } | null = nearHome,
): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) {
    const uploaded = await uploadTestPhoto(t, subscriptionId, kind, { position });
    expect(uploaded.status).toBe(201);
    ids.push(uploaded.id);
  }
  return ids;
}

async function writtenFor(
  subscriptionId: string,
): Promise<{ reports: number; attached: number; version: number; audit: number }> {
  const [row] = await t.sql<{ reports: number; attached: number; version: number; audit: number }>(
    `select (select count(*)::int from installation_report where customer_subscription_id = $1) as reports,
            (select count(*)::int from photo where customer_subscription_id = $1 and attached_at is not null) as attached,
            (select version from customer_subscription where id = $1) as version,
            (select count(*)::int from audit_event where entity_id = $1::text) as audit`,
    [subscriptionId],
  );
  return row!;
}

describe('an installation report from the field', () => {
  it('attaches its photos, keeps the serial, the position and the signature, and shows the DOT manager its checks', async () => {
    const id = await scheduledCustomerSubscription(t, firm.id);
    const photoIds = await photosOf(id, ['PBO', 'PTO', 'POWER_METER', 'SIGNATURE']);
    const { body } = await t.graphql<{ reportInstallation: { customerSubscription: Record<string, any> } }>(
      reportMutation,
      {
        input: report(id, { photoIds, ontSerialNumber: ' hwtc1a2b3c4d ', ...nearHome, positionAccuracyMetres: 7.5 }),
      },
    );
    expect(body.errors).toBeUndefined();
    const saved = body.data!.reportInstallation.customerSubscription;
    expect(saved).toMatchObject({
      status: 'INSTALLED',
      latestInstallationReport: {
        ontSerialNumber: 'HWTC1A2B3C4D',
        latitude: nearHome.latitude,
        longitude: nearHome.longitude,
        positionAccuracyMetres: 7.5,
        signatureMissingReason: null,
        customerSigned: true,
        missingPhotoKinds: [],
        positionCheck: { verdict: 'NEAR', toleranceMetres: 20000, reference: { source: 'COMMUNE' } },
      },
    });
    const photos = saved['latestInstallationReport'].photoFiles as Record<string, unknown>[];
    expect(photos.map((photo) => photo['id']).sort()).toEqual([...photoIds].sort());
    expect(
      photos.every(
        (photo) =>
          photo['url'] === `/photos/${String(photo['id'])}` &&
          typeof photo['distanceFromWorkMetres'] === 'number' &&
          photo['attachedAt'],
      ),
    ).toBe(true);
    expect(saved['latestInstallationReport'].positionCheck.distanceMetres).toBeLessThan(100);
  });

  it('is flagged when photos were taken far from the site, when required photos are missing, and when there is no position', async () => {
    const site = await mustQuery<{ createSite: { site: { id: string } } }>(
      t,
      `mutation ($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }`,
      {
        input: {
          code: `FLD-${randomUUID().slice(0, 8)}`,
          name: 'Cité des 200 logements',
          kind: 'BUILDING',
          communeId: '554',
          targetConnections: 20,
          latitude: 36.8,
          longitude: 2.92,
        },
      },
    );
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.createSite.site.id, c: firm.id },
    );
    const far = await scheduledCustomerSubscription(t, firm.id, { siteId: site.createSite.site.id });
    const photoIds = await photosOf(far, ['PBO'], { latitude: 36.81, longitude: 2.92 });
    const { body } = await t.graphql<{ reportInstallation: { customerSubscription: Record<string, any> } }>(
      reportMutation,
      {
        input: report(far, { photoIds, signatureMissingReason: 'Client parti avant la fin' }),
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.reportInstallation.customerSubscription['latestInstallationReport']).toMatchObject({
      customerSigned: false,
      signatureMissingReason: 'Client parti avant la fin',
      missingPhotoKinds: ['PTO', 'POWER_METER'],
      positionCheck: { verdict: 'FAR', distanceMetres: 1112, toleranceMetres: 300, reference: { source: 'SITE' } },
    });

    const nowhere = await scheduledCustomerSubscription(t, firm.id);
    const unplaced = await t.graphql<{ reportInstallation: { customerSubscription: Record<string, any> } }>(
      reportMutation,
      {
        input: report(nowhere, { photoIds: await photosOf(nowhere, ['PBO', 'PTO', 'POWER_METER'], null) }),
      },
    );
    expect(
      unplaced.body.data!.reportInstallation.customerSubscription['latestInstallationReport'].positionCheck,
    ).toMatchObject({ verdict: 'NO_POSITION', distanceMetres: null });
  });

  it('is recorded once when sent again with its idempotency key, and refused when the key comes back with another report', async () => {
    const id = await scheduledCustomerSubscription(t, firm.id);
    const input = report(id, { photoIds: await photosOf(id, ['PBO']), idempotencyKey: randomUUID() });
    const first = await t.graphql<{ reportInstallation: { customerSubscription: { version: number } } }>(
      reportMutation,
      { input },
    );
    expect(first.body.errors).toBeUndefined();
    const again = await t.graphql<{
      reportInstallation: { customerSubscription: { version: number; status: string } };
    }>(reportMutation, { input });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data!.reportInstallation.customerSubscription).toMatchObject({
      status: 'INSTALLED',
      version: first.body.data!.reportInstallation.customerSubscription.version,
    });
    const before = await writtenFor(id);
    expect(before).toMatchObject({ reports: 1, attached: 1 });
    const other = await t.graphql(reportMutation, { input: { ...input, receivedPowerDbm: '-22' } });
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    expect(await writtenFor(id)).toEqual(before);
  });

  it.each([
    ['longitude', { latitude: 36.79 }],
    ['positionAccuracyMetres', { positionAccuracyMetres: 5 }],
    ['latitude', { latitude: 48.85, longitude: 2.35 }],
    ['ontSerialNumber', { ontSerialNumber: 'HW TC/1' }],
    ['signatureMissingReason', { signatureMissingReason: 'x'.repeat(501) }],
    ['photoIds.0', { photoIds: ['not-a-uuid'] }],
    ['photoIds.0', { photoIds: [randomUUID()] }],
    ['installedAt', { installedAt: new Date(Date.now() + 3_600_000).toISOString() }],
    ['installedAt', { installedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }],
  ])('refuses a bad %s with a coded error and writes nothing', async (field, overrides) => {
    const id = await scheduledCustomerSubscription(t, firm.id);
    const photoIds = await photosOf(id, ['PBO']);
    const before = await writtenFor(id);
    const { body } = await t.graphql(reportMutation, { input: report(id, { photoIds, ...overrides }) });
    expect(body.errors?.[0]?.extensions).toMatchObject({ field });
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(body.errors?.[0]?.extensions?.['code']);
    expect(await writtenFor(id)).toEqual(before);
  });

  it("refuses another work's photo, a photo attached already, and a missing-signature reason beside a signature, writing nothing", async () => {
    const id = await scheduledCustomerSubscription(t, firm.id);
    const other = await scheduledCustomerSubscription(t, firm.id);
    const [otherPhoto] = await photosOf(other, ['PBO']);
    const before = await writtenFor(id);
    const foreign = await t.graphql(reportMutation, { input: report(id, { photoIds: [otherPhoto] }) });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'photoIds.0' });
    const [signature] = await photosOf(id, ['SIGNATURE']);
    const both = await t.graphql(reportMutation, {
      input: report(id, { photoIds: [signature], signatureMissingReason: 'absent' }),
    });
    expect(both.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'signatureMissingReason',
    });
    expect(await writtenFor(id)).toEqual(before);

    const [used] = await photosOf(other, ['PTO']);
    await mustQuery(t, reportMutation, { input: report(other, { photoIds: [used] }) });
    const third = await scheduledCustomerSubscription(t, firm.id);
    const reused = await t.graphql(reportMutation, { input: report(third, { photoIds: [used] }) });
    expect(reused.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'photoIds.0' });
  });
});

describe('a failure from the field', () => {
  const failMutation = `mutation ($input: MarkInstallationFailedInput!) { markInstallationFailed(input: $input) {
    customerSubscription { status version failureReason photos { kind attachedAt } } } }`;

  it('attaches the photos that show why, once, under its idempotency key', async () => {
    const id = await scheduledCustomerSubscription(t, firm.id);
    const photoIds = await photosOf(id, ['FAILURE']);
    const input = {
      id,
      expectedVersion: 3,
      failureReason: 'NO_INFRASTRUCTURE',
      reason: 'Pas de PBO sur la façade',
      photoIds,
      idempotencyKey: randomUUID(),
    };
    const first = await mustQuery<{ markInstallationFailed: { customerSubscription: Record<string, any> } }>(
      t,
      failMutation,
      { input },
    );
    expect(first.markInstallationFailed.customerSubscription).toMatchObject({
      status: 'FAILED',
      failureReason: 'NO_INFRASTRUCTURE',
      photos: [{ kind: 'FAILURE' }],
    });
    expect(first.markInstallationFailed.customerSubscription['photos'][0].attachedAt).not.toBeNull();
    const recorded = await writtenFor(id);
    const again = await mustQuery<{ markInstallationFailed: { customerSubscription: Record<string, any> } }>(
      t,
      failMutation,
      { input },
    );
    expect(again.markInstallationFailed.customerSubscription['version']).toBe(
      first.markInstallationFailed.customerSubscription['version'],
    );
    expect(await writtenFor(id)).toEqual(recorded);
  });
});

describe('the lists the field view and the acceptance queue read', () => {
  it('orders by appointment (only those with one), by time in status, and filters by several statuses', async () => {
    const own = await activeContractor(t);
    const unbooked = await createCustomerSubscription(t);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id: unbooked.id, c: own.id },
    );
    const later = await scheduledCustomerSubscription(t, own.id);
    const sooner = await scheduledCustomerSubscription(t, own.id);
    await mustQuery(
      t,
      'mutation ($id: ID!, $at: DateTimeISO!) { scheduleInstallation(input: { id: $id, expectedVersion: 3, appointmentAt: $at }) { customerSubscription { id } } }',
      {
        id: sooner,
        at: new Date(Date.now() + 600_000).toISOString(),
      },
    );
    const list = (orderBy: string, statuses: string[]) =>
      mustQuery<{ customerSubscriptions: { edges: { node: { id: string } }[] } }>(
        t,
        'query ($filter: CustomerSubscriptionFilterInput, $orderBy: CustomerSubscriptionOrder) { customerSubscriptions(filter: $filter, orderBy: $orderBy, first: 50) { edges { node { id } } } }',
        { filter: { contractorId: own.id, statuses }, orderBy },
      ).then((data) => data.customerSubscriptions.edges.map((edge) => edge.node.id));
    expect(await list('APPOINTMENT_AT', ['ASSIGNED', 'SCHEDULED'])).toEqual([sooner, later]);
    expect(await list('ORDERED_AT', ['ASSIGNED', 'SCHEDULED'])).toEqual([later, sooner, unbooked.id]);
    // Moving an appointment keeps the status (SCHEDULED), so the time in status counts from the first booking.
    expect(await list('STATUS_CHANGED_AT', ['ASSIGNED', 'SCHEDULED'])).toEqual([unbooked.id, later, sooner]);
    expect(await list('ORDERED_AT', ['ASSIGNED'])).toEqual([unbooked.id]);
  });

  it('refuses a cursor of one order in another: its keys would seek the wrong column and skip or repeat work', async () => {
    const own = await activeContractor(t);
    await scheduledCustomerSubscription(t, own.id);
    await scheduledCustomerSubscription(t, own.id);
    const page = (orderBy: string, after?: string) =>
      t.graphql(
        'query ($filter: CustomerSubscriptionFilterInput, $orderBy: CustomerSubscriptionOrder, $after: String) { customerSubscriptions(filter: $filter, orderBy: $orderBy, first: 1, after: $after) { edges { node { id } } pageInfo { endCursor } } }',
        { filter: { contractorId: own.id }, orderBy, after },
      );
    const { body } = await page('APPOINTMENT_AT');
    const cursor = (body.data as { customerSubscriptions: { pageInfo: { endCursor: string } } }).customerSubscriptions
      .pageInfo.endCursor;
    expect((await page('APPOINTMENT_AT', cursor)).body.errors).toBeUndefined();
    for (const other of ['ORDERED_AT', 'STATUS_CHANGED_AT']) {
      const refused = await page(other, cursor);
      expect(refused.body.errors?.[0]?.extensions, other).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('gives the work items without prices, and the settings a report is checked against', async () => {
    const data = await mustQuery<{ workItems: Record<string, unknown>[]; fieldSettings: Record<string, unknown> }>(
      t,
      '{ workItems { code designation unit } fieldSettings { requiredPhotoKinds positionToleranceMetres maxPhotosPerReport maxPhotoBytes qualityThresholds { networkClass minReceivedPowerDbm maxReceivedPowerDbm maxSpliceLossDb } } }',
    );
    expect(data.workItems).toContainEqual({ code: 'RAC-STD', designation: expect.any(String), unit: 'FORFAIT' });
    expect(data.fieldSettings).toEqual({
      requiredPhotoKinds: ['PBO', 'PTO', 'POWER_METER'],
      positionToleranceMetres: 300,
      maxPhotosPerReport: 10,
      maxPhotoBytes: 12 * 1024 * 1024,
      qualityThresholds: [
        { networkClass: 'B_PLUS', minReceivedPowerDbm: '-27', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
        { networkClass: 'C_PLUS', minReceivedPowerDbm: '-30', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
      ],
    });
  });
});
