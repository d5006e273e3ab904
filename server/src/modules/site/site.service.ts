import { ref, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { paginate, type Page, type PageArgs } from '../../common/pagination.js';
import { loadForChange } from '../audit/tracked.service.js';
import { announceFiguresChanged } from '../dashboard/dashboard.events.js';
import { announceSiteChange, changeSiteStatus, WorkChange } from './site.events.js';
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
import { checkContractorActive, eligibleContractor } from '../contractor/contractor.service.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { mayWorkIn, siteScope } from '../auth/scope.js';
import { Commune } from '../reference-data/commune.entity.js';
import { checkPlaceFilter } from '../reference-data/reference-data.service.js';
import { Site, SiteStatus } from './site.entity.js';
import { siteSchema, type CreateSiteInput, type SiteValues, type UpdateSiteInput } from './site.inputs.js';
import { siteLifecycle, type SiteAction } from './site.lifecycle.js';

const auditedFields = Object.keys(siteSchema.shape) as (keyof SiteValues)[];

/** Filters of `sites`; every one optional. */
export interface SiteFilter {
  wilayaCode?: string | null;
  communeId?: string | null;
  status?: SiteStatus | null;
  contractorId?: string | null;
  search?: string | null;
  updatedSince?: Date | null;
}

const filterSchema = z.object({
  wilayaCode: wilayaCode.nullish(),
  communeId: recordId.nullish(),
  status: z.enum(SiteStatus).nullish(),
  contractorId: recordId.nullish(),
  search: searchText,
  updatedSince: z.date().nullish(),
});

function valuesOf(site: Site): SiteValues {
  return {
    code: site.code,
    name: site.name,
    kind: site.kind,
    communeId: String(site.commune.id),
    latitude: site.latitude,
    longitude: site.longitude,
    targetConnections: site.targetConnections,
    plannedStart: site.plannedStart,
    plannedEnd: site.plannedEnd,
  };
}

/** The commune, which must be in a wilaya the viewer works in. @throws DomainError NOT_FOUND, FORBIDDEN */
async function commune(context: Context, em: EntityManager, communeId: string): Promise<Commune> {
  const found = await em.findOne(Commune, { id: Number(communeId) });
  if (!found) throw notFound('communeId', 'commune', communeId);
  if (!mayWorkIn(context, found.wilaya.code)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `communeId: wilaya ${found.wilaya.code} is not one of yours`, {
      field: 'communeId',
    });
  }
  return found;
}

async function checkCodeFree(em: EntityManager, code: string, exceptId?: string): Promise<void> {
  const existing = await em.findOne(Site, { code }, { fields: ['id'] });
  if (existing && existing.id !== exceptId) {
    throw new DomainError(ErrorCode.CONFLICT, `A site with code ${code} already exists`, {
      field: 'code',
      existingId: existing.id,
    });
  }
}

function apply(em: EntityManager, site: Site, values: SiteValues, where: Commune): void {
  const { communeId, ...scalars } = values;
  em.assign(site, { ...scalars, commune: Number(communeId), wilaya: where.wilaya.code });
}

/** The site with this id, or null (also when outside the viewer's scope). @throws DomainError BAD_USER_INPUT for a malformed id */
export function findSite(context: Context, id: string): Promise<Site | null> {
  return context.em.findOne(Site, { $and: [{ id: parseInput(recordId, id, 'id') }, siteScope(context)] });
}

/** A page of sites ordered by code (then id), filtered by wilaya, commune, status, contractor and text (code or name). */
export async function listSites(context: Context, filter: SiteFilter, page: PageArgs): Promise<Page<Site>> {
  const values = parseInput(filterSchema, filter, 'filter');
  await checkPlaceFilter(context.em, values, 'filter');
  const where: FilterQuery<Site>[] = [siteScope(context)];
  if (values.wilayaCode) where.push({ wilaya: values.wilayaCode });
  if (values.communeId) where.push({ commune: Number(values.communeId) });
  if (values.status) where.push({ status: values.status });
  if (values.contractorId) where.push({ contractor: values.contractorId });
  if (values.updatedSince) where.push({ updatedAt: { $gte: values.updatedSince } });
  const { search } = values;
  const matching = (): FilterQuery<Site> =>
    search ? { $and: [...where, textContains(['code', 'name'], search)] } : { $and: where };
  return paginate(context.em, Site, matching, { code: 'asc', id: 'asc' }, page);
}

/**
 * Creates a site, PLANNED, with no contractor; audited as CREATE.
 * @throws DomainError BAD_USER_INPUT, NOT_FOUND (commune), CONFLICT (code taken)
 */
export async function createSite(context: Context, input: CreateSiteInput): Promise<Site> {
  const values = parseInput(siteSchema, input);
  return inTransaction(context, async (em) => {
    const where = await commune(context, em, values.communeId);
    await checkCodeFree(em, values.code);
    const site = new Site();
    apply(em, site, values, where);
    em.persist(site);
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.SITE,
      entityId: site.id,
      action: AuditAction.CREATE,
      toStatus: site.status,
      changes: changedFields({}, values, auditedFields),
    });
    announceSiteChange(em, site, WorkChange.CREATED);
    return site;
  });
}

