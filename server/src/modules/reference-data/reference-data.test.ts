import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readFile } from 'node:fs/promises';
import { createLogger } from '../../common/logger.js';
import { initOrm } from '../../entities.js';
import { createCustomerSubscription, expectRefusedFilter } from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import {
  communeCoordinatesCsvPath,
  communesCsvPath,
  importCommuneCoordinates,
  importReferenceData,
} from './reference-data.import.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

interface WilayaData {
  code: string;
  name: string;
  nameAr: string;
  communeCount: number;
}

describe('wilayas', () => {
  it('returns the 58 wilayas, coded "01" to "58", whose commune counts add up to 1,541', async () => {
    const { body } = await t.graphql<{ wilayas: WilayaData[] }>('{ wilayas { code name nameAr communeCount } }');
    expect(body.errors).toBeUndefined();
    const wilayas = body.data!.wilayas;
    expect(wilayas.map((w) => w.code)).toEqual(Array.from({ length: 58 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(wilayas.reduce((sum, w) => sum + w.communeCount, 0)).toBe(1541);
    expect(wilayas[0]).toEqual({ code: '01', name: 'Adrar', nameAr: 'أدرار', communeCount: 16 });
    expect(wilayas.find((w) => w.code === '16')).toMatchObject({ name: 'Alger', communeCount: 57 });
  });

  it('serves trimmed names: wilaya 02 is "الشلف", though the source file has " الشلف"', async () => {
    const { body } = await t.graphql<{ wilaya: WilayaData }>('{ wilaya(code: "02") { nameAr } }');
    expect(body.data!.wilaya.nameAr).toBe('الشلف');
  });

  it('wilaya(code) returns one wilaya with its communes and their daïras, or null for an unknown code', async () => {
    const { body } = await t.graphql<{
      wilaya: { name: string; communes: { name: string; daira: { name: string }; wilaya: { code: string } }[] };
      none: null;
    }>(
      '{ wilaya(code: "47") { name communes { name daira { name } wilaya { code } } } none: wilaya(code: "99") { code } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.none).toBeNull();
    const { communes } = body.data!.wilaya;
    expect(body.data!.wilaya.name).toBe('Ghardaïa');
    expect(communes.every((c) => c.wilaya.code === '47')).toBe(true);
    expect(communes.map((c) => c.name)).toEqual(
      [...communes.map((c) => c.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    expect(communes.find((c) => c.name === 'Mansoura')?.daira.name).toBe('Mansourah');
  });

  it('refuses a malformed wilaya code with BAD_USER_INPUT naming the argument', async () => {
    for (const code of ['1', '001', 'ab', '', '1; drop table wilaya']) {
      const { body } = await t.graphql('query ($code: String!) { wilaya(code: $code) { code } }', { code });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    }
    const { body } = await t.graphql<{ wilayas: unknown[] }>('{ wilayas { code } }');
    expect(body.data!.wilayas).toHaveLength(58);
  });
});

describe('communes', () => {
  it('lists all 1,541 communes, each identified by its id', async () => {
    const { body } = await t.graphql<{ communes: { id: string }[] }>('{ communes { id } }');
    expect(body.data!.communes).toHaveLength(1541);
    expect(new Set(body.data!.communes.map((c) => c.id)).size).toBe(1541);
  });

  it('filters by wilaya and by part of the French or Arabic name, case-insensitively', async () => {
    const adrar = await t.graphql<{ communes: { name: string }[] }>('{ communes(wilayaCode: "01") { name } }');
    expect(adrar.body.data!.communes).toHaveLength(16);

    const marsa = await t.graphql<{ communes: { name: string; wilaya: { code: string } }[] }>(
      '{ communes(search: "  el marsa ") { name wilaya { code } } }',
    );
    const exact = marsa.body.data!.communes.filter((c) => c.name === 'El Marsa');
    expect(exact).toHaveLength(3);
    expect(new Set(exact.map((c) => c.wilaya.code)).size).toBe(3);

    const arabic = await t.graphql<{ communes: { name: string }[] }>('{ communes(search: "تيمقتن") { name } }');
    expect(arabic.body.data!.communes.map((c) => c.name)).toEqual(['Timekten']);

    const both = await t.graphql<{ communes: { name: string }[] }>(
      '{ communes(wilayaCode: "21", search: "marsa") { name } }',
    );
    expect(both.body.data!.communes.map((c) => c.name)).toEqual(['El Marsa']);
  });

  it('treats % and _ in search as plain characters, and a blank search as no filter', async () => {
    const percent = await t.graphql<{ communes: unknown[] }>('{ communes(search: "%") { id } }');
    expect(percent.body.data!.communes).toEqual([]);
    const underscore = await t.graphql<{ communes: unknown[] }>('{ communes(search: "_") { id } }');
    expect(underscore.body.data!.communes).toEqual([]);
    const blank = await t.graphql<{ communes: unknown[] }>('{ communes(search: "   ") { id } }');
    expect(blank.body.data!.communes).toHaveLength(1541);
  });

  it('refuses a wilaya code no wilaya has, malformed or not, or an over-long search with BAD_USER_INPUT', async () => {
    const list = 'query ($w: String) { communes(wilayaCode: $w) { id } }';
    for (const [w, reason] of [
      ['7', 'must be two digits, such as "01"'],
      ['abc', 'must be two digits, such as "01"'],
      ['00', 'must be the code of a wilaya, "01" to "58"'],
      ['99', 'must be the code of a wilaya, "01" to "58"'],
    ] as const) {
      expect(await expectRefusedFilter(t, list, { w }, 'wilayaCode', 'commune')).toBe(reason);
    }
    const long = await t.graphql('query ($s: String) { communes(search: $s) { id } }', { s: 'x'.repeat(101) });
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });
});

describe('batching (no N+1)', () => {
  const nested = '{ wilayas { code communeCount communes { name daira { name wilaya { code } } wilaya { code } } } }';

  it('answers a nested query in the same number of SQL statements for 1 wilaya or 58', async () => {
    const one = await t.graphql(
      '{ w: wilaya(code: "01") { code communeCount communes { name daira { name wilaya { code } } wilaya { code } } } }',
      undefined,
      {
        'x-request-id': 'nested-one',
      },
    );
    expect(one.body.errors).toBeUndefined();
    const all = await t.graphql(nested, undefined, { 'x-request-id': 'nested-all' });
    expect(all.body.errors).toBeUndefined();
    const oneSql = t.sqlOf('nested-one');
    const allSql = t.sqlOf('nested-all');
    expect(oneSql.length).toBeGreaterThan(0);
    expect(allSql.length).toBe(oneSql.length);
    expect(allSql.length).toBeLessThanOrEqual(4);
  });
});

describe('over WebSocket (graphql-ws)', () => {
  it('answers the same query as over HTTP, on its own EntityManager and request id', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: t.adminConnectionParams,
    });
    try {
      const results: unknown[] = [];
      for await (const result of client.iterate({ query: '{ wilayas { code communeCount } }' })) results.push(result);
      const http = await t.graphql('{ wilayas { code communeCount } }');
      expect(results).toEqual([http.body]);
      const wsRequestIds = t.logs.filter((line) => line['transport'] === 'ws').map((line) => line.reqId);
      expect(wsRequestIds).toHaveLength(1);
      expect(t.sqlOf(String(wsRequestIds[0])).length).toBeGreaterThan(0);
    } finally {
      await client.dispose();
    }
  });

  it('gives parse and validation errors the codes HTTP gives', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: t.adminConnectionParams,
    });
    try {
      const codeOf = async (query: string) => {
        try {
          for await (const result of client.iterate({ query })) return result;
        } catch (errors) {
          return (errors as { extensions?: Record<string, unknown> }[])[0]?.extensions?.['code'];
        }
        return undefined;
      };
      expect(await codeOf('{ nope }')).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await codeOf('{ wilayas { code }')).toBe('GRAPHQL_PARSE_FAILED');
      const http = await t.graphql('{ nope }');
      expect(http.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await client.dispose();
    }
  });

  it('returns coded errors over WebSocket too', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: t.adminConnectionParams,
    });
    try {
      const results: { errors?: { extensions?: Record<string, unknown> }[] }[] = [];
      for await (const result of client.iterate({ query: '{ wilaya(code: "x") { code } }' }))
        results.push(result as never);
      expect(results[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    } finally {
      await client.dispose();
    }
  });
});

