import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  activeContractor,
  createSite,
  installationReportInput,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../server/test/api.js';
import type { TestApp } from '../../server/test/harness.js';
import { uploadTestPhoto } from '../../server/test/photos.js';
import { browserTest } from './browser.js';

/** Ain Benian's centre (commune 554, where the test orders are): photos taken at the customer's. */
const nearHome = { latitude: 36.7925, longitude: 2.9338 };

/**
 * INSTALLED work of `firmId` (in commune 554 unless `overrides` say otherwise) whose report carries
 * photos of `kinds`, uploaded while the work was SCHEDULED and taken at `position`.
 */
async function installedWithPhotos(
  t: TestApp,
  firmId: string,
  kinds: string[],
  position: { latitude: number; longitude: number },
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const id = await scheduledCustomerSubscription(t, firmId, overrides);
  const photoIds: string[] = [];
  for (const kind of kinds) {
    const uploaded = await uploadTestPhoto(t, id, kind, { position });
    expect(uploaded.status).toBe(201);
    photoIds.push(uploaded.id);
  }
  await mustQuery(
    t,
    'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }',
    {
      input: installationReportInput(id, {
        spliceLossDb: '0.05',
        ontSerialNumber: 'HWTC1A2B3C4D',
        photoIds,
        ...position,
        positionAccuracyMetres: 6,
      }),
    },
  );
  return id;
}

async function orderReference(t: TestApp, id: string): Promise<string> {
  const data = await mustQuery<{ customerSubscription: { orderReference: string } }>(
    t,
    'query ($id: ID!) { customerSubscription(id: $id) { orderReference } }',
    { id },
  );
  return data.customerSubscription.orderReference;
}

async function statusOf(t: TestApp, id: string): Promise<{ status: string; statusReason: string | null }> {
  const data = await mustQuery<{ customerSubscription: { status: string; statusReason: string | null } }>(
    t,
    'query ($id: ID!) { customerSubscription(id: $id) { status statusReason } }',
    { id },
  );
  return data.customerSubscription;
}

/** The work the firm's invoices bill (its draft, in a test), and their total excluding tax in centimes. */
async function billed(t: TestApp, firmId: string): Promise<{ lines: string[]; centimes: string }> {
  const data = await mustQuery<{
    invoices: {
      edges: { node: { totalExcludingTax: { centimes: string }; lines: { customerSubscriptionId: string }[] } }[];
    };
  }>(
    t,
    'query ($c: ID!) { invoices(filter: { contractorId: $c }) { edges { node { totalExcludingTax { centimes } lines { customerSubscriptionId } } } } }',
    { c: firmId },
  );
  const nodes = data.invoices.edges.map((edge) => edge.node);
  return {
    lines: [...new Set(nodes.flatMap((node) => node.lines.map((line) => line.customerSubscriptionId)))],
    centimes: nodes.reduce((sum, node) => sum + BigInt(node.totalExcludingTax.centimes), 0n).toString(),
  };
}

/** The order references of the queue, in its order. */
function queue(page: Page): Promise<string[]> {
  return page.locator('[data-testid="queue-entry"] .queue-reference').allInnerTexts();
}

/** The heading of the report open. */
function openReport(page: Page): Promise<string> {
  return page.locator('#acceptance-report-title').innerText();
}

