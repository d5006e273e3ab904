import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { consoleBuildDir } from '../common/paths.js';

/** How the console's build is served: what a browser and the field view's service worker rely on. */
let t: TestApp;
beforeAll(async () => {
  if (!existsSync(join(consoleBuildDir, 'index.html')))
    throw new Error('The console is not built: run `npm run build:console` first (npm test does).');
  t = await startTestApp();
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
