import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import sharp from 'sharp';
import { fieldBundle } from './field-bundle.js';
import { benchFirm, graphql, percentile, scheduledWork, startBenchServer, usage, type BenchServer } from './server.js';

/**
 * `npm run bench:field [-- --reports N] [--out DIR]` (issue 15, "Measure"): what the field costs, on the
 * built server (`npm start`'s) and console, each figure from one run of this machine:
 * - **uploads**: N installation reports (default 5) each with three photos of about 4 MB (4000 × 3000
 *   JPEG, as a phone's camera takes them) sent one after the other as the field view's outbox sends
 *   them (PUT /photos/<id>, then reportInstallation), over loopback: time per photo and per report, the
 *   server's CPU per photo, its resident memory before and at its peak (read from /proc every 10 ms),
 *   and the longest event-loop delay while it worked (`nodejs_eventloop_lag_max_seconds`).
 * - **field view**: a technician's first load of /terrain in Chromium with the network of DevTools'
 *   "Slow 4G" profile (562.5 ms latency, 1.6 Mbit/s down, 750 kbit/s up, emulated with the DevTools
 *   protocol), cold (empty cache, no service worker) and warm (a second visit, the service worker
 *   installed): time from navigation to the first job shown, bytes transferred, requests; and the
 *   JavaScript of that first load in the built console, gzip-compressed (field-bundle.ts).
 * - **submission**: on the same Slow 4G page, a report's three photos as the field view sends them and
 *   the report itself: time and bytes sent.
 * Prints the figures as JSON; `--out DIR` also saves them as DIR/<date>-field.json.
 */
const { values: flags } = parseArgs({
  options: { reports: { type: 'string', default: '5' }, out: { type: 'string' } },
});
const reports = Number(flags.reports);
if (!Number.isInteger(reports) || reports < 1 || reports > 100) {
  process.stderr.write('--reports must be a whole number from 1 to 100\n');
  process.exit(2);
}

// What the functions run in the browser (page.evaluate, addInitScript) use of it; the scripts compile without the DOM's types.
declare const localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
declare const navigator: { serviceWorker: { controller: unknown } };

/** DevTools' "Slow 4G" throttling profile, in bytes per second and milliseconds. */
const slow4g = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1_000_000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};
const metricsToken = randomBytes(32).toString('hex');
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A photo as a phone's camera takes it: 4000 × 3000, JPEG, about 4 MB (noise keeps it from compressing to nothing). */
function cameraPhoto(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: { r: 90 + seed, g: 120, b: 150 },
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function upload(
  server: BenchServer,
  token: string,
  subscriptionId: string,
  kind: string,
  file: Buffer,
): Promise<string> {
  const id = randomUUID();
  const form = new FormData();
  form.append('customerSubscriptionId', subscriptionId);
  form.append('kind', kind);
  form.append('takenAt', new Date(Date.now() - 60_000).toISOString());
  form.append('latitude', '36.7925');
  form.append('longitude', '2.9338');
  form.append('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${server.url}/photos/${id}`, {
    method: 'PUT',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return id;
}

const reportMutation =
  'mutation ($input: ReportInstallationInput!) { reportInstallation(input: $input) { customerSubscription { id } } }';

function reportInput(id: string, photoIds: string[]): Record<string, unknown> {
  return {
    id,
    expectedVersion: 3,
    installedAt: new Date(Date.now() - 60_000).toISOString(),
    technicianName: 'Technicien Bench',
    networkClass: 'B_PLUS',
    receivedPowerDbm: '-21.5',
    lines: [{ code: 'RAC-STD', quantity: '1' }],
    photoIds,
    latitude: 36.7925,
    longitude: 2.9338,
    signatureMissingReason: 'banc de mesure',
    idempotencyKey: randomUUID(),
  };
}

/** The longest event-loop delay since the last scrape (seconds), from the server's /metrics. */
async function eventLoopMaxSeconds(server: BenchServer): Promise<number> {
  const text = await (
    await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
  ).text();
  const line = text.split('\n').find((row) => row.startsWith('nodejs_eventloop_lag_max_seconds'));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

async function measureUploads(server: BenchServer, token: string, firmId: string) {
  const photos = await Promise.all([0, 1, 2].map(cameraPhoto));
  const work = [];
  for (let index = 0; index < reports; index += 1) work.push(await scheduledWork(server.url, server.token, firmId));
  const pid = server.process.pid!;
  const before = usage(pid);
  let peakRss = before.rssBytes;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, usage(pid).rssBytes);
  }, 10);
  await eventLoopMaxSeconds(server);
  const photoMs: number[] = [];
  const reportMs: number[] = [];
  const started = performance.now();
  for (const id of work) {
    const reportStarted = performance.now();
    const photoIds: string[] = [];
    for (const [index, kind] of ['PBO', 'PTO', 'POWER_METER'].entries()) {
      const photoStarted = performance.now();
      photoIds.push(await upload(server, token, id, kind, photos[index]!));
      photoMs.push(performance.now() - photoStarted);
    }
    await graphql(server.url, reportMutation, { input: reportInput(id, photoIds) }, token);
    reportMs.push(performance.now() - reportStarted);
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  const eventLoopMax = await eventLoopMaxSeconds(server);
  clearInterval(sampler);
  const after = usage(pid);
  photoMs.sort((a, b) => a - b);
  reportMs.sort((a, b) => a - b);
  return {
    reports,
    photosPerReport: 3,
    photoBytes: photos.map((photo) => photo.length),
    photoMsP50: Math.round(percentile(photoMs, 50)),
    photoMsMax: Math.round(photoMs.at(-1)!),
    reportMsP50: Math.round(percentile(reportMs, 50)),
    reportMsMax: Math.round(reportMs.at(-1)!),
    reportsPerSecond: Number((reports / elapsedSeconds).toFixed(2)),
    serverCpuMsPerPhoto: Math.round(((after.cpuSeconds - before.cpuSeconds) / (reports * 3)) * 1000),
    serverRssBeforeMiB: Math.round(before.rssBytes / 1048576),
    serverRssPeakMiB: Math.round(peakRss / 1048576),
    eventLoopMaxMs: Math.round(eventLoopMax * 1000),
  };
}

/** Bytes received on `page` (DevTools' encodedDataLength: headers and body as they crossed the network) and requests, from now on. */
function countTraffic(session: CDPSession): { readonly bytes: () => number; readonly requests: () => number } {
  let bytes = 0;
  let requests = 0;
  session.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  return { bytes: () => bytes, requests: () => requests };
}

async function throttled(context: BrowserContext): Promise<{ page: Page; session: CDPSession }> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', slow4g);
  return { page, session };
}

