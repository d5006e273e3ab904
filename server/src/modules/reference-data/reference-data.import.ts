import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { referenceDataDir } from '../../common/paths.js';
import { Commune } from './commune.entity.js';
import { Daira } from './daira.entity.js';
import { forgetReferenceData } from './reference-data.cache.js';
import { writeReferenceDataChanged } from './reference-data.events.js';
import { Wilaya } from './wilaya.entity.js';

/** The communes file shipped with the server (from othmanus/algeria-cities, csv/, version 3.x). */
export const communesCsvPath = join(referenceDataDir, 'algeria-communes.csv');

/** The communes' centres shipped with the server (from yasserstudio/geoalgeria, MIT; see the README beside it). */
export const communeCoordinatesCsvPath = join(referenceDataDir, 'algeria-communes-coordinates.csv');

const requiredColumns = [
  'id',
  'commune_name',
  'commune_name_ascii',
  'daira_name',
  'daira_name_ascii',
  'wilaya_code',
  'wilaya_name',
  'wilaya_name_ascii',
] as const;

type CsvRow = Record<(typeof requiredColumns)[number], string>;

/** A row the import could not use: its line in the file (1 is the header) and why. */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

/** What an import did: rows of each kind now in the database from this file, and the rows left out. */
export interface ReferenceDataImportReport {
  readonly wilayas: number;
  readonly dairas: number;
  readonly communes: number;
  readonly rejected: readonly RejectedRow[];
}

interface CommuneRow {
  id: number;
  name: string;
  nameAr: string;
  dairaKey: string;
  wilayaCode: string;
}

const maxNameLength = 100;

/**
 * A digest of every wilaya, daïra and commune as the processes keep them (`reference-data.cache.ts`),
 * read in the import's transaction before and after it: only an import that changed them announces it
 * (the shipped file, imported again at every start, changes nothing).
 */
async function fingerprint(tx: EntityManager): Promise<string> {
  const [row] = await tx.execute<{ digest: string }[]>(
    `select md5(concat(
       (select string_agg(w::text, ',' order by w.code) from wilaya w), '/',
       (select string_agg(d::text, ',' order by d.id) from daira d), '/',
       (select string_agg(c::text, ',' order by c.id) from commune c)
     )) as digest`,
  );
  return row!.digest;
}

function checkRow(row: CsvRow): string | undefined {
  if (!/^[1-9]\d{0,5}$/.test(row.id)) return `id must be a positive whole number (got "${row.id}")`;
  if (!/^\d{2}$/.test(row.wilaya_code)) return `wilaya_code must be two digits (got "${row.wilaya_code}")`;
  for (const column of requiredColumns) {
    if (row[column] === '') return `${column} is empty`;
    if (row[column].length > maxNameLength) return `${column} is longer than ${maxNameLength} characters`;
    // eslint-disable-next-line no-control-regex -- finding control characters is this test's purpose
    if (/[\u0000-\u001F\u007F]/.test(row[column])) return `${column} contains control characters`;
  }
  return undefined;
}

/**
 * Loads wilayas, daïras and communes from the public communes CSV (columns as published:
 * `id, commune_name, commune_name_ascii, daira_name, daira_name_ascii, wilaya_code, wilaya_name,
 * wilaya_name_ascii`). Values are trimmed. Idempotent: a second run changes nothing; a changed name
 * is updated in place (wilayas by code, daïras by wilaya and French name, communes by id). All or
 * nothing: the rows it can use are written in one transaction. When it changed any of them, every
 * process drops the reference data it keeps (`REFERENCE_DATA_CHANGED`), this one at once.
 *
 * Rows it cannot use are returned in `rejected`, never skipped silently: a row that is not valid CSV
 * (an unclosed quote) or has fewer fields than the header, a malformed id or wilaya code, an empty or
 * over-long value or one with control characters, an id seen before, or a wilaya or daïra named
 * differently than on its first row.
 */
