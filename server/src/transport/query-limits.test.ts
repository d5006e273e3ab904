import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

/** The first error of `query` over WebSocket: a result's error or the protocol's error message. */
async function overWebSocket(
  query: string,
): Promise<{ message: string; extensions?: Record<string, unknown> } | undefined> {
  const client = createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: t.adminConnectionParams,
  });
  try {
    for await (const result of client.iterate({ query })) return (result.errors?.[0] as never) ?? undefined;
  } catch (errors) {
    return (errors as { message: string; extensions?: Record<string, unknown> }[])[0];
  } finally {
    await client.dispose();
  }
  return undefined;
}

const nested = (depth: number): string => {
  let selection = 'id';
  for (let level = 0; level < depth; level += 1)
    selection = level % 2 === 0 ? `wilaya { communes { ${selection} } }` : selection;
  return `{ communes(wilayaCode: "01") { ${selection} } }`;
};

describe('query limits, before any SQL, on HTTP and WebSocket', () => {
  it('refuses a small query that would multiply lists (communes → wilaya → communes …) as QUERY_TOO_COMPLEX', async () => {
    const query = '{ communes { wilaya { communes { wilaya { communes { wilaya { communes { id } } } } } } } }';
    const { response, body } = await t.graphql(query, undefined, { 'x-request-id': 'too-complex' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximum: 20000 });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(t.sqlOf('too-complex')).toEqual([]);
    expect((await overWebSocket(query))?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('accepts the whole map in one query: every commune with its daïra and wilaya', async () => {
    const { body } = await t.graphql<{ communes: unknown[] }>(
      '{ communes { id name daira { name } wilaya { name } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.communes).toHaveLength(1541);
  });

  it('counts a wilaya map’s points at their cap: one map is accepted, fifteen aliased are QUERY_TOO_COMPLEX', async () => {
    // Found by an adversarial trial: points have no id, so each list of up to 5,000 cost nothing.
    const map = (alias: string) =>
      `${alias}: wilayaMap(wilayaCode: "16") { sites { status latitude } openWork { status } }`;
    const one = await t.graphql(`{ ${map('m')} }`);
    expect(one.body.errors).toBeUndefined();
    const many = await t.graphql(`{ ${Array.from({ length: 15 }, (_, i) => map(`m${i}`)).join(' ')} }`);
    expect(many.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('accepts a page of 20 invoices with their lines, as the console asks', async () => {
    const { body } = await t.graphql(
      '{ invoices(first: 20) { totalCount edges { node { id number contractor { legalName } ' +
        'lines { id itemCode quantity unitPrice { centimes } amount { centimes } } } } } }',
    );
    expect(body.errors).toBeUndefined();
  });

  it('refuses more than 10 levels of nesting as GRAPHQL_VALIDATION_FAILED', async () => {
    const query = nested(12);
    const { body } = await t.graphql(query);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
    expect((await overWebSocket(query))?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more than 15 aliases', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: wilaya(code: "01") { code }`).join(' ')} }`;
    const { body } = await t.graphql(query);
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
    expect((await overWebSocket(query))?.message).toMatch(/alias/i);
  });

  it('refuses a document of more than 3,000 tokens, and a fragment chain that would blow the stack, with a code', async () => {
    const long = `{ ${Array.from({ length: 1600 }, () => 'wilayas { code }').join(' ')} }`;
    const http = await t.graphql(long, undefined, { 'x-request-id': 'too-long' });
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      http.body.errors?.[0]?.extensions?.['code'],
    );
    expect(http.body.errors?.[0]?.message).toMatch(/token/i);
    expect(t.sqlOf('too-long')).toEqual([]);
    const ws = await overWebSocket(long);
    expect(ws?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    expect(ws?.message).toMatch(/token/i);

    const fragments = Array.from({ length: 5000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ');
    const chain = `{ ...F0 } ${fragments} fragment F5000 on Query { wilayas { code } }`;
    const { body } = await t.graphql(chain);
    expect(body.errors?.[0]?.extensions?.['code']).not.toBe('INTERNAL_SERVER_ERROR');
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('refuses @skip or @include on a subscription’s root field as GRAPHQL_VALIDATION_FAILED, the socket kept', async () => {
    // Found in a review: a root field skipped left the subscription nothing to subscribe to, graphql-js
    // threw, and graphql-ws closed the whole socket with 4500.
    for (const directive of ['@include(if: false)', '@skip(if: true)', '@include(if: true)']) {
      const error = await overWebSocket(`subscription { dashboardChanged ${directive} { acceptedTotal } }`);
      expect(error?.extensions?.['code'], directive).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error?.message, directive).toMatch(/@skip or @include/);
    }
    const { body } = await t.graphql('subscription { dashboardChanged @skip(if: true) { acceptedTotal } }');
    expect(body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a NUL byte in a search as BAD_USER_INPUT, never reaching PostgreSQL', async () => {
    const { body } = await t.graphql('query ($s: String) { communes(search: $s) { id } }', { s: 'a\u0000b' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });
});

/** Requests whose errors name parts of the schema: graphql-js adds "Did you mean …?" to each. */
const schemaGuesses: { readonly query: string; readonly variables?: Record<string, unknown> }[] = [
  { query: '{ customerSubscriptions(orderBy: ORDERED_AT_DESC) { totalCount } }' },
  {
    query: 'query ($o: CustomerSubscriptionOrder) { customerSubscriptions(orderBy: $o) { totalCount } }',
    variables: { o: 'ORDERED_A' },
  },
  { query: '{ communes(serch: "a") { id } }' },
  { query: 'query ($o: CustomerSubscriptionOrdr) { customerSubscriptions(orderBy: $o) { totalCount } }' },
];

describe('suggestions outside production', () => {
  it('name the enum value, argument or type meant, to help a developer', async () => {
    for (const { query, variables } of schemaGuesses) {
      const { body } = await t.graphql(query, variables);
      expect(body.errors?.[0]?.message, query).toMatch(/Did you mean/);
    }
  });
});

describe('production mode', () => {
  let production: TestApp;
  beforeAll(async () => {
    production = await startTestApp({
      NODE_ENV: 'production',
      INVOICE_BUYER: JSON.stringify({
        name: 'Algérie Télécom',
        legalForm: 'SPA',
        address: 'Alger',
        rcNumber: 'RC',
        nif: 'NIF',
        nis: 'NIS',
        taxArticle: 'ART',
      }),
    });
  });
  afterAll(() => production.stop());

  it('serves no landing page (no explorer, nothing from a CDN) on GET /graphql to a browser', async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(response.headers.get('content-type')).not.toMatch(/html/);
    const body = await response.text();
    expect(body).not.toMatch(/<html|<script|sandbox|graphiql|ruru/i);
    expect((await fetch(`${production.url}/graphql-explorer/ruru.js`)).headers.get('content-type')).not.toMatch(
      /javascript/,
    );
  });

  it('refuses introspection and gives no field, enum value, argument or type suggestions, on HTTP and WebSocket', async () => {
    for (const { query, variables } of schemaGuesses) {
      const { body } = await production.graphql(query, variables);
      expect(body.errors?.[0]?.message, query).toBeDefined();
      expect(body.errors?.[0]?.message, query).not.toMatch(/Did you mean/);
    }
    const http = await production.graphql('{ __schema { types { name } } }');
    expect(http.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await production.graphql('{ wilayaz { code } }');
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);

    const client = createClient({
      url: `${production.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: production.adminConnectionParams,
    });
    try {
      const first = async (query: string, variables?: Record<string, unknown>) => {
        try {
          for await (const result of client.iterate({ query, variables })) return result.errors?.[0];
        } catch (errors) {
          return (errors as { message: string; extensions?: Record<string, unknown> }[])[0];
        }
        return undefined;
      };
      expect((await first('{ __schema { types { name } } }'))?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await first('{ wilayaz { code } }'))?.message).not.toMatch(/Did you mean/);
      for (const { query, variables } of schemaGuesses) {
        const error = await first(query, variables);
        expect(error?.message, query).toBeDefined();
        expect(error?.message, query).not.toMatch(/Did you mean/);
      }
    } finally {
      await client.dispose();
    }
  });
});
