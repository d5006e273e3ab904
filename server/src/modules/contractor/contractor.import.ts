import type { EntityManager } from '@mikro-orm/postgresql';
import { insertReturningIds } from '../../common/bulk-insert.js';
import {
  chunks,
  duplicateKeys,
  readCsv,
  refused,
  validateRows,
  type ImportReport,
  type ImportRowError,
} from '../../common/csv-import.js';
import { inTransaction } from '../../common/transaction.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { recordBulkCreations } from '../audit/audit.service.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { Contractor, ContractorStatus } from './contractor.entity.js';
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

async function referenceErrors(
  em: EntityManager,
  rows: { line: number; value: ContractorValues }[],
): Promise<ImportRowError[]> {
  const communeIds = [...new Set(rows.map((row) => Number(row.value.communeId)))];
  const known = new Set(
    (await em.find(Commune, { id: { $in: communeIds } }, { fields: ['id'] })).map((commune) => String(commune.id)),
  );
  const wilayas = new Set((await em.find(Wilaya, {}, { fields: ['code'] })).map((wilaya) => wilaya.code));
  const errors: ImportRowError[] = [];
  for (const { line, value } of rows) {
    if (!known.has(value.communeId))
      errors.push({ line, field: 'commune_id', reason: `no commune with id ${value.communeId}` });
    const unknown = value.operatingWilayaCodes.filter((code) => !wilayas.has(code));
    if (unknown.length > 0)
      errors.push({ line, field: 'operating_wilaya_codes', reason: `no wilaya with code ${unknown.join(', ')}` });
  }
  return errors;
}

/**
 * Imports contractors from CSV (see `contractorCsvColumns`), each PENDING_APPROVAL. Every row is
 * checked first, as `createContractor` checks one; a file with any bad row writes nothing and
 * returns every bad row. Rows whose NIF is already registered are skipped. The rest are written in
 * one transaction, with a CREATE audit event each.
 */
export async function importContractors(context: Context, csvText: string): Promise<ImportReport> {
  const { rows, errors: readErrors } = await readCsv(csvText, contractorCsvColumns, optionalColumns);
  if (readErrors.length > 0) return refused(rows.length, readErrors);
  const { valid, errors, errorCount } = await validateRows(rows, contractorSchema, toInput, columnOf);
  // Problems validation counted but did not keep (past the first it lists).
  const uncounted = errorCount - errors.length;
  errors.push(...duplicateKeys(valid, (value) => value.nif, 'nif'));
  errors.push(...(await referenceErrors(context.em, valid)));
  if (errors.length > 0) return refused(rows.length, errors, uncounted);

  return inTransaction(context, async (em) => {
    const existing = new Set<string>();
    for (const batch of chunks(
      valid.map((row) => row.value.nif),
      5000,
    )) {
      for (const contractor of await em.find(Contractor, { nif: { $in: batch } }, { fields: ['nif'] }))
        existing.add(contractor.nif);
    }
    const fresh = valid.filter((row) => !existing.has(row.value.nif)).map((row) => row.value);
    const importedAt = now(context);
    for (const batch of chunks(fresh, 1000)) {
      const ids = await insertReturningIds(
        em,
        Contractor,
        batch.map(({ communeId, operatingWilayaCodes: _pivotRows, ...values }) => ({
          ...values,
          commune: Number(communeId),
          status: ContractorStatus.PENDING_APPROVAL,
          statusChangedAt: importedAt,
          createdAt: importedAt,
          updatedAt: importedAt,
          version: 1,
        })),
      );
      const pivot = batch.flatMap((values, index) =>
        values.operatingWilayaCodes.map((code) => ({ contractor_id: ids[index], wilaya_code: code })),
      );
      await em
        .getConnection()
        .execute(em.getKnex()('contractor_wilaya').insert(pivot), [], 'run', em.getTransactionContext());
      await recordBulkCreations(
        em,
        context,
        {
          entityType: AuditEntityType.CONTRACTOR,
          toStatus: ContractorStatus.PENDING_APPROVAL,
          reason: 'CSV import',
          fields: Object.keys(contractorSchema.shape),
        },
        batch.map((values, index) => ({ id: ids[index]!, values })),
      );
    }
    return {
      rows: rows.length,
      created: fresh.length,
      skipped: valid.length - fresh.length,
      errors: [],
      errorCount: 0,
    };
  });
}
