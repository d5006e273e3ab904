import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it('passes every audit with no error; the only warnings are the three 400-instead-of-200 answers to application/json', async () => {
    const audits = serverAudits({ url: `${t.url}/graphql`, fetchFn: fetch });
    const failures: string[] = [];
    const warnings: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
      if (result.status === 'warn') warnings.push(audit.name);
    }
    expect(audits.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    // Apollo Server answers a request it cannot execute with 400 even to application/json clients (a SHOULD, not a MUST).
    expect(warnings).toEqual([
      'SHOULD use 200 status code on document parsing failure when accepting application/json',
      'SHOULD use 200 status code on document validation failure when accepting application/json',
      'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
    ]);
  });
});