/** Loads /terrain on `page` and waits for the first job ("Client Bench"); milliseconds from navigation, bytes and requests. */
async function loadFieldView(server: BenchServer, page: Page, session: CDPSession) {
  const traffic = countTraffic(session);
  const started = performance.now();
  await page.goto(`${server.url}/terrain`, { waitUntil: 'commit', timeout: 120_000 });
  await page.getByText('Client Bench').first().waitFor({ timeout: 120_000 });
  return { usableMs: Math.round(performance.now() - started), bytes: traffic.bytes(), requests: traffic.requests() };
}

async function measureFieldView(server: BenchServer, technicianToken: string, firmId: string) {
  const bundle = fieldBundle();
  for (let index = 0; index < 5; index += 1) await scheduledWork(server.url, server.token, firmId);
  const submitted = await scheduledWork(server.url, server.token, firmId);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addInitScript((token) => localStorage.setItem('raccord.token', token), technicianToken);
    const cold = await throttled(context);
    const coldLoad = await loadFieldView(server, cold.page, cold.session);
    await cold.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    const warm = await throttled(context);
    const warmLoad = await loadFieldView(server, warm.page, warm.session);

    const photo = await sharp(await cameraPhoto(0))
      .resize(2048, 2048, { fit: 'inside' })
      .jpeg({ quality: 85 })
      .toBuffer();
    const traffic = { sent: 0 };
    warm.session.on('Network.requestWillBeSent', (event) => {
      traffic.sent += event.request.postData?.length ?? 0;
    });
    const submission = await warm.page.evaluate(
      async ({ id, photo, input, mutation }) => {
        const token = localStorage.getItem('raccord.token')!;
        const started = performance.now();
        const photoIds: string[] = [];
        for (const kind of ['PBO', 'PTO', 'POWER_METER']) {
          const photoId = crypto.randomUUID();
          const form = new FormData();
          for (const [name, value] of Object.entries({
            customerSubscriptionId: id,
            kind,
            takenAt: new Date(Date.now() - 60_000).toISOString(),
            latitude: '36.7925',
            longitude: '2.9338',
          }))
            form.append(name, value);
          form.append(
            'file',
            new Blob([Uint8Array.from(atob(photo), (c) => c.charCodeAt(0))], { type: 'image/jpeg' }),
            'photo.jpg',
          );
          const response = await fetch(`/photos/${photoId}`, {
            method: 'PUT',
            body: form,
            headers: { authorization: `Bearer ${token}` },
          });
          if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
          photoIds.push(photoId);
        }
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: mutation, variables: { input: { ...input, photoIds } } }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return Math.round(performance.now() - started);
      },
      { id: submitted, photo: photo.toString('base64'), input: reportInput(submitted, []), mutation: reportMutation },
    );
    return {
      network: 'Slow 4G (DevTools profile: 562.5 ms, 1.6 Mbit/s down, 750 kbit/s up)',
      viewport: '390 × 844, touch',
      cold: coldLoad,
      warm: warmLoad,
      firstLoadJavaScript: {
        gzipKiB: bundle.totalGzipKiB,
        chunks: bundle.chunks.length,
        onDemandGzipKiB: Number((bundle.onDemand.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) / 1024).toFixed(1)),
      },
      submission: { photos: 3, photoBytes: photo.length, ms: submission },
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const server = await startBenchServer({
    METRICS_TOKEN: metricsToken,
    PHOTO_DIR: join(os.tmpdir(), `raccord-bench-photos-${randomBytes(4).toString('hex')}`),
  });
  try {
    const firmId = await benchFirm(server.url, server.token);
    const email = `technicien-${randomBytes(3).toString('hex')}@bench.test`;
    await graphql(
      server.url,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email,
          displayName: 'Technicien Bench',
          role: 'TECHNICIAN',
          contractorId: firmId,
          password: 'bench technician password',
        },
      },
      server.token,
    );
    const technician = (
      await graphql<{ login: { token: string } }>(
        server.url,
        'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
        { e: email, p: 'bench technician password' },
      )
    ).login.token;
    process.stdout.write('uploads: 3 photos of about 4 MB a report, over loopback…\n');
    const uploads = await measureUploads(server, technician, firmId);
    process.stdout.write('field view: cold and warm loads on Slow 4G…\n');
    const fieldView = await measureFieldView(server, technician, firmId);
    const result = {
      bench: 'field',
      date: new Date().toISOString(),
      cpus: os.cpus().length,
      node: process.version,
      uploads,
      fieldView,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (flags.out) {
      await mkdir(flags.out, { recursive: true });
      const file = join(flags.out, `${result.date.slice(0, 10)}-field.json`);
      await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`saved ${file}\n`);
    }
  } finally {
    await server.stop();
  }
}

await main();
