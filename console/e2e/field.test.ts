import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../server/test/api.js';
import { signIn as apiSignIn } from '../../server/test/harness.js';
import { testJpeg } from '../../server/test/photos.js';
import { browserTest } from './browser.js';

/**
 * The field view against the real API in a real Chromium on a phone (issue 15 "Done when"): a
 * technician signs in, works offline from the service worker, fills reports with photos from files,
 * the position from an emulated geolocation and a drawn signature; the outbox sends each report
 * exactly once when the network returns, even when an answer is lost; refusals wait for the
 * technician; drafts survive a reload; what one user leaves on the phone is not another's.
 */
const photoDir = mkdtempSync(join(tmpdir(), 'raccord-field-photos-'));
const run = browserTest({ PHOTO_DIR: photoDir });
afterAll(() => rmSync(photoDir, { recursive: true, force: true }));

/** Ain Benian (commune 554), where the test orders are. */
const ainBenian = { latitude: 36.7925, longitude: 2.9338, accuracy: 8 };

let sequence = 0;

/** A new ACTIVE firm with a technician (made by the test administrator), and the technician's credentials and name. */
async function firmWithTechnician(
  name: string,
): Promise<{ firmId: string; email: string; password: string; displayName: string }> {
  const firm = await activeContractor(run.t, { legalName: `SARL ${name}` });
  sequence += 1;
  const email = `technicien-${sequence}@firm.test`;
  const password = 'technician password';
  await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: `Technicien ${sequence}`, role: 'TECHNICIAN', contractorId: firm.id, password },
  });
  return { firmId: firm.id, email, password, displayName: `Technicien ${sequence}` };
}

/** A phone (390 × 844, touch, position granted at Ain Benian) with one page. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await run.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    permissions: ['geolocation'],
    geolocation: ainBenian,
  });
  run.watchCsp(context);
  return { context, page: await context.newPage() };
}

/** Signs in on the sign-in page the phone shows (any page sends there without a session). */
async function signInOnPhone(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Mon travail' }).waitFor({ timeout: 15_000 });
}

/** The height and width of each control of `selector` on the page (a link, button, select or input), by its text or name. */
function controlSizes(page: Page, selector: string): Promise<{ name: string; width: number; height: number }[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => {
    const box = element.getBoundingClientRect();
    return { name: element.getAttribute('aria-label') || element.textContent.trim() || element.getAttribute('type') || element.tagName, width: Math.round(box.width), height: Math.round(box.height) };
  })`);
}

/** Waits until the service worker controls the page and the report's settings are kept for offline use. */
async function readyOffline(page: Page): Promise<void> {
  await page.waitForFunction(
    'navigator.serviceWorker.ready.then((registration) => registration.active !== null)',
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000 });
  await expect
    .poll(() => stored(page, 'values', 'settings').then((value) => value !== null), { timeout: 15_000 })
    .toBe(true);
}

/**
 * Runs `body` in the page with the field view's IndexedDB database open as `db` (the browser's own
 * API, not the app's code), and returns what it resolves with. A string: this file is not typed for the DOM.
 */
function inDatabase<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('raccord-field');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = (${body})(db);
      request.onsuccess = () => {
        db.close();
        resolve(request.result ?? null);
      };
      request.onerror = () => reject(request.error);
    };
  })`) as Promise<T>;
}

/** A record of the field view's IndexedDB database (null when absent). */
function stored(page: Page, table: string, key: unknown): Promise<unknown> {
  return inDatabase(
    page,
    `(db) => db.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).get(${JSON.stringify(key)})`,
  );
}

/** How many records a table of the field view's database holds. */
function countStored(page: Page, table: string): Promise<number> {
  return inDatabase(
    page,
    `(db) => db.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).count()`,
  );
}

/** Opens a work's page from the list, by its customer's name, and its report form. */
async function openReport(page: Page, customerName: string): Promise<void> {
  await page.getByRole('link', { name: customerName }).click();
  await page.getByRole('heading', { name: customerName }).waitFor();
  await page.getByRole('button', { name: 'Rapport d’installation' }).click();
  await page.getByRole('heading', { name: 'Rapport d’installation', level: 2 }).waitFor();
}

