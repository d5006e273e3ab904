import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { paginate, type Page, type PageArgs } from '../../common/pagination.js';
import { loadForChange, transition } from '../audit/tracked.service.js';
import { inTransaction } from '../../common/transaction.js';
import {
  expectedVersion,
  searchText,
  parseInput,
  reason as reasonSchema,
  recordId,
  wilayaCode,
} from '../../common/validation.js';
import { textContains } from '../../common/text-search.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { contractorScope } from '../auth/scope.js';
import { Commune } from '../reference-data/commune.entity.js';
import { checkPlaceFilter } from '../reference-data/reference-data.service.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { Contractor, ContractorStatus } from './contractor.entity.js';
import {
  contractorSchema,
  type ContractorValues,
  type CreateContractorInput,
  type UpdateContractorInput,
} from './contractor.inputs.js';
import { contractorLifecycle, type ContractorAction } from './contractor.lifecycle.js';

/** Fields compared for the audit trail, named as in the API. */
const auditedFields = Object.keys(contractorSchema.shape) as (keyof ContractorValues)[];

/** Filters of `contractors`; every one optional. */
export interface ContractorFilter {
  status?: ContractorStatus | null;
  wilayaCode?: string | null;
  search?: string | null;
}

const filterSchema = z.object({
  status: z.enum(ContractorStatus).nullish(),
  wilayaCode: wilayaCode.nullish(),
  search: searchText,
});

/** The contractor's current values, in the shape of the validated input (for diffs and merges). */
function valuesOf(contractor: Contractor): ContractorValues {
  return {
    legalName: contractor.legalName,
    tradeName: contractor.tradeName,
    legalForm: contractor.legalForm,
    fiscalRegime: contractor.fiscalRegime,
    nif: contractor.nif,
    nis: contractor.nis,
    rcNumber: contractor.rcNumber,
    autoEntrepreneurCardNumber: contractor.autoEntrepreneurCardNumber,
    taxArticle: contractor.taxArticle,
    address: contractor.address,
    communeId: String(contractor.commune.id),
    contacts: contractor.contacts.map((c) => ({ name: c.name, role: c.role, phone: c.phone, email: c.email })),
    bankAccount: contractor.bankAccount,
    operatingWilayaCodes: contractor.operatingWilayas
      .getItems()
      .map((w) => w.code)
      .sort(),
    teamCapacity: contractor.teamCapacity,
  };
}

/** Checks that the commune and wilayas named exist; `NOT_FOUND` naming the field otherwise. */
async function checkReferences(em: EntityManager, values: ContractorValues): Promise<Wilaya[]> {
  const commune = await em.findOne(Commune, { id: Number(values.communeId) });
  if (!commune) throw notFound('communeId', 'commune', values.communeId);
  const wilayas = await em.find(Wilaya, { code: { $in: values.operatingWilayaCodes } });
  const missing = values.operatingWilayaCodes.find((code) => !wilayas.some((w) => w.code === code));
  if (missing) {
    throw new DomainError(ErrorCode.NOT_FOUND, `No wilaya with code "${missing}"`, {
      field: `operatingWilayaCodes.${values.operatingWilayaCodes.indexOf(missing)}`,
    });
  }
  return wilayas;
}

async function checkNifFree(em: EntityManager, nif: string, exceptId?: string): Promise<void> {
  const existing = await em.findOne(Contractor, { nif }, { fields: ['id'] });
  if (existing && existing.id !== exceptId) {
    throw new DomainError(ErrorCode.CONFLICT, `A contractor with NIF ${nif} already exists`, {
      field: 'nif',
      existingId: existing.id,
    });
  }
}

