import type { EntityManager } from '@mikro-orm/postgresql';
import { jsonRows, jsonRowsSql } from '../../common/bulk-insert.js';
import {
  chunks,
  duplicateKeys,
  readCsv,
  refused,
  validateRows,
  yieldToEventLoop,
  type ImportReport,
  type RowProblem,
} from '../../common/csv-import.js';
import { inTransaction } from '../../common/transaction.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { recordBulkCreations } from '../audit/audit.service.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { ContractorStatus } from './contractor.entity.js';
import { contractorSchema, type ContractorValues } from './contractor.inputs.js';
import { now } from '../../common/time.js';

/**
 * Columns of a contractors CSV (header row, any order). Optional: trade_name, rc_number,
 * auto_entrepreneur_card_number, contact_name, contact_role, contact_phone, contact_email.
 * `operating_wilaya_codes` lists codes separated by ";", "|" or spaces ("16;09"; in a file separated
 * by semicolons, "16 09" or a quoted "16;09").
 */
export const contractorCsvColumns = [
  'legal_name',
  'legal_form',
  'fiscal_regime',
  'nif',
  'nis',
  'tax_article',
  'address',
  'commune_id',
  'bank_account',
  'operating_wilaya_codes',
  'team_capacity',
] as const;

/** Optional columns of a contractors CSV. */
const optionalColumns = [
  'trade_name',
  'rc_number',
  'auto_entrepreneur_card_number',
  'contact_name',
  'contact_role',
  'contact_phone',
  'contact_email',
];

/** The CSV column of each input field, for errors. */
const columnOf: Record<string, string> = {
  legalName: 'legal_name',
  tradeName: 'trade_name',
  legalForm: 'legal_form',
  fiscalRegime: 'fiscal_regime',
  nif: 'nif',
  nis: 'nis',
  rcNumber: 'rc_number',
  autoEntrepreneurCardNumber: 'auto_entrepreneur_card_number',
  taxArticle: 'tax_article',
  address: 'address',
  communeId: 'commune_id',
  bankAccount: 'bank_account',
  operatingWilayaCodes: 'operating_wilaya_codes',
  teamCapacity: 'team_capacity',
  contacts: 'contact',
};

function toInput(values: Record<string, string>): Record<string, unknown> {
  const optional = (column: string) => (values[column] ? values[column] : null);
  return {
    legalName: values['legal_name'],
    tradeName: optional('trade_name'),
    legalForm: values['legal_form']?.toUpperCase(),
    fiscalRegime: values['fiscal_regime']?.toUpperCase(),
    nif: values['nif'],
    nis: values['nis'],
    rcNumber: optional('rc_number'),
    autoEntrepreneurCardNumber: optional('auto_entrepreneur_card_number'),
    taxArticle: values['tax_article'],
    address: values['address'],
    communeId: values['commune_id'],
    bankAccount: values['bank_account'],
    operatingWilayaCodes: (values['operating_wilaya_codes'] ?? '').split(/[;|\s]+/).filter(Boolean),
    teamCapacity: /^\d{1,6}$/.test(values['team_capacity'] ?? '')
      ? Number(values['team_capacity'])
      : values['team_capacity'],
    // Any contact column makes a contact, whose name is then required (a phone without a name is not dropped).
    contacts: ['contact_name', 'contact_role', 'contact_phone', 'contact_email'].some((column) => values[column])
      ? [
          {
            name: values['contact_name'] ?? '',
            role: optional('contact_role'),
            phone: optional('contact_phone'),
            email: optional('contact_email'),
          },
        ]
      : [],
  };
}

/**
 * Errors for an unknown commune or wilaya code, of every row whose commune or wilaya codes are good
 * (even if the row has other problems), with a few statements for the whole file.
 */
async function referenceErrors(
  em: EntityManager,
  rows: { line: number; value: Partial<Pick<ContractorValues, 'communeId' | 'operatingWilayaCodes'>> }[],
): Promise<RowProblem[]> {
  const communeIds = rows.flatMap((row) => (row.value.communeId === undefined ? [] : [Number(row.value.communeId)]));
  const known = new Set<string>();
  for (const batch of chunks([...new Set(communeIds)], 5000)) {
    for (const commune of await em.find(Commune, { id: { $in: batch } }, { fields: ['id'] }))
      known.add(String(commune.id));
  }
  const wilayas = new Set((await em.find(Wilaya, {}, { fields: ['code'] })).map((wilaya) => wilaya.code));
  const errors: RowProblem[] = [];
  for (const { line, value } of rows) {
    if (value.communeId !== undefined && !known.has(value.communeId))
      errors.push({ line, field: 'commune_id', reason: `no commune with id ${value.communeId}` });
    const unknown = (value.operatingWilayaCodes ?? []).filter((code) => !wilayas.has(code));
    if (unknown.length > 0)
      errors.push({ line, field: 'operating_wilaya_codes', reason: `no wilaya with code ${unknown.join(', ')}` });
  }
  return errors;
}