/** Chooses a photo of `kind` from a JPEG file made here (the phone's camera, in a test). */
async function addPhoto(page: Page, kind: string, colour: string): Promise<void> {
  const before = await page.getByTestId(`field-photo-${kind}`).locator('.field-photo-item').count();
  await page
    .locator(`#field-photo-${kind}`)
    .setInputFiles({ name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: await testJpeg(colour, 640, 480) });
  await expect
    .poll(() => page.getByTestId(`field-photo-${kind}`).locator('.field-photo-item').count())
    .toBe(before + 1);
}

/** The customer signs with a finger: a stroke across the signature area. */
async function sign(page: Page): Promise<void> {
  await page.getByTestId('field-signature').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('field-signature').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1)
    await page.mouse.move(box.x + 20 + step * 25, box.y + box.height / 2 + (step % 2 === 0 ? 15 : -15));
  await page.mouse.up();
}

/** Fills the whole report: measurements (the verdict shows), a work line, the three photos, the ONT's serial and the signature or its reason. */
async function fillReport(page: Page, options: { signatureMissingReason?: string } = {}): Promise<void> {
  await page.getByLabel('Puissance reçue à l’ONT à 1490 nm (dBm)').fill('-21,5');
  await expect.poll(() => page.getByTestId('report-verdict').innerText()).toContain('Dans les seuils');
  await page.getByLabel('Ajouter un travail').selectOption('RAC-STD');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.locator('#report-line-RAC-STD').waitFor();
  await addPhoto(page, 'pbo', '#3070c0');
  await addPhoto(page, 'pto', '#30c070');
  await addPhoto(page, 'power_meter', '#c07030');
  await page.getByLabel('Numéro de série de l’ONT').fill('ZTEG1234ABCD');
  if (options.signatureMissingReason) {
    await page.getByLabel('Le client ne signe pas').check();
    await page.getByLabel('Raison de l’absence de signature').fill(options.signatureMissingReason);
  } else {
    await sign(page);
  }
}

/** What the database holds of a work's report: its status, reports, transitions to INSTALLED, and photos attached (kind, with a position). */
async function recorded(id: string) {
  const [work] = await run.t.sql<{ status: string }>('select status from customer_subscription where id = $1', [id]);
  const reports = await run.t.sql<{ id: string; ont_serial_number: string | null; latitude: number | null }>(
    'select * from installation_report where customer_subscription_id = $1',
    [id],
  );
  const [installed] = await run.t.sql<{ count: string }>(
    "select count(*) from audit_event where entity_id = $1 and to_status = 'INSTALLED'",
    [id],
  );
  const photos = await run.t.sql<{ kind: string; located: boolean }>(
    'select kind, latitude is not null as located from photo where customer_subscription_id = $1 and report_id is not null order by kind::text',
    [id],
  );
  return {
    status: work!.status,
    reports: reports.length,
    installed: Number(installed!.count),
    photos: photos.map((photo) => `${photo.kind}${photo.located ? '@' : ''}`),
    report: reports[0] ?? null,
  };
}

/** The lines of the firm's draft invoice (none before its first acceptance). */
async function billedLines(firmId: string): Promise<{ itemCode: string; customerSubscriptionId: string }[]> {
  const { invoices } = await mustQuery<{
    invoices: { edges: { node: { status: string; lines: { itemCode: string; customerSubscriptionId: string }[] } }[] };
  }>(
    run.t,
    'query ($c: ID) { invoices(filter: { contractorId: $c }) { edges { node { status lines { itemCode customerSubscriptionId } } } } }',
    { c: firmId },
  );
  return invoices.edges.flatMap((edge) => (edge.node.status === 'DRAFT' ? edge.node.lines : []));
}

