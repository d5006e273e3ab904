import type { EntityManager } from '@mikro-orm/postgresql';
import {
  chunks,
  duplicateKeys,
  readCsv,
  refused,
  turnEvery,
  validateRows,
  yieldToEventLoop,
  type ImportReport,
  type RowProblem,
} from '../../common/csv-import.js';
import { jsonRows, jsonRowsSql } from '../../common/bulk-insert.js';
import { announce } from '../../common/events.js';
import { inTransaction } from '../../common/transaction.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { recordBulkCreations } from '../audit/audit.service.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Site, SiteStatus } from '../site/site.entity.js';
import { CustomerSubscriptionStatus } from './customer-subscription.entity.js';
import { customerSubscriptionSchema, type CustomerSubscriptionValues } from './customer-subscription.inputs.js';
import { now } from '../../common/time.js';

/**
 * Columns of a customer subscriptions CSV (AT's order backlog; header row, any order). Optional:
 * `site_code` (a site of the same wilaya) and `ordered_at` (ISO 8601; now when empty).
 */
export const customerSubscriptionCsvColumns = [
  'order_reference',
  'customer_name',
  'customer_phone',
  'customer_address',
  'commune_id',
  'offer',
] as const;

/** Optional columns of a customer subscriptions CSV. */
const optionalColumns = ['site_code', 'ordered_at'];

/** The CSV column of each input field, for errors. */
export const customerSubscriptionCsvColumnOf: Readonly<Record<string, string>> = {
  orderReference: 'order_reference',
  customerName: 'customer_name',
  customerPhone: 'customer_phone',
  customerAddress: 'customer_address',
  communeId: 'commune_id',
  offer: 'offer',
  orderedAt: 'ordered_at',
};

/** An instant as ISO 8601 with its offset (2026-11-02T08:30:00Z, …+01:00): no guessing of formats or zones. */
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A CSV row's values as `CreateCustomerSubscriptionInput`'s fields (the site is resolved from `site_code` later). */
export function customerSubscriptionCsvToInput(values: Record<string, string>): Record<string, unknown> {
  const text = values['ordered_at'] ?? '';
  const orderedAt = text === '' ? null : isoInstant.test(text) ? new Date(text) : text;
  return {
    orderReference: values['order_reference'],
    customerName: values['customer_name'],
    customerPhone: values['customer_phone'],
    customerAddress: values['customer_address'],
    communeId: values['commune_id'],
    offer: values['offer'],
    siteId: null,
    orderedAt: orderedAt instanceof Date && Number.isNaN(orderedAt.getTime()) ? text : orderedAt,
  };
}

/** Where a row's customer lives, and the site the row names (null when none). */
interface Placement {
  wilayaCode: string;
  siteId: string | null;
}

interface Placed {
  line: number;
  value: CustomerSubscriptionValues;
  wilayaCode: string;
}

/**
 * Finds each row's commune (and so wilaya) and site by code, with a few statements for the whole
 * file. Errors for an unknown commune or site, a site that takes no more work and a site of another
 * wilaya: all of a row's, of a row with other problems too (its commune when that is good). Returns,
 * by line, where each row without such errors is placed.
 */
async function place(
  em: EntityManager,
  rows: { line: number; value: Partial<Pick<CustomerSubscriptionValues, 'communeId'>> }[],
  siteCodes: ReadonlyMap<number, string | null>,
): Promise<{ placements: Map<number, Placement>; errors: RowProblem[] }> {
  const communes = new Map<string, string>();
  const communeIds = rows.flatMap((row) => (row.value.communeId === undefined ? [] : [Number(row.value.communeId)]));
  for (const batch of chunks([...new Set(communeIds)], 5000)) {
    // Plain rows, not entities: only each commune's wilaya is needed, and hydrating 1,541 communes held the event loop.
    const found = await em
      .createQueryBuilder(Commune, 'c')
      .select(['c.id', 'c.wilaya'])
      .where({ id: { $in: batch } })
      .execute<{ id: string; wilaya_code: string }[]>('all', false);
    for (const commune of found) communes.set(String(commune.id), commune.wilaya_code);
  }
  await yieldToEventLoop();
  const sites = new Map<string, { id: string; wilayaCode: string; status: SiteStatus }>();
  const codes = [...new Set([...siteCodes.values()].filter((code): code is string => Boolean(code)))];
  for (const batch of chunks(codes, 5000)) {
    for (const site of await em.find(Site, { code: { $in: batch } }))
      sites.set(site.code, { id: site.id, wilayaCode: site.wilaya.code, status: site.status });
  }
  const placements = new Map<number, Placement>();
  const errors: RowProblem[] = [];
  for (const [index, row] of rows.entries()) {
    await turnEvery(index);
    const { communeId } = row.value;
    const wilayaCode = communeId === undefined ? undefined : communes.get(communeId);
    const problems: RowProblem[] = [];
    if (communeId !== undefined && wilayaCode === undefined)
      problems.push({ line: row.line, field: 'commune_id', reason: `no commune with id ${communeId}` });
    const siteCode = siteCodes.get(row.line) ?? null;
    const site = siteCode ? sites.get(siteCode) : undefined;
    if (siteCode && !site)
      problems.push({ line: row.line, field: 'site_code', reason: `no site with code ${siteCode}` });
    if (site && (site.status === SiteStatus.COMPLETED || site.status === SiteStatus.CLOSED)) {
      problems.push({
        line: row.line,
        field: 'site_code',
        reason: `site ${siteCode} is ${site.status}: it takes no more work`,
      });
    }
    if (site && wilayaCode !== undefined && site.wilayaCode !== wilayaCode) {
      problems.push({
        line: row.line,
        field: 'site_code',
        reason: `site ${siteCode} is in wilaya ${site.wilayaCode}, the customer in wilaya ${wilayaCode}`,
      });
    }
    errors.push(...problems);
    if (problems.length === 0 && wilayaCode !== undefined)
      placements.set(row.line, { wilayaCode, siteId: site?.id ?? null });
  }
  return { placements, errors };
}