/** Work still open (sites not COMPLETED or CLOSED, customer subscriptions not closed) of the contractor in these wilayas. */
async function checkNoOpenWorkIn(em: EntityManager, contractorId: string, wilayaCodes: string[]): Promise<void> {
  if (wilayaCodes.length === 0) return;
  const [row] = await em.getConnection().execute<{ sites: number; subscriptions: number }[]>(
    `select (select count(*)::int from site where contractor_id = ? and wilaya_code in (${wilayaCodes.map(() => '?').join(', ')})
              and status not in ('COMPLETED', 'CLOSED')) as sites,
            (select count(*)::int from customer_subscription where contractor_id = ? and wilaya_code in (${wilayaCodes.map(() => '?').join(', ')})
              and status not in ('ACCEPTED', 'FAILED', 'CANCELLED')) as subscriptions`,
    [contractorId, ...wilayaCodes, contractorId, ...wilayaCodes],
    'all',
    em.getTransactionContext(),
    em.getLoggerContext(),
  );
  if (row && (row.sites > 0 || row.subscriptions > 0)) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `operatingWilayaCodes: the contractor still holds open work in wilaya ${wilayaCodes.join(', ')} (${row.sites} sites, ${row.subscriptions} customer subscriptions): reassign it first`,
      { field: 'operatingWilayaCodes' },
    );
  }
}

function apply(em: EntityManager, contractor: Contractor, values: ContractorValues, wilayas: Wilaya[]): void {
  const { communeId, operatingWilayaCodes, contacts, ...scalars } = values;
  em.assign(contractor, { ...scalars, commune: Number(communeId), contacts });
  contractor.operatingWilayas.set(wilayas.filter((wilaya) => operatingWilayaCodes.includes(wilaya.code)));
}

/**
 * The contractor with this id, or null (also when the viewer may not see it: a CONTRACTOR sees its own firm only).
 * @throws DomainError BAD_USER_INPUT when `id` is not an id.
 */
export function findContractor(context: Context, id: string): Promise<Contractor | null> {
  return context.em.findOne(Contractor, { $and: [{ id: parseInput(recordId, id, 'id') }, contractorScope(context)] });
}

/** A page of contractors ordered by legal name (then id), filtered by status, wilaya of operation and text. */
export async function listContractors(
  context: Context,
  filter: ContractorFilter,
  page: PageArgs,
): Promise<Page<Contractor>> {
  const { status, wilayaCode: code, search } = parseInput(filterSchema, filter, 'filter');
  await checkPlaceFilter(context.em, { wilayaCode: code }, 'filter');
  const where: FilterQuery<Contractor>[] = [contractorScope(context)];
  if (status) where.push({ status });
  if (code) where.push({ operatingWilayas: { code } });
  const matching = (): FilterQuery<Contractor> =>
    search ? { $and: [...where, textContains(['legal_name', 'trade_name', 'nif'], search)] } : { $and: where };
  return paginate(context.em, Contractor, matching, { legalName: 'asc', id: 'asc' }, page);
}

/**
 * Creates a contractor in PENDING_APPROVAL, audited as CREATE.
 * @throws DomainError BAD_USER_INPUT (field named), NOT_FOUND (commune or wilaya), CONFLICT (NIF taken)
 */
export async function createContractor(context: Context, input: CreateContractorInput): Promise<Contractor> {
  const values = parseInput(contractorSchema, input);
  return inTransaction(context, async (em) => {
    const wilayas = await checkReferences(em, values);
    await checkNifFree(em, values.nif);
    const contractor = new Contractor();
    apply(em, contractor, values, wilayas);
    em.persist(contractor);
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.CONTRACTOR,
      entityId: contractor.id,
      action: AuditAction.CREATE,
      toStatus: contractor.status,
      changes: changedFields({}, values, auditedFields),
    });
    return contractor;
  });
}

/**
 * Changes the fields sent in `input` (a field left out is kept; all rules are checked on the result),
 * audited as UPDATE with each field's before and after. Sending the current values changes nothing.
 * @throws DomainError BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version or NIF taken)
 */