/** A DOT manager of wilaya 16 accepts the work through the API; returns the lines of the firm's draft invoice then. */
async function acceptAsDotManager(
  id: string,
  firmId: string,
  token: string,
): Promise<{ itemCode: string; customerSubscriptionId: string }[]> {
  const { customerSubscription } = await mustQuery<{ customerSubscription: { version: number } }>(
    run.t,
    'query ($id: ID!) { customerSubscription(id: $id) { version } }',
    { id },
  );
  const { body } = await run.t.graphql(
    'mutation ($input: AcceptInstallationInput!) { acceptInstallation(input: $input) { customerSubscription { status } } }',
    { input: { id, expectedVersion: customerSubscription.version, idempotencyKey: `accept-${id}` } },
    { authorization: `Bearer ${token}` },
  );
  expect(body.errors).toBeUndefined();
  const invoice = await firmInvoice(run.t, firmId);
  const { invoice: lines } = await mustQuery<{
    invoice: { status: string; lines: { itemCode: string; customerSubscriptionId: string }[] };
  }>(run.t, 'query ($id: ID!) { invoice(id: $id) { status lines { itemCode customerSubscriptionId } } }', {
    id: invoice.id,
  });
  expect(lines.status).toBe('DRAFT');
  return lines.lines;
}

let dotToken: string | null = null;

/** The DOT manager of wilaya 16 (made once): their token. */
async function dotManager(): Promise<string> {
  if (!dotToken) {
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-16@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });
    dotToken = await apiSignIn(run.t.url, 'dot-16@at.test', 'dot manager password');
  }
  return dotToken;
}

