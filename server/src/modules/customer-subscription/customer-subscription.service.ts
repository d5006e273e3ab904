import { ref, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError, ErrorCode, badUserInput, notFound } from '../../common/errors.js';
import { paginateRows, type Page, type PageArgs } from '../../common/pagination.js';
import { findRecords, recordsOf } from '../../common/rows.js';
import { loadForChange } from '../audit/tracked.service.js';
import { announceFiguresChanged } from '../dashboard/dashboard.events.js';
import { WorkChange } from '../site/site.events.js';
import {
  announceCustomerSubscriptionChange,
  changeCustomerSubscriptionStatus,
} from './customer-subscription.events.js';
import { idempotencyKey, idempotent } from '../../common/idempotency.js';
import { inTransaction } from '../../common/transaction.js';
import { now } from '../../common/time.js';
import {
  containsPattern,
  expectedVersion,
  searchText,
  optionalText,
  parseInput,
  reason as reasonSchema,
  recordId,
  wilayaCode,
} from '../../common/validation.js';
import { phoneDigits, textContains } from '../../common/text-search.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { checkContractorActive, eligibleContractor } from '../contractor/contractor.service.js';
import { mayReadTechnicians, mayWorkIn, maySeeCustomerData, workScope } from '../auth/scope.js';
import { attachPhotos } from '../photo/photo.service.js';
import { Commune } from '../reference-data/commune.entity.js';
import { checkPlaceFilter } from '../reference-data/reference-data.service.js';
import { Site, SiteStatus } from '../site/site.entity.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
  FailureReason,
  type CustomerSubscriptionRecord,
} from './customer-subscription.entity.js';
import {
  customerSubscriptionSchema,
  updatableFields,
  type CreateCustomerSubscriptionInput,
  type CustomerSubscriptionValues,
  type UpdateCustomerSubscriptionInput,
} from './customer-subscription.inputs.js';
import { customerSubscriptionLifecycle as lifecycle, terminalStatuses } from './customer-subscription.lifecycle.js';
import { replayed } from './installation-report.service.js';

const what = 'customer subscription';
const createdFields = Object.keys(customerSubscriptionSchema.shape) as (keyof CustomerSubscriptionValues)[];

/** Filters of `customerSubscriptions`; every one optional. */
export interface CustomerSubscriptionFilter {
  wilayaCode?: string | null;
  communeId?: string | null;
  status?: CustomerSubscriptionStatus | null;
  statuses?: CustomerSubscriptionStatus[] | null;
  contractorId?: string | null;
  /** Given to this technician: only for viewers who may read technicians (`mayReadTechnicians`). */
  technicianId?: string | null;
  siteId?: string | null;
  search?: string | null;
  appointmentFrom?: Date | null;
  appointmentBefore?: Date | null;
  updatedSince?: Date | null;
}

/** A filter that can match nothing whatever the data (an empty range, a status outside the statuses) is refused. */
const filterSchema = z
  .object({
    wilayaCode: wilayaCode.nullish(),
    communeId: recordId.nullish(),
    status: z.enum(CustomerSubscriptionStatus).nullish(),
    statuses: z
      .array(z.enum(CustomerSubscriptionStatus))
      .min(1, { error: 'must name at least one status' })
      .max(8, { error: 'must hold at most 8 statuses' })
      .nullish(),
    contractorId: recordId.nullish(),
    technicianId: recordId.nullish(),
    siteId: recordId.nullish(),
    search: searchText,
    appointmentFrom: z.date().nullish(),
    appointmentBefore: z.date().nullish(),
    updatedSince: z.date().nullish(),
  })
  .refine((values) => !values.status || !values.statuses || values.statuses.includes(values.status), {
    path: ['status'],
    error: 'must be one of statuses when both are given',
  })
  .refine(
    (values) =>
      !values.appointmentFrom || !values.appointmentBefore || values.appointmentFrom < values.appointmentBefore,
    { path: ['appointmentBefore'], error: 'must be after appointmentFrom' },
  );

function valuesOf(subscription: CustomerSubscription): CustomerSubscriptionValues {
  return {
    orderReference: subscription.orderReference,
    customerName: subscription.customerName,
    customerPhone: subscription.customerPhone,
    customerAddress: subscription.customerAddress,
    communeId: String(subscription.commune.id),
    offer: subscription.offer,
    siteId: subscription.site?.id ?? null,
    orderedAt: subscription.orderedAt,
  };
}

/**
 * The commune, and the site if one is named, which must lie in the commune's wilaya and, when the
 * home joins it (`siteIsNew`), still take work. `blame` names the field an error is about.
 */
