import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAppWithConsole, type TestApp } from '../../test/harness.js';
import { consoleBuildDir } from '../common/paths.js';

/** How the console's build is served: what a browser and the field view's service worker rely on. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestAppWithConsole();
});
afterAll(() => t.stop());

const get = (path: string) =>
  fetch(`${t.url}${path}`, { headers: { 'accept-encoding': 'gzip', accept: 'text/html,*/*' } });

describe('the console files', () => {
  it('sends the hashed scripts compressed and cached for a year', async () => {
    const script = readdirSync(join(consoleBuildDir, 'assets')).find((name) => /^index-.+\.js$/.test(name));
    const response = await get(`/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('has the pages, the service worker and the manifest checked again at every use', async () => {
    for (const path of ['/', '/terrain', '/sw.js', '/manifest.webmanifest']) {
      const response = await get(path);
      expect({ path, status: response.status, cacheControl: response.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cacheControl: 'no-cache',
      });
    }
  });
});

const browser = 'text/html,application/xhtml+xml,*/*;q=0.8';

async function answerOf(path: string, init: { method?: string; accept?: string } = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { accept: init.accept ?? browser, authorization: `Bearer ${t.adminToken}` },
  });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await response.json()) as Record<string, unknown>) : await response.text();
  return { status: response.status, type, body };
}

describe('paths that lead nowhere', () => {
  it('answer a JSON 404 with NOT_FOUND under the API, to a browser and to a program alike', async () => {
    for (const path of [
      '/api/nope',
      '/invoices/99999/pdf/extra',
      '/invoices/99999',
      '/credit-notes/nope',
      '/photos/00000000-0000-4000-8000-000000000000/nope',
      '/healthz/nope',
      '/assets/nope.js',
    ])
      for (const accept of [browser, 'application/json'])
        expect({ path, accept, ...(await answerOf(path, { accept })) }).toMatchObject({
          path,
          accept,
          status: 404,
          type: expect.stringContaining('application/json'),
          body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
        });
    expect(await answerOf('/nope', { method: 'POST' })).toMatchObject({
      status: 404,
      body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
    });
  });

  it('answer GraphQL at /graphql only, never at a path below it', async () => {
    const post = (path: string) =>
      fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await post('/graphql')).status).toBe(200);
    expect((await post('/graphql/')).status).toBe(200);
    for (const path of ['/graphql/anything/else', '/graphql/x']) {
      const response = await post(path);
      expect({ path, status: response.status, body: await response.json() }).toMatchObject({
        path,
        status: 404,
        body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
      });
    }
  });

  it('answer the same for a missing invoice, credit note or photo', async () => {
    for (const path of [
      '/invoices/99999/pdf',
      '/credit-notes/99999/pdf',
      '/photos/00000000-0000-4000-8000-000000000000',
    ])
      expect({ path, ...(await answerOf(path)) }).toMatchObject({
        path,
        status: 404,
        body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
      });
  });

  it("leave the console's own routes to the console, which shows its own page for an unknown one", async () => {
    for (const path of ['/factures/12', '/terrain/abc', '/nulle-part']) {
      const answer = await answerOf(path);
      expect({ path, status: answer.status, type: answer.type }).toEqual({
        path,
        status: 200,
        type: expect.stringContaining('text/html'),
      });
    }
  });
});