describe('the field view on a phone, against the real API', () => {
  it('lets a technician report offline from the service worker; the report arrives exactly once when the network returns, and is accepted and billed', async () => {
    const { firmId, email, password, displayName } = await firmWithTechnician('Fibre du Sahel');
    const work = await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Karima Benali' });
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    // The sign-in page's fields and button are thumb-sized targets on the phone.
    expect((await controlSizes(page, '.login input, .login button')).filter((control) => control.height < 44)).toEqual(
      [],
    );
    await signInOnPhone(page, email, password);
    const navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => navigation.getByRole('link').allInnerTexts()).toEqual(['Terrain']);
    await page.getByRole('link', { name: 'Karima Benali' }).waitFor();
    // The header is one compact line on the phone, its controls thumb-sized targets.
    const header = page.getByRole('banner');
    await header.getByText(displayName).waitFor();
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    const controls = await controlSizes(page, '.app-header a:not(.skip-link), .app-header button, .app-header select');
    expect(controls.map((control) => control.name)).toEqual(
      ['Raccord', 'Terrain', 'Français', 'Notifications non lues', 'Se déconnecter'].map((name) =>
        expect.stringContaining(name),
      ),
    );
    expect(controls.filter((control) => control.height < 44 || control.width < 44)).toEqual([]);
    await readyOffline(page);

    // The network goes: the list says so at once, and the header still knows who is signed in.
    await context.setOffline(true);
    await page.getByTestId('field-offline').waitFor({ timeout: 5_000 });
    await page.reload();
    await page.getByTestId('field-offline').waitFor({ timeout: 15_000 });
    await header.getByText(displayName).waitFor({ timeout: 5_000 });
    await header.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await navigation.getByRole('link', { name: 'Terrain' }).waitFor();
    await openReport(page, 'Karima Benali');
    await fillReport(page);
    expect(await page.getByText('Position à 8 m près').count()).toBe(3);
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await page.getByText('Enregistré sur ce téléphone : il partira tout seul au retour du réseau.').waitFor();
    expect(await page.getByTestId('field-outbox-count').innerText()).toContain('1 rapport en attente d’envoi');
    expect(await countStored(page, 'drafts')).toBe(0);
    expect((await recorded(work)).reports).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => recorded(work).then((state) => state.status), { timeout: 20_000 }).toBe('INSTALLED');
    await page.getByTestId('field-outbox-count').waitFor({ state: 'detached', timeout: 15_000 });
    // The page follows: no longer offline, the report confirmed sent, the installed work gone from the list.
    await page.getByRole('status').filter({ hasText: 'Rapport envoyé : Karima Benali' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('field-offline').waitFor({ state: 'detached', timeout: 5_000 });
    await page.getByRole('link', { name: 'Karima Benali' }).waitFor({ state: 'detached', timeout: 10_000 });
    expect(
      await page.getByText('Enregistré sur ce téléphone : il partira tout seul au retour du réseau.').count(),
    ).toBe(0);
    const state = await recorded(work);
    expect({ ...state, report: null }).toEqual({
      status: 'INSTALLED',
      reports: 1,
      installed: 1,
      photos: ['PBO@', 'POWER_METER@', 'PTO@', 'SIGNATURE@'],
      report: null,
    });
    expect(state.report).toMatchObject({ ont_serial_number: 'ZTEG1234ABCD', latitude: ainBenian.latitude });
    expect(await countStored(page, 'outbox')).toBe(0);
    await context.close();

    // The DOT manager, at a desk, finds it in the acceptance queue with its photos and how far from the
    // work they were taken, and accepts it with the keyboard: the firm's draft invoice bills it.
    await dotManager();
    const [{ order_reference: reference }] = (await run.t.sql<{ order_reference: string }>(
      'select order_reference from customer_subscription where id = $1',
      [work],
    )) as [{ order_reference: string }];
    const desk = await run.signIn('/reception', 'dot-16@at.test', 'dot manager password');
    await desk.getByRole('heading', { name: `Commande ${reference}` }).waitFor({ timeout: 15_000 });
    const thumbnails = desk.locator('img.photo-thumbnail-image');
    await expect.poll(() => thumbnails.count(), { timeout: 15_000 }).toBe(4);
    await expect
      .poll(
        () =>
          thumbnails.evaluateAll((images) =>
            images.every((image) => (image as unknown as { naturalWidth: number }).naturalWidth > 0),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect.poll(() => desk.getByText(/^à \d+ m du chantier$/).count(), { timeout: 10_000 }).toBe(4);
    expect(await billedLines(firmId)).toEqual([]);
    await desk.getByRole('button', { name: 'Réceptionner' }).and(desk.locator(':enabled')).waitFor({ timeout: 10_000 });
    await desk.keyboard.press('a');
    await desk
      .getByTestId('acceptance-announcement')
      .filter({ hasText: `Commande ${reference} réceptionnée.` })
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => billedLines(firmId), { timeout: 15_000 })
      .toEqual([{ itemCode: 'RAC-STD', customerSubscriptionId: work }]);
    await desk.close();
  }, 150_000);

  it('records once a report whose answer was lost after the server committed: the outbox sends it again under the same key', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre des Hauts Plateaux');
    const work = await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Nadir Ouali' });
    const { context, page } = await phone();
    const keys: string[] = [];
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('FieldReportInstallation')) return route.continue();
      keys.push(
        (JSON.parse(body) as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey,
      );
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await readyOffline(page);
    await openReport(page, 'Nadir Ouali');
    await fillReport(page);
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await page.getByText('Enregistré sur ce téléphone : il partira tout seul au retour du réseau.').waitFor();
    // The server committed the first one; the phone did not hear it, and sends it again after its backoff.
    expect((await recorded(work)).status).toBe('INSTALLED');
    await expect.poll(() => keys.length, { timeout: 20_000 }).toBe(2);
    await page.getByTestId('field-outbox-count').waitFor({ state: 'detached', timeout: 15_000 });
    expect(keys[0]).toBe(keys[1]);
    const state = await recorded(work);
    expect({ ...state, report: null }).toEqual({
      status: 'INSTALLED',
      reports: 1,
      installed: 1,
      photos: ['PBO@', 'POWER_METER@', 'PTO@', 'SIGNATURE@'],
      report: null,
    });
    const lines = await acceptAsDotManager(work, firmId, await dotManager());
    expect(lines).toEqual([{ itemCode: 'RAC-STD', customerSubscriptionId: work }]);
    await context.close();
  }, 120_000);

  it('shows a report that can no longer apply (the work was cancelled while it waited) with its reason, and keeps it until the technician discards it', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre du Titteri');
    const work = await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Samir Hadj' });
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await readyOffline(page);
    await context.setOffline(true);
    await openReport(page, 'Samir Hadj');
    await fillReport(page, { signatureMissingReason: 'client absent à la fin des travaux' });
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await page.getByText('1 rapport en attente d’envoi').waitFor();

    const { customerSubscription } = await mustQuery<{ customerSubscription: { version: number } }>(
      run.t,
      'query ($id: ID!) { customerSubscription(id: $id) { version } }',
      { id: work },
    );
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $v: Int!) { cancelCustomerSubscription(input: { id: $id, expectedVersion: $v, reason: "le client renonce" }) { customerSubscription { id } } }',
      {
        id: work,
        v: customerSubscription.version,
      },
    );
    await context.setOffline(false);
    const held = page.getByTestId('field-held-entry');
    await held.waitFor({ timeout: 20_000 });
    expect(await held.innerText()).toContain('Rapport d’installation refusé — Samir Hadj');
    expect(await held.getByRole('alert').innerText()).toMatch(
      /Introuvable, ou hors de votre périmètre\.|Cette action n’est pas possible dans l’état actuel\./,
    );
    expect((await recorded(work)).reports).toBe(0);

    // Kept across a reload, until the technician decides.
    await page.reload();
    await held.waitFor({ timeout: 15_000 });
    await held.getByRole('button', { name: 'Supprimer…' }).click();
    await held.getByRole('button', { name: 'Oui, supprimer' }).click();
    await held.waitFor({ state: 'detached' });
    expect(await countStored(page, 'outbox')).toBe(0);
    expect(await countStored(page, 'photos')).toBe(0);
    await context.close();
  }, 120_000);

  it('after a refused report or failure, focuses the first field with a problem, described by its announced note', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre du Sahel');
    await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Nadia Ferhat' });
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await openReport(page, 'Nadia Ferhat');
    await page.getByLabel('Technicien', { exact: true }).fill('Technicien du test');
    const focused = () => page.evaluate<unknown>('document.activeElement?.id');

    // Nothing measured, no work line, no photo, no signature: the power comes first on the form.
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await expect.poll(focused).toBe('report-power');
    const power = page.locator('#report-power');
    expect(await power.getAttribute('aria-invalid')).toBe('true');
    const note = page.locator(`#${await power.getAttribute('aria-describedby')}`);
    expect(await note.getAttribute('role')).toBe('alert');
    expect(await note.innerText()).toBe('Indiquez la puissance reçue en dBm, par exemple −21,5.');

    // Measured: the work lines are now the first problem.
    await power.fill('-21,5');
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await expect.poll(focused).toBe('report-add-line');
    expect(await power.getAttribute('aria-invalid')).toBeNull();

    // The failure form follows the same rule: its reason comes first.
    await page.getByRole('button', { name: 'Déclarer un échec' }).click();
    await page.getByRole('heading', { name: 'Déclarer un échec', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Déclarer l’échec' }).click();
    await expect.poll(focused).toBe('failure-reason');
    expect(await page.locator('#failure-reason-problem').innerText()).toBe('Choisissez le motif de l’échec.');
    await context.close();
  }, 120_000);

  it('says, before sending, that an installation cannot be dated before the day of its appointment', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre des Hauts Plateaux');
    const appointmentAt = new Date(Date.now() + 2 * 86_400_000);
    await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Hocine Amrani' }, appointmentAt.toISOString());
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await openReport(page, 'Hocine Amrani');
    // The installation time starts at now, two days before the appointment's day.
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await expect.poll(() => page.evaluate<unknown>('document.activeElement?.id')).toBe('report-installed-at');
    const [year, month, day] = new Date(appointmentAt.getTime() + 3_600_000).toISOString().slice(0, 10).split('-');
    expect(await page.locator('#report-installed-at-problem').innerText()).toBe(
      `L’installation ne peut pas être datée d’avant le jour du rendez-vous (${day}/${month}/${year}).`,
    );
    await context.close();
  }, 120_000);

  it('keeps the report typed as a draft across a reload mid-form, until it is given up after confirming', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre de la Mitidja');
    const work = await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Lamia Cherif' });
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await openReport(page, 'Lamia Cherif');
    await page.getByLabel('Puissance reçue à l’ONT à 1490 nm (dBm)').fill('-23,4');
    await page.getByLabel('Ajouter un travail').selectOption('RAC-STD');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await addPhoto(page, 'pbo', '#3070c0');
    await sign(page);
    await page.getByLabel('Numéro de série de l’ONT').fill('HWTC8765');
    // The signature reaches the draft when the browser has encoded it (an image, asynchronously): on a
    // busy machine after the serial typed later. The reload comes once the draft holds both.
    await expect
      .poll(async () => {
        const draft = (await stored(page, 'drafts', [await userIdOf(email), work, 'report'])) as {
          values?: { ontSerial?: string };
          signature?: unknown;
        } | null;
        return { ontSerial: draft?.values?.ontSerial, signed: (draft?.signature ?? null) !== null };
      })
      .toEqual({ ontSerial: 'HWTC8765', signed: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Rapport d’installation', level: 2 }).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Puissance reçue à l’ONT à 1490 nm (dBm)').inputValue()).toBe('-23,4');
    expect(await page.getByLabel('Numéro de série de l’ONT').inputValue()).toBe('HWTC8765');
    expect(await page.locator('#report-line-RAC-STD').inputValue()).toBe('1');
    expect(await page.getByTestId('field-photo-pbo').locator('.field-photo-item').count()).toBe(1);
    await expect.poll(() => page.getByTestId('report-verdict').innerText()).toContain('Dans les seuils');
    const signature = (await stored(page, 'drafts', [await userIdOf(email), work, 'report'])) as { signature: unknown };
    expect(signature.signature).not.toBeNull();

    // The form fits the phone's width: nothing to scroll sideways.
    const wider = await page.evaluate(
      "[...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > 390.5).map((element) => element.tagName.toLowerCase() + '#' + element.id + '.' + element.className)",
    );
    expect(wider).toEqual([]);
    await page.getByRole('button', { name: 'Abandonner le brouillon…' }).click();
    await page.getByRole('button', { name: 'Oui, abandonner' }).click();
    await page.getByRole('heading', { name: 'Rapport d’installation', level: 2 }).waitFor({ state: 'detached' });
    expect(await countStored(page, 'drafts')).toBe(0);
    expect(await countStored(page, 'photos')).toBe(0);
    await context.close();
  }, 120_000);

  it('keeps a technician’s waiting report for them: another user signed in on the same phone neither sees nor sends it', async () => {
    const first = await firmWithTechnician('Fibre du Dahra');
    sequence += 1;
    const second = { email: `technicien-${sequence}@firm.test`, password: 'technician password' };
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: second.email,
        displayName: 'Second technicien',
        role: 'TECHNICIAN',
        contractorId: first.firmId,
        password: second.password,
      },
    });
    const work = await scheduledCustomerSubscription(run.t, first.firmId, { customerName: 'Omar Zitouni' });
    const { context, page } = await phone();
    // Photos do not get through for now: the report waits on the phone.
    const uploads: string[] = [];
    await page.route('**/photos/**', async (route) => {
      uploads.push(route.request().headers()['authorization'] ?? '');
      await route.abort('connectionreset');
    });
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, first.email, first.password);
    await openReport(page, 'Omar Zitouni');
    await fillReport(page);
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await page.getByText('1 rapport en attente d’envoi').waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInOnPhone(page, second.email, second.password);
    const uploadsBefore = uploads.length;
    await page.getByRole('link', { name: 'Omar Zitouni' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Omar Zitouni' }).waitFor();
    expect(await page.getByTestId('field-outbox-count').count()).toBe(0);
    expect(await page.getByText('Rapport en attente d’envoi').count()).toBe(0);
    await page.getByRole('link', { name: 'Omar Zitouni' }).click();
    await page.getByRole('button', { name: 'Rapport d’installation' }).waitFor();
    expect(uploads.length).toBe(uploadsBefore);

    // Back to its owner, with the network: it goes.
    await page.unroute('**/photos/**');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // Signed out on purpose: the sign-in page does not offer to come back to the last user's page.
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await signInOnPhone(page, first.email, first.password);
    await expect.poll(() => recorded(work).then((state) => state.reports), { timeout: 20_000 }).toBe(1);
    await context.close();
  }, 120_000);

  it('loads the list with one Me query, and on sign-out forgets the user’s cached work but keeps, after asking, what waits to be sent', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre des Zibans');
    await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Yacine Brahimi' });
    await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Amel Khelifi' });
    const { context, page } = await phone();
    await page.route('**/photos/**', (route) => route.abort('connectionreset'));
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    const userId = await userIdOf(email);

    // A load asks who is signed in once, and the list once.
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql'))
        operations.push((JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? '');
    });
    await page.reload();
    await page.getByRole('link', { name: 'Amel Khelifi' }).waitFor();
    await expect.poll(() => stored(page, 'values', `list:${userId}`).then((value) => value !== null)).toBe(true);
    expect(operations.filter((name) => name === 'Me')).toEqual(['Me']);
    expect(operations.filter((name) => name === 'FieldList')).toEqual(['FieldList']);

    await openReport(page, 'Yacine Brahimi');
    await fillReport(page);
    await page.getByRole('button', { name: 'Envoyer le rapport' }).click();
    await page.getByText('1 rapport en attente d’envoi').waitFor();
    expect(await countStored(page, 'works')).toBe(2);

    // Asked first, saying how many wait; "cancel" keeps the session and everything.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('1 rapport ou brouillon');
    expect(new URL(page.url()).pathname).toBe('/terrain');
    expect(await countStored(page, 'works')).toBe(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await expect.poll(() => countStored(page, 'works')).toBe(0);
    expect(await stored(page, 'values', `list:${userId}`)).toBeNull();
    expect(await stored(page, 'values', 'signedIn')).toBeNull();
    expect(await countStored(page, 'outbox')).toBe(1);
    expect(await countStored(page, 'photos')).toBe(4);
    await context.close();
  }, 120_000);

  it('shrinks a camera’s photo on the phone before keeping it (2,048 px at most, upright, as taken), and keeps as they are a small one and one it cannot decode', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre du Hodna');
    await scheduledCustomerSubscription(run.t, firmId, { customerName: 'Rachid Mansouri' });
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await openReport(page, 'Rachid Mansouri');

    // 4000 × 3000 as the sensor saw it, EXIF orientation 6: upright, 3000 wide and 4000 high.
    const camera = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: '#6080a0',
        noise: { type: 'gaussian', mean: 128, sigma: 12 },
      },
    })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const small = await testJpeg('#30c070', 640, 480);
    const before = new Date().toISOString();
    for (const [kind, file] of [
      ['pbo', { name: 'camera.jpg', mimeType: 'image/jpeg', buffer: camera }],
      ['pto', { name: 'small.jpg', mimeType: 'image/jpeg', buffer: small }],
      [
        'power_meter',
        { name: 'meter.heic', mimeType: 'image/heic', buffer: Buffer.from('not an image this browser decodes') },
      ],
    ] as const) {
      await page.locator(`#field-photo-${kind}`).setInputFiles(file);
      await expect
        .poll(() => page.getByTestId(`field-photo-${kind}`).locator('.field-photo-item').count(), { timeout: 15_000 })
        .toBe(1);
    }
    const kept = (await page.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('raccord-field');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('photos').objectStore('photos').getAll();
        request.onsuccess = async () => {
          open.result.close();
          resolve(await Promise.all(request.result.map(async (photo) => {
            const bitmap = await createImageBitmap(photo.blob).catch(() => null);
            return { kind: photo.kind, type: photo.blob.type, size: photo.blob.size, width: bitmap?.width ?? null, height: bitmap?.height ?? null, takenAt: photo.takenAt, latitude: photo.position?.latitude ?? null };
          })));
        };
        request.onerror = () => reject(request.error);
      };
    })`)) as {
      kind: string;
      type: string;
      size: number;
      width: number | null;
      height: number | null;
      takenAt: string;
      latitude: number | null;
    }[];
    const byKind = Object.fromEntries(kept.map((photo) => [photo.kind, photo]));
    expect(byKind['PBO']).toMatchObject({
      type: 'image/jpeg',
      width: 1536,
      height: 2048,
      latitude: ainBenian.latitude,
    });
    expect(byKind['PBO']!.size).toBeLessThan(camera.length / 4);
    expect(byKind['PBO']!.takenAt >= before && byKind['PBO']!.takenAt <= new Date().toISOString()).toBe(true);
    expect(byKind['PTO']).toMatchObject({ type: 'image/jpeg', size: small.length, width: 640, height: 480 });
    expect(byKind['POWER_METER']).toMatchObject({
      type: 'image/heic',
      size: 'not an image this browser decodes'.length,
      width: null,
    });
    await context.close();
  }, 120_000);

  it('shows a technician the reserves the acceptance refused the work with, to lift before reporting again', async () => {
    const { firmId, email, password } = await firmWithTechnician('Réserves');
    const id = await installedCustomerSubscription(run.t, firmId, '-21.5', undefined, {
      customerName: 'Client Réserves',
    });
    await mustQuery(
      run.t,
      'mutation ($id: ID!) { rejectInstallation(input: { id: $id, expectedVersion: 4, reserves: ["câble non fixé", "PTO mal posée"] }) { customerSubscription { id } } }',
      { id },
    );
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    await page.getByRole('link', { name: 'Client Réserves' }).click();
    const reserves = page.getByRole('region', { name: 'Réserves à lever' });
    await expect
      .poll(() => reserves.getByRole('listitem').allTextContents())
      .toEqual(['câble non fixé', 'PTO mal posée']);
    await context.close();
  }, 120_000);

  it('says on each job what the firm has to do by when: an appointment to book before its service level’s due time', async () => {
    const { firmId, email, password } = await firmWithTechnician('Fibre du Titteri');
    const toBook = await createCustomerSubscription(run.t, { customerName: 'Rachid Bouzid' });
    await mustQuery(
      run.t,
      'mutation ($id: ID!, $c: ID!) { assignCustomerSubscription(input: { id: $id, expectedVersion: 1, contractorId: $c }) { customerSubscription { id } } }',
      { id: toBook.id, c: firmId },
    );
    const { customerSubscription } = await mustQuery<{
      customerSubscription: { serviceLevelClocks: { step: string; dueAt: string }[] };
    }>(run.t, 'query ($id: ID!) { customerSubscription(id: $id) { serviceLevelClocks { step dueAt } } }', {
      id: toBook.id,
    });
    const booking = customerSubscription.serviceLevelClocks.find(
      (clock) => clock.step === 'ASSIGNMENT_TO_APPOINTMENT',
    )!;
    const due = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Africa/Algiers',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(booking.dueAt));
    const { context, page } = await phone();
    await page.goto(`${run.t.url}/terrain`);
    await signInOnPhone(page, email, password);
    const card = page.getByTestId('field-work').filter({ hasText: 'Rachid Bouzid' });
    expect(await card.getByTestId('field-deadline').innerText()).toBe(`Rendez-vous à fixer avant le ${due}`);
    // And on the job's own page.
    await card.getByRole('link', { name: 'Rachid Bouzid' }).click();
    await page.getByRole('heading', { name: 'Rachid Bouzid' }).waitFor();
    expect(await page.getByTestId('field-deadline').innerText()).toBe(`Rendez-vous à fixer avant le ${due}`);
    await context.close();
  }, 120_000);
});

/** A user's id, by their e-mail address. */
async function userIdOf(email: string): Promise<string> {
  const [row] = await run.t.sql<{ id: string }>('select id from app_user where email = $1', [email]);
  return String(row!.id);
}