export async function importReferenceData(em: EntityManager, csvText: string): Promise<ReferenceDataImportReport> {
  const rejected: RejectedRow[] = [];
  let records: { record: Partial<CsvRow>; info: { lines: number; columns: unknown[] } }[];
  try {
    records = parse(csvText, {
      bom: true,
      columns: (header: string[]) => header.map((column) => column.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        rejected.push({
          line: Number(error?.lines ?? 0),
          reason: `not valid CSV: ${error?.message ?? 'unreadable row'}`,
        });
        return undefined;
      },
    });
  } catch (error) {
    return {
      wilayas: 0,
      dairas: 0,
      communes: 0,
      rejected: [{ line: 1, reason: `the file is not valid CSV: ${(error as Error).message}` }],
    };
  }

  const header = records.length > 0 ? Object.keys(records[0]!.record) : [];
  const missing = requiredColumns.filter((column) => records.length > 0 && !header.includes(column));
  if (records.length === 0 || missing.length > 0) {
    return {
      wilayas: 0,
      dairas: 0,
      communes: 0,
      rejected: [
        { line: 1, reason: records.length === 0 ? 'the file has no rows' : `missing columns: ${missing.join(', ')}` },
      ],
    };
  }

  const wilayas = new Map<string, { code: string; name: string; nameAr: string }>();
  const dairas = new Map<string, { wilayaCode: string; name: string; nameAr: string }>();
  const communes = new Map<number, CommuneRow>();

  for (const { record, info } of records) {
    if (Object.keys(record).length < requiredColumns.length) {
      rejected.push({
        line: info.lines,
        reason: `the row has fewer fields than the header (${Object.keys(record).length} of ${header.length})`,
      });
      continue;
    }
    // csv-parse's `trim` leaves spaces inside quotes (`" الشلف"` in the source data): trim every value here.
    const row = Object.fromEntries(requiredColumns.map((column) => [column, (record[column] ?? '').trim()])) as CsvRow;
    const problem = checkRow(row);
    if (problem) {
      rejected.push({ line: info.lines, reason: problem });
      continue;
    }
    const id = Number(row.id);
    if (communes.has(id)) {
      rejected.push({ line: info.lines, reason: `commune id ${id} appears again` });
      continue;
    }
    const wilaya = wilayas.get(row.wilaya_code) ?? {
      code: row.wilaya_code,
      name: row.wilaya_name_ascii,
      nameAr: row.wilaya_name,
    };
    if (wilaya.name !== row.wilaya_name_ascii || wilaya.nameAr !== row.wilaya_name) {
      rejected.push({
        line: info.lines,
        reason: `wilaya ${row.wilaya_code} is named "${wilaya.name}" / "${wilaya.nameAr}" on an earlier row`,
      });
      continue;
    }
    const dairaKey = `${row.wilaya_code}|${row.daira_name_ascii}`;
    const daira = dairas.get(dairaKey) ?? {
      wilayaCode: row.wilaya_code,
      name: row.daira_name_ascii,
      nameAr: row.daira_name,
    };
    if (daira.nameAr !== row.daira_name) {
      rejected.push({
        line: info.lines,
        reason: `daïra "${daira.name}" of wilaya ${row.wilaya_code} is named "${daira.nameAr}" on an earlier row`,
      });
      continue;
    }
    wilayas.set(wilaya.code, wilaya);
    dairas.set(dairaKey, daira);
    communes.set(id, {
      id,
      name: row.commune_name_ascii,
      nameAr: row.commune_name,
      dairaKey,
      wilayaCode: row.wilaya_code,
    });
  }

  await em.transactional(async (tx) => {
    const before = await fingerprint(tx);
    await tx.upsertMany(Wilaya, [...wilayas.values()]);
    const dairaRows = [...dairas.entries()];
    const savedDairas = await tx.upsertMany(
      Daira,
      dairaRows.map(([, daira]) => ({ wilaya: daira.wilayaCode, name: daira.name, nameAr: daira.nameAr })),
      { onConflictFields: ['wilaya', 'name'], onConflictAction: 'merge', onConflictMergeFields: ['nameAr'] },
    );
    const dairaIds = new Map(dairaRows.map(([key], index) => [key, savedDairas[index]!.id]));
    await tx.upsertMany(
      Commune,
      [...communes.values()].map((commune) => ({
        id: commune.id,
        name: commune.name,
        nameAr: commune.nameAr,
        daira: dairaIds.get(commune.dairaKey)!,
        wilaya: commune.wilayaCode,
      })),
    );
    if ((await fingerprint(tx)) !== before) await writeReferenceDataChanged(tx, 'COMMUNES');
  });
  forgetReferenceData(em);

  return { wilayas: wilayas.size, dairas: dairas.size, communes: communes.size, rejected };
}