async function places(
  context: Context,
  em: EntityManager,
  values: CustomerSubscriptionValues,
  blame: 'siteId' | 'communeId' = 'siteId',
  siteIsNew = true,
): Promise<{ commune: Commune; site: Site | null }> {
  const commune = await em.findOne(Commune, { id: Number(values.communeId) });
  if (!commune) throw notFound('communeId', 'commune', values.communeId);
  if (!mayWorkIn(context, commune.wilaya.code)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `communeId: wilaya ${commune.wilaya.code} is not one of yours`, {
      field: 'communeId',
    });
  }
  if (values.siteId === null) return { commune, site: null };
  const site = await em.findOne(Site, { id: values.siteId });
  if (!site) throw notFound('siteId', 'site', values.siteId);
  if (siteIsNew && (site.status === SiteStatus.COMPLETED || site.status === SiteStatus.CLOSED)) {
    throw new DomainError(
      ErrorCode.SITE_NOT_OPEN,
      `siteId: site ${site.code} is ${site.status}: it takes no more work`,
      { field: 'siteId', siteStatus: site.status },
    );
  }
  if (site.wilaya.code !== commune.wilaya.code) {
    throw badUserInput(
      blame,
      `site ${site.code} is in wilaya ${site.wilaya.code}, the customer in wilaya ${commune.wilaya.code}`,
    );
  }
  return { commune, site };
}

function apply(
  em: EntityManager,
  subscription: CustomerSubscription,
  values: CustomerSubscriptionValues,
  where: { commune: Commune; site: Site | null },
): void {
  const { communeId, siteId, ...scalars } = values;
  em.assign(subscription, { ...scalars, commune: Number(communeId), wilaya: where.commune.wilaya.code });
  subscription.site = siteId !== null && where.site ? ref(where.site) : null;
}

/** The customer subscription with this id, or null. @throws DomainError BAD_USER_INPUT for a malformed id */
export async function findCustomerSubscription(
  context: Context,
  id: string,
): Promise<CustomerSubscriptionRecord | null> {
  const [record] = await findRecords<CustomerSubscription, CustomerSubscriptionRecord>(
    context.em,
    CustomerSubscription,
    { $and: [{ id: parseInput(recordId, id, 'id') }, workScope(context)] },
  );
  return record ?? null;
}

/** The orders a list of customer subscriptions can be read in, each ending on the id so that pages never overlap. */
export enum CustomerSubscriptionOrder {
  ORDERED_AT = 'ORDERED_AT',
  APPOINTMENT_AT = 'APPOINTMENT_AT',
  STATUS_CHANGED_AT = 'STATUS_CHANGED_AT',
}

const orderings = {
  ORDERED_AT: { orderedAt: 'asc', id: 'asc' },
  APPOINTMENT_AT: { appointmentAt: 'asc', id: 'asc' },
  STATUS_CHANGED_AT: { statusChangedAt: 'asc', id: 'asc' },
} as const satisfies Record<CustomerSubscriptionOrder, Record<string, 'asc'>>;

/**
 * A page of customer subscriptions, in `order` (oldest order first by default; soonest appointment
 * first, of those that have one; longest in their status first), filtered by wilaya, commune, status
 * or statuses, contractor, site, text (order reference or customer name) and appointment time (from, before).
 */
export async function listCustomerSubscriptions(
  context: Context,
  filter: CustomerSubscriptionFilter,
  page: PageArgs,
  order: CustomerSubscriptionOrder = CustomerSubscriptionOrder.ORDERED_AT,
): Promise<Page<CustomerSubscriptionRecord>> {
  const values = parseInput(filterSchema, filter, 'filter');
  await checkPlaceFilter(context.em, values, 'filter');
  const where: FilterQuery<CustomerSubscription>[] = [workScope(context)];
  if (values.wilayaCode) where.push({ wilaya: values.wilayaCode });
  if (values.communeId) where.push({ commune: Number(values.communeId) });
  if (values.status) where.push({ status: values.status });
  if (values.statuses) where.push({ status: { $in: values.statuses } });
  if (order === CustomerSubscriptionOrder.APPOINTMENT_AT) where.push({ appointmentAt: { $ne: null } });
  if (values.contractorId) where.push({ contractor: values.contractorId });
  if (values.technicianId) {
    // Filtering by technician would tell which work a technician has to roles that may not read it.
    if (!mayReadTechnicians(context))
      throw new DomainError(ErrorCode.FORBIDDEN, "filter.technicianId: your role may not read the work's technician", {
        field: 'filter.technicianId',
      });
    where.push({ technician: values.technicianId });
  }
  if (values.siteId) where.push({ site: values.siteId });
  if (values.appointmentFrom) where.push({ appointmentAt: { $gte: values.appointmentFrom } });
  if (values.appointmentBefore) where.push({ appointmentAt: { $lt: values.appointmentBefore } });
  if (values.updatedSince) where.push({ updatedAt: { $gte: values.updatedSince } });
  const { search } = values;
  const matching = (): FilterQuery<CustomerSubscription> =>
    search ? { $and: [...where, workSearch(context, search)] } : { $and: where };
  const rows = await paginateRows(context.em, CustomerSubscription, matching as never, orderings[order], page);
  const records = recordsOf<CustomerSubscription, CustomerSubscriptionRecord>(
    context.em,
    CustomerSubscription,
    rows.edges.map((edge) => edge.node),
  );
  return { ...rows, edges: rows.edges.map((edge, index) => ({ cursor: edge.cursor, node: records[index]! })) };
}