export async function updateContractor(
  context: Context,
  id: string,
  version: number,
  input: UpdateContractorInput,
): Promise<Contractor> {
  const contractorId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const sent = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return inTransaction(context, async (em) => {
    const contractor = await loadForChange(em, Contractor, 'contractor', contractorId, expected, {
      populate: ['operatingWilayas'],
    });
    // Held until commit: work being given to the firm meanwhile (which holds the row FOR SHARE, see
    // eligibleContractor) is committed before the check of its open work below, or waits for this change.
    await em.lock(contractor, LockMode.PESSIMISTIC_WRITE);
    const before = valuesOf(contractor);
    const values = parseInput(contractorSchema, { ...before, ...sent });
    const changes = changedFields(before, values, auditedFields);
    if (changes.length === 0) return contractor;
    const wilayas = await checkReferences(em, values);
    if (values.nif !== before.nif) await checkNifFree(em, values.nif, contractor.id);
    await checkNoOpenWorkIn(
      em,
      contractor.id,
      before.operatingWilayaCodes.filter((code) => !values.operatingWilayaCodes.includes(code)),
    );
    apply(em, contractor, values, wilayas);
    contractor.updatedAt = new Date();
    recordAudit(em, context, {
      entityType: AuditEntityType.CONTRACTOR,
      entityId: contractor.id,
      action: AuditAction.UPDATE,
      changes,
    });
    return contractor;
  });
}

/**
 * Moves a contractor along its lifecycle (`APPROVE`, `SUSPEND`, `REACTIVATE`, `TERMINATE`) with a
 * reason, audited as TRANSITION.
 * @throws DomainError INVALID_TRANSITION (naming the current status), CONFLICT, NOT_FOUND, BAD_USER_INPUT
 */
export async function transitionContractor(
  context: Context,
  action: ContractorAction,
  id: string,
  version: number,
  reason: string,
): Promise<Contractor> {
  const contractorId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const why = parseInput(reasonSchema, reason, 'reason');
  return inTransaction(context, async (em) => {
    const contractor = await loadForChange(em, Contractor, 'contractor', contractorId, expected);
    transition(em, context, contractor, AuditEntityType.CONTRACTOR, contractorLifecycle, action, why);
    return contractor;
  });
}

/**
 * Checks that the contractor holding some work is still ACTIVE before the work moves on.
 * @throws DomainError CONTRACTOR_NOT_ELIGIBLE (with contractorStatus)
 */
export async function checkContractorActive(em: EntityManager, contractorId: string): Promise<void> {
  const contractor = await em.findOneOrFail(Contractor, { id: contractorId });
  if (contractor.status !== ContractorStatus.ACTIVE) {
    throw new DomainError(
      ErrorCode.CONTRACTOR_NOT_ELIGIBLE,
      `Contractor ${contractorId} is ${contractor.status}: its work cannot move on until it is ACTIVE again or the work is reassigned`,
      { field: 'contractorId', contractorStatus: contractor.status },
    );
  }
}

/**
 * The contractor that may take work in `wilayaCode`: it must exist, be ACTIVE and operate there.
 * @throws DomainError NOT_FOUND (field `contractorId`), CONTRACTOR_NOT_ELIGIBLE (why, with its status)
 */
export async function eligibleContractor(em: EntityManager, contractorId: string, code: string): Promise<Contractor> {
  // FOR SHARE until commit: the firm's status and wilayas cannot change under the work being given
  // (a suspension or an edit waits, then sees this work); assignments to the same firm do not wait on each other.
  const contractor = await em.findOne(
    Contractor,
    { id: contractorId },
    { populate: ['operatingWilayas'], lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
  );
  if (!contractor) throw notFound('contractorId', 'contractor', contractorId);
  if (contractor.status !== ContractorStatus.ACTIVE) {
    throw new DomainError(
      ErrorCode.CONTRACTOR_NOT_ELIGIBLE,
      `Contractor ${contractorId} is ${contractor.status}: only an ACTIVE contractor gets work`,
      {
        field: 'contractorId',
        contractorStatus: contractor.status,
      },
    );
  }
  if (!contractor.operatingWilayas.getItems().some((wilaya) => wilaya.code === code)) {
    throw new DomainError(
      ErrorCode.CONTRACTOR_NOT_ELIGIBLE,
      `Contractor ${contractorId} does not operate in wilaya ${code}`,
      {
        field: 'contractorId',
        wilayaCode: code,
      },
    );
  }
  return contractor;
}
