import 'reflect-metadata';
import { stringify } from 'csv-stringify/sync';
import {
  duplicateKeys,
  readCsv,
  refused,
  validateRows,
  type ImportReport,
  type RowProblem,
} from '../../../server/src/common/csv-import.js';
import {
  customerSubscriptionCsvColumnOf,
  customerSubscriptionCsvColumns,
  customerSubscriptionCsvToInput,
} from '../../../server/src/modules/customer-subscription/customer-subscription.import.js';
import { customerSubscriptionSchema } from '../../../server/src/modules/customer-subscription/customer-subscription.inputs.js';
import type { BaselineContext } from './context.js';

const auditedFields = Object.keys(customerSubscriptionSchema.shape);

/**
 * `importCustomerSubscriptions` the hand-written way: the same parsing and row validation as
 * Raccord (its csv-parse reader and zod schema), the communes checked in one query, then one
 * transaction that COPYs the rows into a temporary table and inserts the new ones (known order
 * references skipped) with one CREATE audit event each, in one statement (allowed 300 s). A `site_code` column is
 * refused (the benchmark's files have none).
 */
export async function importCustomerSubscriptions(context: BaselineContext, csv: string): Promise<ImportReport> {
  const { rows, errors: readErrors } = await readCsv(csv, customerSubscriptionCsvColumns, ['ordered_at']);
  if (rows.length === 0) return refused(0, readErrors);
  const { valid, checked, errors, errorCount } = await validateRows(
    rows,
    customerSubscriptionSchema,
    customerSubscriptionCsvToInput,
    customerSubscriptionCsvColumnOf,
    ['orderReference', 'communeId'],
  );
  const uncounted = errorCount - errors.length;
  errors.push(...readErrors);
  errors.push(...(await duplicateKeys(checked, (value) => value.orderReference, 'order_reference')));
  const communeIds = checked.flatMap((row) => (row.value.communeId === undefined ? [] : [row.value.communeId]));
  const communes = new Map(
    (
      await context.db.query('select id::text as id, wilaya_code from commune where id = any($1::int[])', [
        [...new Set(communeIds)],
      ])
    ).map((row) => [row['id'] as string, row['wilaya_code'] as string]),
  );
  for (const row of checked) {
    const { communeId } = row.value;
    if (communeId !== undefined && !communes.has(communeId))
      errors.push({
        line: row.line,
        field: 'commune_id',
        reason: `no commune with id ${communeId}`,
      } satisfies RowProblem);
  }
  if (errors.length > 0) return refused(rows.length, errors, uncounted);
  const placed = valid.map((row) => ({ ...row, wilayaCode: communes.get(row.value.communeId)! }));

  const copyText = stringify(
    placed.map(({ line, wilayaCode, value }) => [
      line,
      value.orderReference,
      value.customerName,
      value.customerPhone,
      value.customerAddress,
      value.communeId,
      wilayaCode,
      value.offer,
      value.orderedAt.toISOString(),
      JSON.stringify(
        auditedFields
          .map((field) => ({ field, from: null, to: value[field as keyof typeof value] ?? null }))
          .filter((change) => change.to !== null),
      ),
    ]),
  );
  const created = await context.db.transaction(async (tx) => {
    // One statement writes every row (Raccord's import writes batches of 1,000, each under the 15 s limit).
    await tx.query(`set local statement_timeout = '300s'`);
    await tx.query(
      `create temporary table import_rows (line int, order_reference text, customer_name text, customer_phone text, customer_address text,
         commune_id int, wilaya_code text, offer text, ordered_at timestamptz, changes jsonb) on commit drop`,
    );
    await tx.copyIn('copy import_rows from stdin (format csv)', copyText);
    const [row] = await tx.query(
      `with inserted as (
         insert into customer_subscription (version, created_at, updated_at, order_reference, customer_name, customer_phone, customer_address,
                                            commune_id, wilaya_code, offer, ordered_at, status, status_changed_at)
         select 1, now(), now(), order_reference, customer_name, customer_phone, customer_address, commune_id, wilaya_code, offer, ordered_at, 'PENDING', now()
           from import_rows order by line
         on conflict (order_reference) do nothing
         returning id, order_reference
       ), audited as (
         insert into audit_event (occurred_at, actor_type, actor_id, entity_type, entity_id, action, to_status, changes, reason, request_id)
         select now(), 'USER', $1, 'CUSTOMER_SUBSCRIPTION', i.id, 'CREATE', 'PENDING', r.changes, 'CSV import', $2
           from inserted i join import_rows r using (order_reference)
         returning 1
       )
       select count(*)::int as created from audited`,
      [context.viewer.id, context.requestId],
    );
    return row!['created'] as number;
  });
  return { rows: rows.length, created, skipped: placed.length - created, errors: [], errorCount: 0 };
}