/**
 * The free-text filter of the work: its order reference, and for viewers who may read customers'
 * data (`maySeeCustomerData`) the customer's name and phone, the phone as digits whichever way
 * `text` writes them ("0555 12 34 56" finds "+213555123456"). Searching names or phones would reveal
 * them, letter by letter, to roles that may not read them.
 */
function workSearch(context: Context, text: string): FilterQuery<CustomerSubscription> {
  if (!maySeeCustomerData(context)) return textContains(['order_reference'], text);
  const phone = phoneDigits(text);
  const matches: FilterQuery<CustomerSubscription>[] = [textContains(['order_reference', 'customer_name'], text)];
  if (phone) matches.push({ customerPhone: { $like: containsPattern(phone) } });
  return { $or: matches };
}

async function checkReferenceFree(em: EntityManager, orderReference: string): Promise<void> {
  const existing = await em.findOne(CustomerSubscription, { orderReference }, { fields: ['id'] });
  if (existing) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `A customer subscription with reference ${orderReference} already exists`,
      {
        field: 'orderReference',
        existingId: existing.id,
      },
    );
  }
}

/**
 * Records a customer's order, PENDING; audited as CREATE.
 * @throws DomainError BAD_USER_INPUT, NOT_FOUND (commune, site), CONFLICT (reference taken)
 */
export async function createCustomerSubscription(
  context: Context,
  input: CreateCustomerSubscriptionInput,
): Promise<CustomerSubscription> {
  const values = parseInput(customerSubscriptionSchema, input);
  return inTransaction(context, async (em) => {
    const where = await places(context, em, values);
    await checkReferenceFree(em, values.orderReference);
    const subscription = new CustomerSubscription();
    apply(em, subscription, values, where);
    em.persist(subscription);
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
      entityId: subscription.id,
      action: AuditAction.CREATE,
      toStatus: subscription.status,
      changes: changedFields({}, values, createdFields),
    });
    announceCustomerSubscriptionChange(em, subscription, WorkChange.CREATED);
    return subscription;
  });
}

/**
 * Changes the fields sent (others kept); audited as UPDATE. Once a contractor is assigned, the home
 * cannot move to another wilaya.
 * @throws DomainError BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version), CONTRACTOR_NOT_ELIGIBLE
 */
export async function updateCustomerSubscription(
  context: Context,
  id: string,
  version: number,
  input: UpdateCustomerSubscriptionInput,
): Promise<CustomerSubscription> {
  const subscriptionId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const sent = Object.fromEntries(
    Object.entries(input).filter(
      ([key, value]) => value !== undefined && (updatableFields as readonly string[]).includes(key),
    ),
  );
  return inTransaction(context, async (em) => {
    const subscription = await loadForChange(em, CustomerSubscription, what, subscriptionId, expected, {
      scope: workScope(context),
    });
    if ((terminalStatuses as readonly CustomerSubscriptionStatus[]).includes(subscription.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `A ${subscription.status} customer subscription is closed: its data no longer changes`,
        {
          currentStatus: subscription.status,
        },
      );
    }
    const before = valuesOf(subscription);
    const values = parseInput(customerSubscriptionSchema, { ...before, ...sent });
    const changes = changedFields(before, values, updatableFields);
    if (changes.length === 0) return subscription;
    const where = await places(
      context,
      em,
      values,
      'siteId' in sent ? 'siteId' : 'communeId',
      values.siteId !== before.siteId,
    );
    if (
      where.site &&
      values.siteId !== before.siteId &&
      subscription.contractor &&
      where.site.contractor?.id !== subscription.contractor.id
    ) {
      throw new DomainError(
        ErrorCode.CONTRACTOR_NOT_ELIGIBLE,
        `siteId: site ${where.site.code} is not assigned to this work's contractor`,
        { field: 'siteId' },
      );
    }
    if (subscription.contractor && where.commune.wilaya.code !== subscription.wilaya.code) {
      throw new DomainError(ErrorCode.CONTRACTOR_NOT_ELIGIBLE, 'Assigned work cannot move to another wilaya', {
        field: 'communeId',
      });
    }
    const previousWilaya = subscription.wilaya.code;
    apply(em, subscription, values, where);
    subscription.updatedAt = new Date();
    recordAudit(em, context, {
      entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
      entityId: subscription.id,
      action: AuditAction.UPDATE,
      changes,
    });
    announceCustomerSubscriptionChange(em, subscription, WorkChange.UPDATED, null, {
      previousWilayaCode: previousWilaya,
    });
    // The wilaya it left has one fewer: its dashboards move too.
    if (previousWilaya !== subscription.wilaya.code) announceFiguresChanged(em, [previousWilaya]);
    return subscription;
  });
}