/**
 * Changes the fields sent (others kept; rules checked on the result); audited as UPDATE.
 * @throws DomainError BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version, code taken)
 */
export async function updateSite(context: Context, id: string, version: number, input: UpdateSiteInput): Promise<Site> {
  const siteId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const sent = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return inTransaction(context, async (em) => {
    const site = await loadForChange(em, Site, 'site', siteId, expected, { scope: siteScope(context) });
    if (site.status === SiteStatus.CLOSED) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, 'A CLOSED site no longer changes', {
        currentStatus: site.status,
      });
    }
    const before = valuesOf(site);
    const values = parseInput(siteSchema, { ...before, ...sent });
    const changes = changedFields(before, values, auditedFields);
    if (changes.length === 0) return site;
    const where = await commune(context, em, values.communeId);
    if (values.code !== before.code) await checkCodeFree(em, values.code, site.id);
    if (where.wilaya.code !== site.wilaya.code) {
      if (site.contractor) {
        throw new DomainError(
          ErrorCode.CONTRACTOR_NOT_ELIGIBLE,
          'communeId: an assigned site cannot move to another wilaya',
          { field: 'communeId' },
        );
      }
      if ((await em.count(CustomerSubscription, { site: site.id })) > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'communeId: the site has customer subscriptions in its wilaya; it cannot move to another one',
          {
            field: 'communeId',
          },
        );
      }
    }
    const previousWilaya = site.wilaya.code;
    apply(em, site, values, where);
    site.updatedAt = new Date();
    recordAudit(em, context, {
      entityType: AuditEntityType.SITE,
      entityId: site.id,
      action: AuditAction.UPDATE,
      changes,
    });
    announceSiteChange(em, site, WorkChange.UPDATED, null, { previousWilayaCode: previousWilaya });
    // The wilaya it left loses its target: its dashboards move too.
    if (previousWilaya !== site.wilaya.code) announceFiguresChanged(em, [previousWilaya]);
    return site;
  });
}

/**
 * Assigns the site to an ACTIVE contractor operating in its wilaya (PLANNED or ASSIGNED → ASSIGNED);
 * assigning it to the contractor it already has changes nothing.
 * @throws DomainError INVALID_TRANSITION, CONTRACTOR_NOT_ELIGIBLE, NOT_FOUND, CONFLICT, BAD_USER_INPUT
 */
export async function assignSite(
  context: Context,
  id: string,
  version: number,
  contractorId: string,
  reason?: string | null,
): Promise<Site> {
  const siteId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const contractor = parseInput(recordId, contractorId, 'contractorId');
  const why =
    reason === undefined || reason === null || reason.trim() === '' ? null : parseInput(reasonSchema, reason, 'reason');
  return inTransaction(context, async (em) => {
    const site = await loadForChange(em, Site, 'site', siteId, expected, { scope: siteScope(context) });
    siteLifecycle.next('ASSIGN', site.status);
    const eligible = await eligibleContractor(em, contractor, site.wilaya.code);
    const previous = site.contractor?.id ?? null;
    if (previous === contractor) return site;
    if (previous) {
      const open = await em.count(CustomerSubscription, {
        site: site.id,
        contractor: previous,
        status: { $nin: ['ACCEPTED', 'FAILED', 'CANCELLED'] },
      } as never);
      if (open > 0) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `contractorId: ${open} customer subscriptions of this site are still assigned to contractor ${previous}: reassign or close them first`,
          {
            field: 'contractorId',
          },
        );
      }
    }
    site.contractor = ref(eligible);
    changeSiteStatus(em, context, site, 'ASSIGN', why, {
      changes: previous === contractor ? [] : [{ field: 'contractorId', from: previous, to: contractor }],
    });
    return site;
  });
}

/**
 * Moves a site along its lifecycle (START, COMPLETE, CLOSE, SUSPEND, RESUME) with a reason.
 * @throws DomainError INVALID_TRANSITION (naming the current status), CONFLICT, NOT_FOUND, BAD_USER_INPUT
 */
export async function transitionSite(
  context: Context,
  action: Exclude<SiteAction, 'ASSIGN'>,
  id: string,
  version: number,
  reason: string,
): Promise<Site> {
  const siteId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const why = parseInput(reasonSchema, reason, 'reason');
  return inTransaction(context, async (em) => {
    const site = await loadForChange(em, Site, 'site', siteId, expected, { scope: siteScope(context) });
    if ((action === 'START' || action === 'RESUME') && site.contractor)
      await checkContractorActive(em, site.contractor.id);
    const from = changeSiteStatus(em, context, site, action, why, {
      previous: site.suspendedFromStatus,
    });
    site.suspendedFromStatus = action === 'SUSPEND' ? from : null;
    return site;
  });
}