/**
 * Rows one statement writes: their JSON is built and their audit events worked out between two turns
 * of the event loop, well under 50 ms.
 */
const rowsPerStatement = 500;

/**
 * Inserts, PENDING, the rows whose order reference is not known yet, in file order, with one
 * statement (the rows travel as one JSON parameter, `jsonRows`: no ORM work per row); returns the
 * new ids by order reference. A reference another import commits meanwhile is a unique violation,
 * as for a single create.
 */
async function insertUnknown(em: EntityManager, rows: Placed[], importedAt: Date): Promise<Map<string, string>> {
  const json = jsonRows(
    rows.map(({ line, value, wilayaCode }) => ({
      line,
      order_reference: value.orderReference,
      customer_name: value.customerName,
      customer_phone: value.customerPhone,
      customer_address: value.customerAddress,
      commune_id: value.communeId,
      wilaya_code: wilayaCode,
      offer: value.offer,
      site_id: value.siteId,
      ordered_at: value.orderedAt,
    })),
  );
  const inserted = await em.execute<{ id: string | number; order_reference: string }[]>(
    `insert into customer_subscription (version, created_at, updated_at, status, status_changed_at, order_reference,
       customer_name, customer_phone, customer_address, commune_id, wilaya_code, offer, site_id, ordered_at)
     select 1, ?, ?, ?, ?, row.order_reference, row.customer_name, row.customer_phone, row.customer_address,
            row.commune_id, row.wilaya_code, row.offer, row.site_id, row.ordered_at
       from jsonb_to_recordset(${jsonRowsSql}) as row(line int, order_reference text, customer_name text, customer_phone text,
            customer_address text, commune_id int, wilaya_code text, offer text, site_id bigint, ordered_at timestamptz)
      where not exists (select 1 from customer_subscription known where known.order_reference = row.order_reference)
      order by row.line
     returning id, order_reference`,
    [importedAt, importedAt, CustomerSubscriptionStatus.PENDING, importedAt, json],
  );
  return new Map(inserted.map((row) => [row.order_reference, String(row.id)]));
}

/**
 * Imports AT's order backlog from CSV (see `customerSubscriptionCsvColumns`), each PENDING. Every
 * row is checked first, as `createCustomerSubscription` checks one; a file with any bad row writes
 * nothing and returns every problem of every row (a row that is not valid CSV does not hide the
 * others'). Rows whose order reference is known are skipped. The rest are written in one
 * transaction, with a CREATE audit event each.
 */
export async function importCustomerSubscriptions(context: Context, csvText: string): Promise<ImportReport> {
  const { rows, errors: readErrors } = await readCsv(csvText, customerSubscriptionCsvColumns, optionalColumns);
  if (rows.length === 0) return refused(0, readErrors);
  const { valid, checked, errors, errorCount } = await validateRows(
    rows,
    customerSubscriptionSchema,
    customerSubscriptionCsvToInput,
    customerSubscriptionCsvColumnOf,
    ['orderReference', 'communeId'],
  );
  // Problems validation counted but did not keep (past the first it lists).
  const uncounted = errorCount - errors.length;
  errors.push(...readErrors);
  errors.push(...(await duplicateKeys(checked, (value) => value.orderReference, 'order_reference')));
  await yieldToEventLoop();
  const siteCodes = new Map(rows.map((row) => [row.line, row.values['site_code']?.toUpperCase() || null]));
  await yieldToEventLoop();
  const { placements, errors: placeErrors } = await place(context.em, checked, siteCodes);
  errors.push(...placeErrors);
  if (errors.length > 0) return refused(rows.length, errors, uncounted);

  return inTransaction(context, async (em) => {
    const importedAt = now(context);
    const created: Placed[] = [];
    for (const rowsOfBatch of chunks(valid, rowsPerStatement)) {
      // No problem at all: every row is valid, and placed.
      const batch = rowsOfBatch.map(({ line, value }): Placed => {
        const { wilayaCode, siteId } = placements.get(line)!;
        return { line, value: { ...value, siteId }, wilayaCode };
      });
      const ids = await insertUnknown(em, batch, importedAt);
      const fresh = batch.filter((row) => ids.has(row.value.orderReference));
      await recordBulkCreations(
        em,
        context,
        {
          entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
          toStatus: CustomerSubscriptionStatus.PENDING,
          reason: 'CSV import',
          fields: Object.keys(customerSubscriptionSchema.shape),
        },
        fresh.map(({ value }) => ({ id: ids.get(value.orderReference)!, values: value })),
      );
      created.push(...fresh);
      await yieldToEventLoop();
    }
    // One event for the whole file, not one per row: subscribers who may see them are told to refetch.
    if (created.length > 0)
      announce(em, 'CUSTOMER_SUBSCRIPTIONS_IMPORTED', () => ({
        wilayaCodes: [...new Set(created.map((row) => row.wilayaCode))],
      }));
    return {
      rows: rows.length,
      created: created.length,
      skipped: valid.length - created.length,
      errors: [],
      errorCount: 0,
    };
  });
}