async function loadRef(
  context: Context,
  em: EntityManager,
  id: string,
  version: number,
): Promise<CustomerSubscription> {
  return loadForChange(
    em,
    CustomerSubscription,
    what,
    parseInput(recordId, id, 'id'),
    parseInput(expectedVersion, version, 'expectedVersion'),
    {
      scope: workScope(context),
    },
  );
}

/**
 * Assigns (or reassigns) the work to a contractor ACTIVE in the customer's wilaya — the site's
 * contractor when the home belongs to a site, which must be open: PENDING, ASSIGNED or SCHEDULED →
 * ASSIGNED; a booked appointment is dropped (the new contractor books its own), and so is the
 * technician named by another firm.
 * @throws DomainError INVALID_TRANSITION, CONTRACTOR_NOT_ELIGIBLE, SITE_NOT_OPEN, NOT_FOUND, CONFLICT, BAD_USER_INPUT
 */
export async function assignCustomerSubscription(
  context: Context,
  id: string,
  version: number,
  contractorId: string,
): Promise<CustomerSubscription> {
  const contractor = parseInput(recordId, contractorId, 'contractorId');
  return inTransaction(context, async (em) => {
    const subscription = await loadRef(context, em, id, version);
    lifecycle.next('ASSIGN', subscription.status);
    const eligible = await eligibleContractor(em, contractor, subscription.wilaya.code);
    if (subscription.site) await checkSiteTakes(em, subscription.site.id, contractor);
    const previous = subscription.contractor?.id ?? null;
    if (previous === contractor && subscription.status === CustomerSubscriptionStatus.ASSIGNED) return subscription;
    const previousAppointment = subscription.appointmentAt;
    // Another firm's work: the technician the previous firm named goes with it.
    const previousTechnician = previous !== contractor ? (subscription.technician?.id ?? null) : null;
    subscription.contractor = ref(eligible);
    subscription.appointmentAt = null;
    if (previousTechnician) subscription.technician = null;
    changeCustomerSubscriptionStatus(em, context, subscription, 'ASSIGN', null, {
      changes: [
        ...(previous === contractor ? [] : [{ field: 'contractorId', from: previous, to: contractor }]),
        ...(previousTechnician ? [{ field: 'technicianId', from: previousTechnician, to: null }] : []),
        ...(previousAppointment ? [{ field: 'appointmentAt', from: previousAppointment.toISOString(), to: null }] : []),
      ],
    });
    return subscription;
  });
}

/**
 * Work on a site goes to the site's contractor, while the site is open (ASSIGNED or IN_PROGRESS).
 * @throws DomainError SITE_NOT_OPEN (with siteStatus), CONTRACTOR_NOT_ELIGIBLE (with siteContractorId)
 */
async function checkSiteTakes(em: EntityManager, siteId: string, contractorId: string): Promise<void> {
  const site = await em.findOneOrFail(Site, { id: siteId });
  if (site.status !== SiteStatus.ASSIGNED && site.status !== SiteStatus.IN_PROGRESS) {
    throw new DomainError(ErrorCode.SITE_NOT_OPEN, `Site ${site.code} is ${site.status}: its work cannot be assigned`, {
      siteStatus: site.status,
    });
  }
  if (site.contractor && site.contractor.id !== contractorId) {
    throw new DomainError(
      ErrorCode.CONTRACTOR_NOT_ELIGIBLE,
      `Site ${site.code} is assigned to contractor ${site.contractor.id}: its work goes to that contractor`,
      {
        field: 'contractorId',
        siteContractorId: site.contractor.id,
      },
    );
  }
}