describe('the reference data each process keeps', () => {
  const header =
    'id,commune_name,commune_name_ascii,daira_name,daira_name_ascii,wilaya_code,wilaya_name,wilaya_name_ascii';
  /** The shipped row of Ain Benian (commune 554), with its French name `name`. */
  const ainBenian = async (name: string) => {
    const row = (await readFile(communesCsvPath, 'utf8')).split('\n').find((line) => line.startsWith('554,'))!;
    return `${header}\n${row.replace(',Ain Benian,', `,${name},`)}\n`;
  };
  const communeOf = async (id: string) => {
    const { body } = await t.graphql<{ customerSubscription: { commune: { name: string; latitude: number | null } } }>(
      'query ($id: ID!) { customerSubscription(id: $id) { commune { name latitude } } }',
      { id },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.customerSubscription.commune;
  };

  it("answers a record's commune without SQL, and sees a commune renamed by an import at its next query", async () => {
    const { id } = await createCustomerSubscription(t, { communeId: '554' });
    expect((await communeOf(id)).name).toBe('Ain Benian');
    const { body } = await t.graphql(
      'query ($id: ID!) { customerSubscription(id: $id) { commune { name } } }',
      { id },
      {
        'x-request-id': 'cached-commune',
      },
    );
    expect(body.errors).toBeUndefined();
    const statements = t.sqlOf('cached-commune');
    expect(statements.some((sql) => sql.includes('"customer_subscription"'))).toBe(true);
    expect(statements.filter((sql) => sql.includes('"commune"'))).toEqual([]);
    try {
      await importReferenceData(t.app.orm.em.fork(), await ainBenian('Aïn Benian (renamed)'));
      expect((await communeOf(id)).name).toBe('Aïn Benian (renamed)');
    } finally {
      await importReferenceData(t.app.orm.em.fork(), await ainBenian('Ain Benian'));
    }
    expect((await communeOf(id)).name).toBe('Ain Benian');
  });

  it('sees a change imported by another process once the change log brings it', async () => {
    const { id } = await createCustomerSubscription(t, { communeId: '554' });
    const shipped = await readFile(communeCoordinatesCsvPath, 'utf8');
    const [coordinatesHeader] = shipped.split('\n');
    const centre = (row: string) => `${coordinatesHeader}\n${row}\n`;
    const shippedRow = shipped.split('\n').find((line) => line.startsWith('554,'))!;
    expect((await communeOf(id)).latitude).toBe(Number(shippedRow.split(',')[1]));
    // Another process: its own ORM, whose import drops none of this server's data but through the log.
    const other = await initOrm({ databaseUrl: t.database.url, logger: createLogger('silent'), poolMax: 1 });
    try {
      await importCommuneCoordinates(other.em.fork(), centre('554,36.77,2.9,true'));
      await eventually(async () => expect((await communeOf(id)).latitude).toBe(36.77));
    } finally {
      await importCommuneCoordinates(other.em.fork(), centre(shippedRow));
      await other.close();
    }
    await eventually(async () => expect((await communeOf(id)).latitude).toBe(Number(shippedRow.split(',')[1])));
  });
});