describe("the DOT manager's acceptance queue (issue 15 §5)", () => {
  const run = browserTest({ PHOTO_DIR: `/tmp/raccord-acceptance-queue-${randomUUID()}` });

  it('shows its wilayas’ INSTALLED work oldest first with its photos and warnings, accepts and rejects from the keyboard, and follows changes live', async () => {
    const t = run.t;
    const firm = await activeContractor(t);
    const oranFirm = await activeContractor(t, { operatingWilayaCodes: ['31'] });
    // A site whose position is known: photos taken 1.1 km away from it are flagged.
    const site = await createSite(t, { latitude: 36.8, longitude: 2.92 });
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: firm.id },
    );

    const first = await installedWithPhotos(t, firm.id, ['PBO', 'PTO', 'POWER_METER', 'SIGNATURE'], nearHome);
    await installedCustomerSubscription(t, oranFirm.id, '-21.5', undefined, { communeId: '1128' });
    const far = await installedWithPhotos(
      t,
      firm.id,
      ['PBO'],
      { latitude: 36.81, longitude: 2.92 },
      { siteId: site.id },
    );
    const toReject = await installedCustomerSubscription(t, firm.id);
    const references = await Promise.all([first, far, toReject].map((id) => orderReference(t, id)));
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-16@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });

    const dot = await run.signIn('/reception', 'dot-16@at.test', 'dot manager password');
    await dot.getByRole('heading', { name: 'Réception des travaux' }).waitFor({ timeout: 15_000 });
    await dot
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Réception' })
      .waitFor({ timeout: 10_000 });
    // Wilaya 16's work only, the oldest report first; the oldest is open.
    await expect.poll(() => queue(dot), { timeout: 15_000 }).toEqual(references);
    expect(await dot.getByTestId('queue-count').innerText()).toBe('À réceptionner : 3');
    // Each report says by when AT has to decide on it (its service level, 2 working days from the report).
    await expect
      .poll(() => dot.getByTestId('queue-due').allInnerTexts(), { timeout: 15_000 })
      .toEqual(
        Array(3).fill(expect.stringMatching(/^Décision attendue avant le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/)),
      );
    // The open report says it too.
    expect(await dot.getByTestId('report-due').innerText()).toBe(
      await dot.getByTestId('queue-due').first().innerText(),
    );
    expect(await openReport(dot)).toBe(`Commande ${references[0]}`);

    // Its four photos: the thumbnails load (fetched with the session's token), one opens at full size, Escape closes it.
    const thumbnails = dot.locator('img.photo-thumbnail-image');
    await expect.poll(() => thumbnails.count(), { timeout: 10_000 }).toBe(4);
    await expect
      .poll(
        () =>
          thumbnails.evaluateAll((images) =>
            images.every((image) => (image as unknown as { naturalWidth: number }).naturalWidth > 0),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await dot.getByTestId('flag-position').count()).toBe(0);
    expect(await dot.getByTestId('ont-serial').innerText()).toBe('HWTC1A2B3C4D');
    await dot.getByRole('button', { name: 'Agrandir : PBO' }).click();
    const dialog = dot.getByRole('dialog');
    await dialog.locator('img.photo-full').waitFor({ timeout: 10_000 });
    await expect
      .poll(
        () =>
          dialog
            .locator('img.photo-full')
            .evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    await dot.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => dot.evaluate<unknown>("document.activeElement?.getAttribute('aria-label')"), { timeout: 10_000 })
      .toBe('Agrandir : PBO');

    // A accepts it: the firm's draft invoice bills it, and the next report opens with the keyboard on its heading.
    expect(await billed(t, firm.id)).toEqual({ lines: [], centimes: '0' });
    await dot.keyboard.press('a');
    await dot
      .getByTestId('acceptance-announcement')
      .filter({ hasText: `Commande ${references[0]} réceptionnée.` })
      .waitFor({ timeout: 10_000 });
    expect(await openReport(dot)).toBe(`Commande ${references[1]}`);
    await expect
      .poll(() => dot.evaluate<unknown>('document.activeElement?.id'), { timeout: 10_000 })
      .toBe('acceptance-report-title');
    await expect.poll(async () => (await billed(t, firm.id)).lines, { timeout: 10_000 }).toEqual([first]);
    expect(BigInt((await billed(t, firm.id)).centimes)).toBeGreaterThan(0n);
    expect((await statusOf(t, first)).status).toBe('ACCEPTED');
    await expect.poll(() => queue(dot), { timeout: 10_000 }).toEqual(references.slice(1));

    // The report photographed 1.1 km from its site is flagged, in the queue and in the report.
    const flag = await dot.getByTestId('flag-position').innerText();
    expect(flag).toContain('1\u00a0112 m');
    expect(await dot.getByTestId('photo-far').count()).toBe(1);
    expect(await dot.getByTestId('flag-photos').innerText()).toContain('PTO');
    expect(await dot.locator('[data-testid="queue-entry"][aria-current="true"]').innerText()).toContain(
      'Loin du chantier',
    );

    // J skips it; R opens the reserves, Ctrl+Enter sends them; nothing is billed.
    await dot.keyboard.press('j');
    await expect.poll(() => openReport(dot), { timeout: 10_000 }).toBe(`Commande ${references[2]}`);
    await dot
      .getByRole('button', { name: 'Refuser avec réserves' })
      .and(dot.locator(':enabled'))
      .waitFor({ timeout: 10_000 });
    await dot.keyboard.press('r');
    const reserves = dot.getByLabel('Réserves (une par ligne)');
    await reserves.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => dot.evaluate<unknown>('document.activeElement?.id'), { timeout: 10_000 })
      .toBe('acceptance-text');
    await reserves.fill('Refaire l’épissure au PBO\nFixer le câble en façade');
    await dot.keyboard.press('Control+Enter');
    await dot
      .getByTestId('acceptance-announcement')
      .filter({ hasText: `Commande ${references[2]} refusée avec réserves.` })
      .waitFor({ timeout: 10_000 });
    expect(await statusOf(t, toReject)).toEqual({
      status: 'REJECTED',
      statusReason: 'reserves: Refaire l’épissure au PBO; Fixer le câble en façade',
    });
    expect((await billed(t, firm.id)).lines).toEqual([first]);
    // The last one decided, the one skipped opens.
    expect(await openReport(dot)).toBe(`Commande ${references[1]}`);

    // Live: a report arriving elsewhere joins the queue, at its end. Outside the thresholds, A asks why it is accepted anyway.
    const arriving = await installedCustomerSubscription(t, firm.id, '-29.5');
    const arrivingReference = await orderReference(t, arriving);
    await expect.poll(() => queue(dot), { timeout: 10_000 }).toEqual([references[1], arrivingReference]);
    await dot.keyboard.press('j');
    await expect.poll(() => openReport(dot), { timeout: 10_000 }).toBe(`Commande ${arrivingReference}`);
    expect(await dot.getByTestId('flag-quality').innerText()).toContain('Hors seuils');
    await dot.getByRole('button', { name: 'Réceptionner' }).and(dot.locator(':enabled')).waitFor({ timeout: 10_000 });
    await dot.keyboard.press('a');
    const justification = dot.getByLabel('Justification de la réception hors seuils (gardée dans l’historique)');
    await justification.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => dot.evaluate<unknown>('document.activeElement?.id'), { timeout: 10_000 })
      .toBe('acceptance-text');
    await dot.keyboard.press('Enter');
    await dot.getByText('Les mesures sont hors seuils : justifiez la réception.').waitFor({ timeout: 10_000 });
    await justification.fill('Mesure refaite au PTO : −26,8 dBm, photo jointe au dossier');
    await dot.keyboard.press('Enter');
    await dot
      .getByTestId('acceptance-announcement')
      .filter({ hasText: `Commande ${arrivingReference} réceptionnée.` })
      .waitFor({ timeout: 10_000 });
    expect((await statusOf(t, arriving)).status).toBe('ACCEPTED');
    await expect
      .poll(async () => (await billed(t, firm.id)).lines.sort(), { timeout: 10_000 })
      .toEqual([first, arriving].sort());
    expect(await openReport(dot)).toBe(`Commande ${references[1]}`);

    // Decided elsewhere while open: it leaves the queue, and the report says so instead of vanishing.
    await mustQuery(
      t,
      'mutation ($id: ID!) { rejectInstallation(input: { id: $id, expectedVersion: 4, reserves: ["Photos prises ailleurs"] }) { customerSubscription { id } } }',
      { id: far },
    );
    await dot.getByText('Aucun rapport à réceptionner.').waitFor({ timeout: 10_000 });
    await dot
      .getByTestId('decided-elsewhere')
      .filter({ hasText: '« Refusé avec réserves »' })
      .waitFor({ timeout: 10_000 });
    expect(await dot.getByRole('button', { name: 'Réceptionner' }).isDisabled()).toBe(true);
    await dot.close();
  }, 90_000);

  it('shows the refusal when someone else decided the report meanwhile, keeps the report open, and bills nothing', async () => {
    const t = run.t;
    const firm = await activeContractor(t);
    const contested = await installedCustomerSubscription(t, firm.id);
    const reference = await orderReference(t, contested);
    const dot = await run.signIn('/reception', 'dot-16@at.test', 'dot manager password');
    await dot.getByTestId('queue-entry').filter({ hasText: reference }).click({ timeout: 15_000 });
    await expect.poll(() => openReport(dot), { timeout: 10_000 }).toBe(`Commande ${reference}`);

    // The administrator rejects it while the DOT manager's acceptance is on its way.
    const acceptances: { idempotencyKey?: string }[] = [];
    await dot.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('acceptInstallation')) {
        acceptances.push(
          (route.request().postDataJSON() as { variables: { input: { idempotencyKey?: string } } }).variables.input,
        );
        await mustQuery(
          t,
          'mutation ($id: ID!) { rejectInstallation(input: { id: $id, expectedVersion: 4, reserves: ["Photos illisibles"] }) { customerSubscription { id } } }',
          { id: contested },
        );
      }
      await route.continue();
    });
    await dot.getByRole('button', { name: 'Réceptionner' }).click();
    await dot
      .getByRole('alert')
      .filter({ hasText: /modifiées entre-temps par quelqu’un d’autre|pas possible dans l’état actuel/ })
      .waitFor({ timeout: 10_000 });
    await dot
      .getByTestId('decided-elsewhere')
      .filter({ hasText: '« Refusé avec réserves »' })
      .waitFor({ timeout: 10_000 });
    expect(await openReport(dot)).toBe(`Commande ${reference}`);
    expect(await dot.getByRole('button', { name: 'Réceptionner' }).isDisabled()).toBe(true);
    // The acceptance went with an idempotency key of its own: sent again, it would have billed once.
    expect(acceptances).toHaveLength(1);
    expect(acceptances[0]!.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(await statusOf(t, contested)).toEqual({ status: 'REJECTED', statusReason: 'reserves: Photos illisibles' });
    expect(await billed(t, firm.id)).toEqual({ lines: [], centimes: '0' });
    await dot.close();
  }, 90_000);
});
