import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../common/logger.js';
import { initOrm } from '../../entities.js';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { importCommuneCoordinates, importReferenceData, importShippedReferenceData } from './reference-data.import.js';

const header =
  'id,commune_name,commune_name_ascii,daira_name,daira_name_ascii,wilaya_code,wilaya_name,wilaya_name_ascii';

let database: TestDatabase;
let orm: MikroORM;

async function snapshot(): Promise<string> {
  const connection = orm.em.fork().getConnection();
  const tables = await Promise.all([
    connection.execute('select * from wilaya order by code'),
    connection.execute('select * from daira order by id'),
    connection.execute('select * from commune order by id'),
  ]);
  return JSON.stringify(tables);
}

async function counts(): Promise<{ wilayas: number; dairas: number; communes: number }> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<{ wilayas: number; dairas: number; communes: number }[]>(
      'select (select count(*)::int from wilaya) as wilayas, (select count(*)::int from daira) as dairas, (select count(*)::int from commune) as communes',
    );
  return row!;
}

describe('reference data import', () => {
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    orm = await initOrm({ databaseUrl: database.url, logger: createLogger('silent'), poolMax: 2 });
    await orm.migrator.up();
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('loads the shipped file whole: 58 wilayas, 548 daïras, 1,541 communes, no row rejected', async () => {
    const report = await importShippedReferenceData(orm.em.fork());
    // 548 daïras as (wilaya, name): "Mansourah" stands as a daïra of wilayas 13, 34, 47 and 58.
    // 63 commune centres lie outside their wilaya's boundary in the source: not trusted, not loaded.
    expect(report).toEqual({
      wilayas: 58,
      dairas: 548,
      communes: 1541,
      rejected: [],
      positions: { placed: 1478, untrusted: 63, rejected: [] },
    });
    expect(await counts()).toEqual({ wilayas: 58, dairas: 548, communes: 1541 });
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await snapshot();
    const report = await importShippedReferenceData(orm.em.fork());
    expect(report.rejected).toEqual([]);
    expect(report.positions.rejected).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('stores trimmed values only', async () => {
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<{ untrimmed: number }[]>(
        `select (select count(*) from wilaya where name <> btrim(name) or name_ar <> btrim(name_ar))
              + (select count(*) from daira where name <> btrim(name) or name_ar <> btrim(name_ar))
              + (select count(*) from commune where name <> btrim(name) or name_ar <> btrim(name_ar)) as untrimmed`,
      );
    expect(Number(row!.untrimmed)).toBe(0);
  });

  it('reports each row it cannot use with its line and reason, and imports the others', async () => {
    const csv = [
      header,
      '9001,  بلدية ,  Commune Test ,دائرة,Daira Test,01,أدرار,Adrar',
      ',بلدية,Sans Id,دائرة,Daira Test,01,أدرار,Adrar',
      '9002,بلدية,Bad Wilaya,دائرة,Daira Test,1,أدرار,Adrar',
      '9003,,No Arabic Name,دائرة,Daira Test,01,أدرار,Adrar',
      '9001,بلدية,Again,دائرة,Daira Test,01,أدرار,Adrar',
      '9004,بلدية,Other Wilaya Name,دائرة,Daira Test,01,أدرار,Adrar Renamed',
      '9005,بلدية,Short Row,دائرة',
      '9006,بلدية,Good Too,دائرة,Daira Test,01,أدرار,Adrar',
    ].join('\n');
    const report = await importReferenceData(orm.em.fork(), csv);
    expect(report.rejected).toEqual([
      { line: 3, reason: 'id must be a positive whole number (got "")' },
      { line: 4, reason: 'wilaya_code must be two digits (got "1")' },
      { line: 5, reason: 'commune_name is empty' },
      { line: 6, reason: 'commune id 9001 appears again' },
      { line: 7, reason: 'wilaya 01 is named "Adrar" / "أدرار" on an earlier row' },
      { line: 8, reason: 'the row has fewer fields than the header (4 of 8)' },
    ]);
    expect(report).toMatchObject({ wilayas: 1, dairas: 1, communes: 2 });
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: number; name: string; name_ar: string }[]>(
        'select id, name, name_ar from commune where id > 9000 order by id',
      );
    expect(rows).toEqual([
      { id: 9001, name: 'Commune Test', name_ar: 'بلدية' },
      { id: 9006, name: 'Good Too', name_ar: 'بلدية' },
    ]);
  });

  it('writes nothing when the file lacks a column, and says which', async () => {
    const before = await snapshot();
    const report = await importReferenceData(orm.em.fork(), 'id,commune_name,wilaya_code\n9100,x,01\n');
    expect(report).toEqual({
      wilayas: 0,
      dairas: 0,
      communes: 0,
      rejected: [
        {
          line: 1,
          reason: 'missing columns: commune_name_ascii, daira_name, daira_name_ascii, wilaya_name, wilaya_name_ascii',
        },
      ],
    });
    expect(await snapshot()).toBe(before);
  });

  it('reports an empty file instead of doing nothing silently', async () => {
    const report = await importReferenceData(orm.em.fork(), `${header}\n`);
    expect(report.rejected).toEqual([{ line: 1, reason: 'the file has no rows' }]);
  });

  it('places communes at their centres, leaves out the untrusted ones, and reports each row it cannot use', async () => {
    const csv = [
      'id,latitude,longitude,in_wilaya',
      '1, 27.5 ,-0.25,true',
      '2,26.70828,0.2833,false',
      '3,48.85,2.35,true',
      '4,abc,2.35,true',
      '1,27.6,-0.25,true',
      '99999,30.1,3.1,true',
      '5,30.1,3.1,maybe',
    ].join('\n');
    const report = await importCommuneCoordinates(orm.em.fork(), csv);
    expect(report).toEqual({
      placed: 1,
      untrusted: 1,
      rejected: [
        { line: 4, reason: 'latitude must be within Algeria' },
        { line: 5, reason: 'latitude must be decimal degrees' },
        { line: 6, reason: 'commune id 1 appears again' },
        { line: 7, reason: 'no commune has id 99999' },
        { line: 8, reason: 'in_wilaya must be true or false' },
      ],
    });
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: number; latitude: number | null; longitude: number | null }[]>(
        'select id, latitude, longitude from commune where id in (1, 2) order by id',
      );
    expect(rows).toEqual([
      { id: 1, latitude: 27.5, longitude: -0.25 },
      { id: 2, latitude: null, longitude: null },
    ]);
    await importShippedReferenceData(orm.em.fork());
  });
});

