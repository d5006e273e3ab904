import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('queries over HTTP (compiled by graphql-jit) answer as graphql-js does', () => {
  it('gives a non-null variable left out its default', async () => {
    const { response, body } = await t.graphql(
      'query ($code: String! = "16", $names: Boolean! = false) { wilaya(code: $code) { code name @include(if: $names) } }',
    );
    expect((body as Body).errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect((body as Body).data).toEqual({ wilaya: { code: '16' } });
  });

  it('refuses a document of several operations that names none of them with OPERATION_RESOLUTION_FAILURE (HTTP 400)', async () => {
    for (const operationName of [undefined, 'Z']) {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
        body: JSON.stringify({
          query: 'query A { wilaya(code: "16") { code } } query B { wilaya(code: "31") { code } }',
          operationName,
        }),
      });
      const body = (await response.json()) as Body;
      expect(response.status, String(operationName)).toBe(400);
      expect(body.errors?.[0]?.extensions?.['code'], String(operationName)).toBe('OPERATION_RESOLUTION_FAILURE');
    }
  });

  it('refuses a subscription sent over HTTP with BAD_REQUEST (HTTP 400): subscriptions are served over WebSocket', async () => {
    const { response, body } = await t.graphql('subscription { dashboardChanged { __typename } }');
    expect(response.status).toBe(400);
    expect((body as Body).errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('WebSocket'),
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
      }),
    ]);
    expect(t.logs.filter((line) => line.msg === 'unexpected error')).toEqual([]);
  });
});