const oneYearMs = 366 * 24 * 3600 * 1000;
/** How far in the past an appointment may be booked (clock differences between devices). */
const appointmentSlackMs = 5 * 60 * 1000;

/**
 * Books (or moves) the installation appointment, from now to a year ahead, with an optional reason
 * (e.g. why it moved): ASSIGNED or SCHEDULED → SCHEDULED.
 * @throws DomainError INVALID_TRANSITION, BAD_USER_INPUT (appointment in the past, before the order or over a year ahead), CONFLICT, NOT_FOUND
 */
export async function scheduleInstallation(
  context: Context,
  id: string,
  version: number,
  appointmentAt: Date,
  reason?: string | null,
): Promise<CustomerSubscription> {
  const time = appointmentAt instanceof Date ? appointmentAt.getTime() : Number.NaN;
  const current = now(context).getTime();
  if (Number.isNaN(time) || time < current - appointmentSlackMs || time > current + oneYearMs) {
    throw badUserInput('appointmentAt', 'must be a date and time from now to a year ahead');
  }
  const why = parseInput(optionalText(500), reason, 'reason') ?? null;
  return inTransaction(context, async (em) => {
    const subscription = await loadRef(context, em, id, version);
    if (time <= subscription.orderedAt.getTime())
      throw badUserInput('appointmentAt', 'must be after the order was taken');
    const previous = subscription.appointmentAt;
    if (previous?.getTime() === time && subscription.status === CustomerSubscriptionStatus.SCHEDULED)
      return subscription;
    if (subscription.contractor) await checkContractorActive(em, subscription.contractor.id);
    changeCustomerSubscriptionStatus(em, context, subscription, 'SCHEDULE', why, {
      changes: [{ field: 'appointmentAt', from: previous?.toISOString() ?? null, to: appointmentAt.toISOString() }],
    });
    subscription.appointmentAt = appointmentAt;
    return subscription;
  });
}

const failureSchema = z
  .object({
    failureReason: z.enum(FailureReason),
    reason: optionalText(500),
    photoIds: z
      .array(z.string())
      .max(50, { error: 'must hold at most 50 photos' })
      .nullish()
      .transform((value) => value ?? []),
    idempotencyKey,
  })
  .refine((value) => value.failureReason !== FailureReason.OTHER || Boolean(value.reason), {
    path: ['reason'],
    error: 'is required when failureReason is OTHER',
  });

/** What a failure declares: why, in a code and in words, the photos that show it, and an optional idempotency key. */
export interface FailureDeclaration {
  readonly failureReason: FailureReason;
  readonly reason?: string | null;
  readonly photoIds?: readonly string[] | null;
  readonly idempotencyKey?: string | null;
}

/**
 * The connection could not be made (customer absent, no infrastructure, …): any open state → FAILED,
 * with the photos uploaded to show why attached. With an idempotency key, a declaration sent again is
 * recorded once.
 * @throws DomainError INVALID_TRANSITION, BAD_USER_INPUT, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED
 */
export async function markInstallationFailed(
  context: Context,
  id: string,
  version: number,
  declaration: FailureDeclaration,
): Promise<CustomerSubscription> {
  const values = parseInput(failureSchema, declaration);
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'markInstallationFailed',
      { ...values, id, version },
      async () => {
        const subscription = await loadRef(context, em, id, version);
        changeCustomerSubscriptionStatus(em, context, subscription, 'FAIL', values.reason ?? null, {
          changes: [{ field: 'failureReason', from: null, to: values.failureReason }],
        });
        subscription.failureReason = values.failureReason;
        await attachPhotos(em, context, subscription, values.photoIds, null);
        return subscription;
      },
      (resultId) => replayed(em, context, resultId),
    ),
  );
}

/**
 * Cancels the order: any open state → CANCELLED.
 * @throws DomainError INVALID_TRANSITION, BAD_USER_INPUT, CONFLICT, NOT_FOUND
 */
export async function cancelCustomerSubscription(
  context: Context,
  id: string,
  version: number,
  reason: string,
): Promise<CustomerSubscription> {
  const why = parseInput(reasonSchema, reason, 'reason');
  return inTransaction(context, async (em) => {
    const subscription = await loadRef(context, em, id, version);
    changeCustomerSubscriptionStatus(em, context, subscription, 'CANCEL', why);
    return subscription;
  });
}