describe('reference data import of a damaged file', () => {
  let damagedDatabase: TestDatabase;
  let damagedOrm: MikroORM;
  beforeAll(async () => {
    damagedDatabase = await createTestDatabase({ empty: true });
    damagedOrm = await initOrm({ databaseUrl: damagedDatabase.url, logger: createLogger('silent'), poolMax: 2 });
    await damagedOrm.migrator.up();
  });
  afterAll(async () => {
    await damagedOrm.close();
    await damagedDatabase.drop();
  });

  it('reports an unclosed quote, a short row and control characters by line, and imports the other rows', async () => {
    const csv = [
      header,
      '9001,بلدية,Good One,دائرة,Daira Test,01,أدرار,Adrar',
      '9002,بلدية,Short Row',
      '9003,بلدية,Bad\u0001Name,دائرة,Daira Test,01,أدرار,Adrar',
      '9004,بلدية,Good Two,دائرة,Daira Test,01,أدرار,Adrar',
      '9005,"unterminated,X,دائرة,Daira Test,01,أدرار,Adrar',
    ].join('\n');
    const report = await importReferenceData(damagedOrm.em.fork(), csv);
    expect(report.communes).toBe(2);
    expect(report.rejected.map((row) => row.line)).toEqual(expect.arrayContaining([3, 4]));
    expect(report.rejected.find((row) => row.line === 3)?.reason).toMatch(/fewer fields than the header/);
    expect(report.rejected.find((row) => row.line === 4)?.reason).toMatch(/control characters/);
    expect(report.rejected.some((row) => /not valid CSV/.test(row.reason))).toBe(true);
  });
});
