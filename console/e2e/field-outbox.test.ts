import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The field view's outbox (console/src/features/field/outbox.ts) against a real IndexedDB: its
 * module, served by Vite's development server, runs in a real Chromium with Dexie, and a scripted
 * transport plays the server. Node has no IndexedDB, and Dexie is not mocked.
 */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
let server: ViteDevServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  server = await createServer({
    configFile: false,
    root: join(import.meta.dirname, '..'),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1' },
    optimizeDeps: { include: ['dexie', 'react'] },
  });
  await server.listen();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage();
  const address = server.httpServer!.address() as { port: number };
  await page.goto(`http://127.0.0.1:${address.port}/src/features/field/db.ts`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs `body` in the page with a fresh database (`db`), the outbox's functions (`outbox`), an
 * `entry(work, photoKinds)` maker, and a `transport` playing the server: it records each request in
 * `calls` ("upload:<work>:<kind>", "send:<order reference>") and each mutation's idempotency key in
 * `keys`, and answers as scripted in `answers[call]` (done when nothing is scripted).
 */
async function scenario<T>(body: string): Promise<T> {
  // A string, not a function: Vitest would rewrite a function's import() for Node.
  return page.evaluate(`(async () => {
    const { FieldDatabase } = await import('/src/features/field/db.ts');
    const outbox = await import('/src/features/field/outbox.ts');
    const db = new FieldDatabase('outbox-test-' + crypto.randomUUID());
    const calls = [];
    const keys = [];
    const answers = {};
    const transport = {
      async uploadPhoto(photo) {
        const call = 'upload:' + photo.customerSubscriptionId + ':' + photo.kind;
        calls.push(call);
        return answers[call]?.shift() ?? { outcome: 'done' };
      },
      async send(entry) {
        const call = 'send:' + entry.orderReference;
        calls.push(call);
        keys.push(entry.idempotencyKey);
        return answers[call]?.shift() ?? { outcome: 'done' };
      },
    };
    const entry = (work, kinds = ['PBO'], userId = 'technician-1') => ({
      userId,
      kind: 'report',
      customerSubscriptionId: work,
      customerName: 'Client ' + work,
      orderReference: 'cmd-' + work,
      input: { id: work, expectedVersion: 3, receivedPowerDbm: '-21.5' },
      photos: kinds.map((kind) => ({ id: crypto.randomUUID(), customerSubscriptionId: work, kind, takenAt: new Date().toISOString(), position: null, blob: new Blob([kind], { type: 'image/jpeg' }) })),
    });
    ${body}
  })()`) as Promise<T>;
}

describe('the field outbox in a real IndexedDB (issue 15 §4)', () => {
  it('sends entries in the order they were saved, each photo before its mutation, and then forgets them', async () => {
    const result = await scenario<{ calls: string[]; left: number; photos: number; result: string }>(`
      await outbox.saveEntry(db, entry('1', ['PBO', 'PTO']));
      await outbox.saveEntry(db, entry('2', ['PBO']));
      await outbox.saveEntry(db, entry('3', []));
      const result = await outbox.sendPending(db, transport, 'technician-1');
      return { calls, left: await db.outbox.count(), photos: await db.photos.count(), result };
    `);
    expect(result).toEqual({
      calls: ['upload:1:PBO', 'upload:1:PTO', 'send:cmd-1', 'upload:2:PBO', 'send:cmd-2', 'send:cmd-3'],
      left: 0,
      photos: 0,
      result: 'done',
    });
  });

  it('keeps an entry, its key and its photos across transient failures; a failure stops the pass so that nothing overtakes; photos already uploaded are not sent again', async () => {
    const result = await scenario<{
      first: string;
      after: unknown;
      calls: string[];
      keys: string[];
      saved: string;
      second: string;
      left: number;
    }>(`
      answers['upload:1:PTO'] = [{ outcome: 'transient', problem: { code: 'NETWORK', field: null, message: 'network' } }];
      answers['send:cmd-1'] = [{ outcome: 'transient', problem: { code: 'NETWORK', field: null, message: 'network' } }];
      const id = await outbox.saveEntry(db, entry('1', ['PBO', 'PTO']));
      await outbox.saveEntry(db, entry('2', []));
      const saved = (await db.outbox.get(id)).idempotencyKey;
      const first = await outbox.sendPending(db, transport, 'technician-1');
      const stored = await db.outbox.get(id);
      const after = { attempts: stored.attempts, waiting: stored.state, backoff: stored.nextAttemptAt > Date.now(), photos: (await db.photos.where('entryId').equals(id).toArray()).map((photo) => [photo.kind, photo.uploaded]).sort() };
      const early = await outbox.sendPending(db, transport, 'technician-1');
      await outbox.sendPending(db, transport, 'technician-1', { force: true });
      const second = await outbox.sendPending(db, transport, 'technician-1', { force: true });
      return { first: first + '/' + early, after, calls, keys, saved, second, left: await db.outbox.count() };
    `);
    expect(result.first).toBe('later/later');
    expect(result.after).toEqual({
      attempts: 1,
      waiting: 'waiting',
      backoff: true,
      photos: [
        ['PBO', true],
        ['PTO', false],
      ],
    });
    // PBO once; PTO failed then went; the mutation failed after the server may have committed, then went again with the same key.
    expect(result.calls).toEqual([
      'upload:1:PBO',
      'upload:1:PTO',
      'upload:1:PTO',
      'send:cmd-1',
      'send:cmd-1',
      'send:cmd-2',
    ]);
    expect(result.keys.slice(0, 2)).toEqual([result.saved, result.saved]);
    expect(result.second).toBe('done');
    expect(result.left).toBe(0);
  });

  it('holds an entry the server refuses, with its reasons and photos, and the later entries of the same work; the others go', async () => {
    const result = await scenario<{
      held: unknown;
      calls: string[];
      left: string[];
      photos: number;
      retried: unknown;
      discarded: { entries: number; photos: number };
    }>(`
      answers['send:cmd-1'] = [{ outcome: 'refused', problems: [{ code: 'INVALID_TRANSITION', field: null, message: 'cancelled' }] }];
      const refused = await outbox.saveEntry(db, entry('1', ['PBO']));
      await outbox.saveEntry(db, entry('2', []));
      await outbox.saveEntry(db, { ...entry('1', []), orderReference: 'cmd-1-again' });
      await outbox.sendPending(db, transport, 'technician-1');
      const stored = await db.outbox.get(refused);
      const held = { state: stored.state, problems: stored.problems };
      const left = (await db.outbox.orderBy('id').toArray()).map((e) => e.orderReference + ':' + e.state);
      const photos = await db.photos.where('entryId').equals(refused).count();
      const key = stored.idempotencyKey;
      await outbox.retryEntry(db, refused, 7);
      const again = await db.outbox.get(refused);
      const retried = { state: again.state, version: again.input.expectedVersion, newKey: again.idempotencyKey !== key, power: again.input.receivedPowerDbm };
      await outbox.discardEntry(db, refused);
      return { held, calls, left, photos, retried, discarded: { entries: await db.outbox.where('customerSubscriptionId').equals('1').count(), photos: await db.photos.where('entryId').equals(refused).count() } };
    `);
    expect(result.held).toEqual({
      state: 'blocked',
      problems: [{ code: 'INVALID_TRANSITION', field: null, message: 'cancelled' }],
    });
    expect(result.calls).toEqual(['upload:1:PBO', 'send:cmd-1', 'send:cmd-2']);
    expect(result.left).toEqual(['cmd-1:blocked', 'cmd-1-again:waiting']);
    expect(result.photos).toBe(1);
    expect(result.retried).toEqual({ state: 'waiting', version: 7, newKey: true, power: '-21.5' });
    expect(result.discarded).toEqual({ entries: 1, photos: 0 });
  });

  it('stops at an ended session without counting it against the entry', async () => {
    const result = await scenario<{ result: string; attempts: number; left: number }>(`
      answers['send:cmd-1'] = [{ outcome: 'signed-out' }];
      const id = await outbox.saveEntry(db, entry('1', []));
      const result = await outbox.sendPending(db, transport, 'technician-1');
      return { result, attempts: (await db.outbox.get(id)).attempts, left: await db.outbox.count() };
    `);
    expect(result).toEqual({ result: 'signed-out', attempts: 0, left: 1 });
  });

  it('sends only the signed-in user’s entries: another user’s wait for them, unseen', async () => {
    const result = await scenario<{ calls: string[]; mine: string[]; theirs: string[]; next: number | null }>(`
      await outbox.saveEntry(db, entry('1', ['PBO'], 'technician-1'));
      await outbox.saveEntry(db, { ...entry('2', ['PBO'], 'technician-2'), orderReference: 'cmd-2' });
      await outbox.sendPending(db, transport, 'technician-1');
      const mine = (await outbox.userEntries(db, 'technician-1')).map((e) => e.orderReference);
      const theirs = (await outbox.userEntries(db, 'technician-2')).map((e) => e.orderReference);
      return { calls, mine, theirs, next: await outbox.nextAttemptAt(db, 'technician-1') };
    `);
    expect(result).toEqual({ calls: ['upload:1:PBO', 'send:cmd-1'], mine: [], theirs: ['cmd-2'], next: null });
  });

  it('keeps a form’s draft with its photos until the form is saved in the outbox, in the same transaction; a draft given up takes its photos', async () => {
    const result = await scenario<{ restored: unknown; afterSave: unknown; discarded: unknown }>(`
      const draft = await import('/src/features/field/draft.ts');
      const key = { userId: 'technician-1', customerSubscriptionId: '1', kind: 'report' };
      const photo = entry('1', ['PBO']).photos[0];
      await draft.keepDraftPhoto(db, 'technician-1', photo);
      await draft.writeDraft(db, key, { values: { power: '-21,5' }, photoIds: [photo.id], signature: new Blob(['sig'], { type: 'image/png' }) });
      const kept = await draft.readDraft(db, key);
      const restored = { power: kept.values.power, photos: kept.photos.map((p) => [p.kind, p.userId, p.entryId, p.blob.size]), signature: kept.signature.size, theirs: await draft.readDraft(db, { ...key, userId: 'technician-2' }) };
      const id = await outbox.saveEntry(db, { ...entry('1', []), photos: kept.photos });
      const afterSave = { draft: await draft.readDraft(db, key), photos: (await db.photos.toArray()).map((p) => [p.id === photo.id, p.entryId === id]) };
      const other = entry('2', ['PTO']).photos[0];
      const otherKey = { ...key, customerSubscriptionId: '2' };
      await draft.keepDraftPhoto(db, 'technician-1', other);
      await draft.writeDraft(db, otherKey, { values: {}, photoIds: [other.id], signature: null });
      await draft.discardDraft(db, otherKey, [other.id]);
      const discarded = { draft: await draft.readDraft(db, otherKey), photo: await db.photos.get(other.id) ?? null };
      return { restored, afterSave, discarded };
    `);
    expect(result.restored).toEqual({
      power: '-21,5',
      photos: [['PBO', 'technician-1', null, 3]],
      signature: 3,
      theirs: null,
    });
    expect(result.afterSave).toEqual({ draft: null, photos: [[true, true]] });
    expect(result.discarded).toEqual({ draft: null, photo: null });
  });

  it('upgrades a version 1 database: its waiting entries and photos go to the first user identified, its cache is dropped', async () => {
    const result = await scenario<{ entries: unknown; photos: unknown; values: string[] }>(`
      const Dexie = Object.getPrototypeOf(FieldDatabase);
      const name = 'outbox-upgrade-' + crypto.randomUUID();
      const old = new Dexie(name);
      old.version(1).stores({ outbox: '++id, customerSubscriptionId, state', photos: 'id, entryId, customerSubscriptionId', work: 'id', values: 'key' });
      const id = await old.table('outbox').add({ kind: 'report', customerSubscriptionId: '1', customerName: 'Client 1', orderReference: 'cmd-1', savedAt: new Date().toISOString(), input: {}, idempotencyKey: 'k', photoIds: ['p'], state: 'waiting', attempts: 0, nextAttemptAt: 0, problems: [] });
      await old.table('photos').add({ id: 'p', customerSubscriptionId: '1', kind: 'PBO', takenAt: new Date().toISOString(), position: null, blob: new Blob(['x']), entryId: id, uploaded: false });
      await old.table('values').bulkPut([{ key: 'list', value: {}, loadedAt: '' }, { key: 'settings', value: {}, loadedAt: '' }]);
      old.close();
      const upgraded = new FieldDatabase(name);
      const before = (await upgraded.outbox.toArray()).map((e) => e.userId);
      await outbox.adoptUnowned(upgraded, 'technician-1');
      return {
        entries: { before, after: (await outbox.userEntries(upgraded, 'technician-1')).map((e) => e.orderReference) },
        photos: (await upgraded.photos.toArray()).map((p) => [p.id, p.userId]),
        values: (await upgraded.values.toArray()).map((v) => v.key),
      };
    `);
    expect(result).toEqual({
      entries: { before: [''], after: ['cmd-1'] },
      photos: [['p', 'technician-1']],
      values: [],
    });
  });
});