/** What an import of commune centres did: communes placed, points left out as untrusted, rows it could not use. */
export interface CommuneCoordinatesImportReport {
  readonly placed: number;
  readonly untrusted: number;
  readonly rejected: readonly RejectedRow[];
}

const coordinateRowSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, { error: 'id must be a positive whole number' })
    .transform(Number),
  latitude: z
    .string()
    .regex(/^-?\d{1,2}(\.\d{1,10})?$/, { error: 'latitude must be decimal degrees' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(18.9, { error: 'latitude must be within Algeria' })
        .max(37.2, { error: 'latitude must be within Algeria' }),
    ),
  longitude: z
    .string()
    .regex(/^-?\d{1,2}(\.\d{1,10})?$/, { error: 'longitude must be decimal degrees' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(-8.7, { error: 'longitude must be within Algeria' })
        .max(12.0, { error: 'longitude must be within Algeria' }),
    ),
  in_wilaya: z.enum(['true', 'false'], { error: 'in_wilaya must be true or false' }),
});

/**
 * Places the communes at their centres from the coordinates CSV (`id, latitude, longitude,
 * in_wilaya`): a point outside its wilaya's boundary (`in_wilaya=false`) is not trusted and leaves
 * the commune without a position. Idempotent; all or nothing; a change announced as `importReferenceData`
 * announces its own. Rows it cannot use are returned in `rejected` (malformed values, a point outside
 * Algeria, an id seen before or of no known commune).
 */
export async function importCommuneCoordinates(
  em: EntityManager,
  csvText: string,
): Promise<CommuneCoordinatesImportReport> {
  const rejected: RejectedRow[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csvText, { bom: true, columns: true, trim: true, skip_empty_lines: true, info: true });
  } catch (error) {
    return {
      placed: 0,
      untrusted: 0,
      rejected: [{ line: 1, reason: `the file is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const known = new Set(
    (await em.getConnection().execute<{ id: number }[]>('select id from commune')).map((row) => row.id),
  );
  const positions = new Map<number, { latitude: number | null; longitude: number | null }>();
  let untrusted = 0;
  for (const { record, info } of records) {
    const parsed = coordinateRowSchema.safeParse(record);
    if (!parsed.success) {
      rejected.push({ line: info.lines, reason: parsed.error.issues.map((issue) => issue.message).join('; ') });
      continue;
    }
    const row = parsed.data;
    if (positions.has(row.id) || !known.has(row.id)) {
      rejected.push({
        line: info.lines,
        reason: positions.has(row.id) ? `commune id ${row.id} appears again` : `no commune has id ${row.id}`,
      });
      continue;
    }
    const trusted = row.in_wilaya === 'true';
    if (!trusted) untrusted += 1;
    positions.set(
      row.id,
      trusted ? { latitude: row.latitude, longitude: row.longitude } : { latitude: null, longitude: null },
    );
  }
  await em.transactional(async (tx) => {
    const before = await fingerprint(tx);
    const rows = [...positions.entries()];
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      await tx.getConnection().execute(
        `update commune c set latitude = v.latitude, longitude = v.longitude
           from (values ${batch.map(() => '(?::int, ?::double precision, ?::double precision)').join(', ')}) as v(id, latitude, longitude)
          where c.id = v.id and (c.latitude is distinct from v.latitude or c.longitude is distinct from v.longitude)`,
        batch.flatMap(([id, position]) => [id, position.latitude, position.longitude]),
        'run',
        tx.getTransactionContext(),
      );
    }
    if ((await fingerprint(tx)) !== before) await writeReferenceDataChanged(tx, 'CENTRES');
  });
  forgetReferenceData(em);
  return { placed: positions.size - untrusted, untrusted, rejected };
}

/** Imports the communes file shipped with the server (see `importReferenceData`), then the communes' centres (see `importCommuneCoordinates`). */
export async function importShippedReferenceData(
  em: EntityManager,
): Promise<ReferenceDataImportReport & { readonly positions: CommuneCoordinatesImportReport }> {
  const report = await importReferenceData(em, await readFile(communesCsvPath, 'utf8'));
  return {
    ...report,
    positions: await importCommuneCoordinates(em, await readFile(communeCoordinatesCsvPath, 'utf8')),
  };
}
