import type { EntityManager } from '@mikro-orm/postgresql';
import { insertReturningIds } from '../../common/bulk-insert.js';
import {
  chunks,
  duplicateKeys,
  readCsv,
  refused,
  turnEvery,
  validateRows,
  yieldToEventLoop,
  type ImportReport,
  type ImportRowError,
} from '../../common/csv-import.js';
import { announce } from '../../common/events.js';
import { inTransaction } from '../../common/transaction.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { recordBulkCreations } from '../audit/audit.service.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Site, SiteStatus } from '../site/site.entity.js';
import { CustomerSubscription, CustomerSubscriptionStatus } from './customer-subscription.entity.js';
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

interface CsvRowWithValue {
  line: number;
  value: CustomerSubscriptionValues;
}

interface Placed {
  line: number;
  value: CustomerSubscriptionValues;
  wilayaCode: string;
}

/** Finds each row's commune (and so wilaya) and site by code; errors for unknown ones or a site of another wilaya. */
async function place(
  em: EntityManager,
  rows: CsvRowWithValue[],
  siteCodes: ReadonlyMap<number, string | null>,
): Promise<{ placed: Placed[]; errors: ImportRowError[] }> {
  const communes = new Map<string, string>();
  for (const batch of chunks([...new Set(rows.map((row) => Number(row.value.communeId)))], 5000)) {
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
  const placed: Placed[] = [];
  const errors: ImportRowError[] = [];
  for (const [index, row] of rows.entries()) {
    await turnEvery(index);
    const wilayaCode = communes.get(row.value.communeId);
    if (!wilayaCode) {
      errors.push({ line: row.line, field: 'commune_id', reason: `no commune with id ${row.value.communeId}` });
      continue;
    }
    let siteId: string | null = null;
    const siteCode = siteCodes.get(row.line) ?? null;
    if (siteCode) {
      const site = sites.get(siteCode);
      if (!site) {
        errors.push({ line: row.line, field: 'site_code', reason: `no site with code ${siteCode}` });
        continue;
      }
      if (site.status === SiteStatus.COMPLETED || site.status === SiteStatus.CLOSED) {
        errors.push({
          line: row.line,
          field: 'site_code',
          reason: `site ${siteCode} is ${site.status}: it takes no more work`,
        });
        continue;
      }
      if (site.wilayaCode !== wilayaCode) {
        errors.push({
          line: row.line,
          field: 'site_code',
          reason: `site ${siteCode} is in wilaya ${site.wilayaCode}, the customer in ${wilayaCode}`,
        });
        continue;
      }
      siteId = site.id;
    }
    placed.push({ line: row.line, value: { ...row.value, siteId }, wilayaCode });
  }
  return { placed, errors };
}

/**
 * Imports AT's order backlog from CSV (see `customerSubscriptionCsvColumns`), each PENDING. Every
 * row is checked first, as `createCustomerSubscription` checks one; a file with any bad row writes
 * nothing and returns every bad row. Rows whose order reference is known are skipped. The rest are
 * written in one transaction, with a CREATE audit event each.
 */
export async function importCustomerSubscriptions(context: Context, csvText: string): Promise<ImportReport> {
  const { rows, errors: readErrors } = await readCsv(csvText, customerSubscriptionCsvColumns, optionalColumns);
  if (readErrors.length > 0) return refused(rows.length, readErrors);
  const { valid, errors, errorCount } = await validateRows(
    rows,
    customerSubscriptionSchema,
    customerSubscriptionCsvToInput,
    customerSubscriptionCsvColumnOf,
  );
  // Problems validation counted but did not keep (past the first it lists).
  const uncounted = errorCount - errors.length;
  errors.push(...duplicateKeys(valid, (value) => value.orderReference, 'order_reference'));
  await yieldToEventLoop();
  const siteCodes = new Map(rows.map((row) => [row.line, row.values['site_code']?.toUpperCase() || null]));
  await yieldToEventLoop();
  const { placed, errors: placeErrors } = await place(context.em, valid, siteCodes);
  errors.push(...placeErrors);
  if (errors.length > 0) return refused(rows.length, errors, uncounted);

  return inTransaction(context, async (em) => {
    const existing = new Set<string>();
    for (const batch of chunks(
      placed.map((row) => row.value.orderReference),
      1000,
    )) {
      for (const found of await em.find(
        CustomerSubscription,
        { orderReference: { $in: batch } },
        { fields: ['orderReference'] },
      )) {
        existing.add(found.orderReference);
      }
    }
    const fresh = placed.filter((row) => !existing.has(row.value.orderReference));
    const importedAt = now(context);
    // Batches of 250: building a 1,000-row INSERT and its audit events held the event loop 50 to 100 ms each.
    for (const batch of chunks(fresh, 250)) {
      const ids = await insertReturningIds(
        em,
        CustomerSubscription,
        batch.map(({ value: { communeId, siteId, ...values }, wilayaCode }) => ({
          ...values,
          commune: Number(communeId),
          wilaya: wilayaCode,
          site: siteId,
          status: CustomerSubscriptionStatus.PENDING,
          statusChangedAt: importedAt,
          createdAt: importedAt,
          updatedAt: importedAt,
          version: 1,
        })),
      );
      await recordBulkCreations(
        em,
        context,
        {
          entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
          toStatus: CustomerSubscriptionStatus.PENDING,
          reason: 'CSV import',
          fields: Object.keys(customerSubscriptionSchema.shape),
        },
        batch.map(({ value }, index) => ({ id: ids[index]!, values: value })),
      );
    }
    // One event for the whole file, not one per row: subscribers who may see them are told to refetch.
    if (fresh.length > 0)
      announce(em, 'CUSTOMER_SUBSCRIPTIONS_IMPORTED', () => ({
        wilayaCodes: [...new Set(fresh.map((row) => row.wilayaCode))],
      }));
    return {
      rows: rows.length,
      created: fresh.length,
      skipped: placed.length - fresh.length,
      errors: [],
      errorCount: 0,
    };
  });
}
