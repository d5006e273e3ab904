import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAppWithConsole, type TestApp } from '../../test/harness.js';
import { consoleBuildDir } from '../common/paths.js';

/** The security headers every answer carries: the console's pages, the API, the PDFs and the photos. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestAppWithConsole();
});
afterAll(() => t.stop());

const browser = 'text/html,application/xhtml+xml,*/*;q=0.8';

async function headersOf(path: string, init: { method?: string; accept?: string; body?: string } = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      accept: init.accept ?? browser,
      'content-type': 'application/json',
      authorization: `Bearer ${t.adminToken}`,
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  await response.arrayBuffer();
  return response.headers;
}

/** The directives of a Content-Security-Policy header, by name. */
function directivesOf(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

const everywhere = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-powered-by': null,
};

const answers: [string, string, { method?: string; accept?: string; body?: string }][] = [
  ['the console', '/', {}],
  ['a client-side route of the console', '/factures/12', {}],
  ['the service worker', '/sw.js', {}],
  ['a GraphQL query', '/graphql', { method: 'POST', accept: 'application/json', body: '{"query":"{ me { email } }"}' }],
  ["an invoice's PDF", '/invoices/99999/pdf', {}],
  ["a credit note's PDF", '/credit-notes/99999/pdf', {}],
  ['a photo', '/photos/00000000-0000-4000-8000-000000000000', { accept: 'image/*' }],
  ['a path that leads nowhere', '/api/nope', {}],
];

describe('the security headers', () => {
  it.each(answers)('are on %s', async (_name, path, init) => {
    const headers = await headersOf(path, init);
    expect(Object.fromEntries(Object.keys(everywhere).map((name) => [name, headers.get(name)]))).toEqual(everywhere);
    const policy = directivesOf(headers.get('content-security-policy'));
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'style-src': ["'self'"],
      'worker-src': ["'self'"],
    });
    expect(policy['script-src']?.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy).not.toHaveProperty('upgrade-insecure-requests');
  });

  it("let the console's page run its inline script, by its hash, and no other", async () => {
    const html = readFileSync(join(consoleBuildDir, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (match) => `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`,
    );
    expect(inline.length).toBeGreaterThan(0);
    const policy = directivesOf((await headersOf('/')).get('content-security-policy'));
    expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", ...inline]);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
  });

  it('are looser on the GraphQL explorer (development only), for its inline scripts and styles, and as strict for the rest', async () => {
    const headers = await headersOf('/graphql');
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    expect(headers.get('x-frame-options')).toBe('DENY');
    const policy = directivesOf(headers.get('content-security-policy'));
    expect(policy).toMatchObject({
      'default-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'connect-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'worker-src': ["'self'"],
    });
    expect(policy['script-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });
});