/** Rows one statement writes: their JSON is built and their audit events worked out well under 50 ms. */
const rowsPerStatement = 500;

/**
 * Inserts, PENDING_APPROVAL, the contractors whose NIF is not registered yet, in file order, and
 * their operating wilayas, with one statement (the rows travel as one JSON parameter, `jsonRows`: no
 * ORM work per row); returns the new ids by NIF. A NIF another import commits meanwhile is a unique
 * violation, as for a single create.
 */
async function insertUnknown(
  em: EntityManager,
  rows: ContractorValues[],
  importedAt: Date,
): Promise<Map<string, string>> {
  const json = jsonRows(
    rows.map((values, position) => ({
      position,
      legal_name: values.legalName,
      trade_name: values.tradeName,
      legal_form: values.legalForm,
      fiscal_regime: values.fiscalRegime,
      nif: values.nif,
      nis: values.nis,
      rc_number: values.rcNumber,
      auto_entrepreneur_card_number: values.autoEntrepreneurCardNumber,
      tax_article: values.taxArticle,
      address: values.address,
      commune_id: values.communeId,
      contacts: values.contacts,
      bank_account: values.bankAccount,
      team_capacity: values.teamCapacity,
      operating_wilaya_codes: values.operatingWilayaCodes,
    })),
  );
  const inserted = await em.execute<{ id: string | number; nif: string }[]>(
    `with input as (
       select * from jsonb_to_recordset(${jsonRowsSql}) as row(position int, legal_name text, trade_name text,
         legal_form legal_form, fiscal_regime fiscal_regime, nif text, nis text, rc_number text,
         auto_entrepreneur_card_number text, tax_article text, address text, commune_id int, contacts jsonb,
         bank_account text, team_capacity int, operating_wilaya_codes jsonb)
     ), inserted as (
       insert into contractor (version, created_at, updated_at, status, status_changed_at, legal_name, trade_name,
         legal_form, fiscal_regime, nif, nis, rc_number, auto_entrepreneur_card_number, tax_article, address,
         commune_id, contacts, bank_account, team_capacity)
       select 1, ?, ?, ?, ?, legal_name, trade_name, legal_form, fiscal_regime, nif, nis, rc_number,
              auto_entrepreneur_card_number, tax_article, address, commune_id, contacts, bank_account, team_capacity
         from input
        where not exists (select 1 from contractor known where known.nif = input.nif)
        order by position
       returning id, nif
     ), wilayas as (
       insert into contractor_wilaya (contractor_id, wilaya_code)
       select inserted.id, code from inserted join input using (nif)
         cross join jsonb_array_elements_text(input.operating_wilaya_codes) as code
     )
     select id, nif from inserted`,
    [json, importedAt, importedAt, ContractorStatus.PENDING_APPROVAL, importedAt],
  );
  return new Map(inserted.map((row) => [row.nif, String(row.id)]));
}

/**
 * Imports contractors from CSV (see `contractorCsvColumns`), each PENDING_APPROVAL. Every row is
 * checked first, as `createContractor` checks one; a file with any bad row writes nothing and
 * returns every problem of every row (a row that is not valid CSV does not hide the others'). Rows
 * whose NIF is already registered are skipped. The rest are written in one transaction, with a
 * CREATE audit event each.
 */
export async function importContractors(context: Context, csvText: string): Promise<ImportReport> {
  const { rows, errors: readErrors } = await readCsv(csvText, contractorCsvColumns, optionalColumns);
  if (rows.length === 0) return refused(0, readErrors);
  const { valid, checked, errors, errorCount } = await validateRows(rows, contractorSchema, toInput, columnOf, [
    'nif',
    'communeId',
    'operatingWilayaCodes',
  ]);
  // Problems validation counted but did not keep (past the first it lists).
  const uncounted = errorCount - errors.length;
  errors.push(...readErrors);
  errors.push(...(await duplicateKeys(checked, (value) => value.nif, 'nif')));
  errors.push(...(await referenceErrors(context.em, checked)));
  if (errors.length > 0) return refused(rows.length, errors, uncounted);

  return inTransaction(context, async (em) => {
    const importedAt = now(context);
    let created = 0;
    for (const batch of chunks(
      valid.map((row) => row.value),
      rowsPerStatement,
    )) {
      const ids = await insertUnknown(em, batch, importedAt);
      const fresh = batch.filter((values) => ids.has(values.nif));
      await recordBulkCreations(
        em,
        context,
        {
          entityType: AuditEntityType.CONTRACTOR,
          toStatus: ContractorStatus.PENDING_APPROVAL,
          reason: 'CSV import',
          fields: Object.keys(contractorSchema.shape),
        },
        fresh.map((values) => ({ id: ids.get(values.nif)!, values })),
      );
      created += fresh.length;
      await yieldToEventLoop();
    }
    return {
      rows: rows.length,
      created,
      skipped: valid.length - created,
      errors: [],
      errorCount: 0,
    };
  });
}
