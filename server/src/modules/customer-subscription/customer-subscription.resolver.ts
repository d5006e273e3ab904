import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  registerEnumType,
} from 'type-graphql';
import {
  afterDescription,
  ChangeFeedType,
  feedComplexity,
  feedFirstDescription,
  LoggedChange,
  placeInLog,
  updatedSinceDescription,
} from '../../common/change-event.types.js';
import type { LoggedEvent } from '../../common/change-log.js';
import { isResync, oncePerEvent, recordFromSnapshot, type Resync } from '../../common/events.js';
import {
  liveEvents,
  maySeeWork,
  overWebSocket,
  placeOf,
  polledEvents,
  scopedAudience,
  wantsWorkEvent,
  type LiveFilters,
} from '../auth/live.js';
import { ImportReport, maxReportedErrors } from '../../common/csv-import.js';
import { DateTime } from '../../common/scalars.js';
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { renewForEvent, type Context } from '../../context.js';
import { WorkChange } from '../site/site.events.js';
import type {
  CustomerSubscriptionChangedEvent,
  CustomerSubscriptionsImportedEvent,
} from './customer-subscription.events.js';
import { mayReadContractor, mayReadSite, maySeeCustomerData, viewerContractorId } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { Site } from '../site/site.entity.js';
import type { SiteRecord } from '../site/site.loaders.js';
import type { ContractorRecord } from '../contractor/contractor.loaders.js';
import {
  communeRecord,
  wilayaRecord,
  type CommuneRecord,
  type WilayaRecord,
} from '../reference-data/reference-data.cache.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
  type CustomerSubscriptionRecord,
} from './customer-subscription.entity.js';
import {
  AssignCustomerSubscriptionInput,
  CancelCustomerSubscriptionInput,
  CreateCustomerSubscriptionInput,
  MarkInstallationFailedInput,
  ReportInstallationInput,
  ScheduleInstallationInput,
  UpdateCustomerSubscriptionInput,
} from './customer-subscription.inputs.js';
import { importCustomerSubscriptions } from './customer-subscription.import.js';
import { defaultQualityThresholds, thresholdOf } from './installation-quality.js';
import { InstallationReport, QualityThresholdObject } from './installation-report.entity.js';
import {
  earliestInstallationDay,
  latestInstallationReport,
  reportInstallation,
} from './installation-report.service.js';
import {
  CustomerSubscriptionOrder,
  assignCustomerSubscription,
  cancelCustomerSubscription,
  createCustomerSubscription,
  findCustomerSubscription,
  listCustomerSubscriptions,
  markInstallationFailed,
  scheduleInstallation,
  updateCustomerSubscription,
} from './customer-subscription.service.js';
import { communeFilterRule, idFilterRule, wilayaFilterRule } from '../../common/validation.js';

registerEnumType(CustomerSubscriptionOrder, {
  name: 'CustomerSubscriptionOrder',
  description: 'The order of a list of customer subscriptions; ties are broken by id.',
  valuesConfig: {
    ORDERED_AT: { description: 'Oldest order first.' },
    APPOINTMENT_AT: { description: 'Soonest appointment first; only those with an appointment.' },
    STATUS_CHANGED_AT: {
      description:
        'Longest in their status first (e.g. the INSTALLED work waiting for acceptance, oldest report first).',
    },
  },
});

export const CustomerSubscriptionConnection = ConnectionType(CustomerSubscription, 'CustomerSubscription');
export type CustomerSubscriptionConnection = InstanceType<typeof CustomerSubscriptionConnection>;

@InputType({ description: 'Filters of the customer subscription list; all optional, combined with AND.' })
export class CustomerSubscriptionFilterInput {
  @Field(() => String, { nullable: true, description: `In this wilaya ("16"). ${wilayaFilterRule}` })
  wilayaCode?: string | null;

  @Field(() => ID, { nullable: true, description: `In this commune. ${communeFilterRule}` })
  communeId?: string | null;

  @Field(() => CustomerSubscriptionStatus, {
    nullable: true,
    description: 'In this status; with statuses, it must be one of them (BAD_USER_INPUT otherwise).',
  })
  status?: CustomerSubscriptionStatus | null;

  @Field(() => [CustomerSubscriptionStatus], {
    nullable: true,
    description: 'In one of these statuses (e.g. the open ones), 1 to 8 (BAD_USER_INPUT for an empty list or more).',
  })
  statuses?: CustomerSubscriptionStatus[] | null;

  @Field(() => ID, { nullable: true, description: `Assigned to this contractor. ${idFilterRule}` })
  contractorId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: `Given to this technician (a user id, see technicians). Only for viewers who may read the work's technician (CustomerSubscription.technician): FORBIDDEN otherwise. ${idFilterRule}`,
  })
  technicianId?: string | null;

  @Field(() => ID, { nullable: true, description: `On this site. ${idFilterRule}` })
  siteId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the order reference, or, for viewers who may read customers’ data, of the customer’s name or phone (a phone however written: "0555 12 34 56" finds "+213555123456"); case, accents and Arabic letter variants aside; ≤ 100 characters.',
  })
  search?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Appointment at or after this instant (UTC).' })
  appointmentFrom?: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      "Appointment before this instant (UTC): with appointmentFrom, e.g. a day's appointments; then it must be after appointmentFrom (BAD_USER_INPUT otherwise).",
  })
  appointmentBefore?: Date | null;

  @Field(() => DateTime, { nullable: true, description: updatedSinceDescription })
  updatedSince?: Date | null;
}

@ObjectType({ description: 'The customer subscription after a mutation.' })
export class CustomerSubscriptionPayload {
  @Field(() => CustomerSubscription, {
    description: 'The customer subscription as it now stands, with its new version.',
  })
  customerSubscription!: CustomerSubscription;
}

@ObjectType({
  implements: LoggedChange,
  description:
    'A customer subscription that changed, as that change left it (sent once it committed, in the order of the change log).',
})
export class CustomerSubscriptionChangedPayload extends LoggedChange {
  @Field(() => WorkChange, { description: 'What changed.' })
  change!: WorkChange;

  @Field(() => CustomerSubscriptionStatus, {
    nullable: true,
    description: 'The status before, when the status changed.',
  })
  previousStatus!: CustomerSubscriptionStatus | null;

  @Field(() => ID, { nullable: true, description: 'Which customer subscription; null with RESYNC.' })
  customerSubscriptionId!: string | null;

  @Field(() => CustomerSubscription, {
    nullable: true,
    description:
      'The customer subscription as this change left it (its version included; the records it refers to are read as they stand when the event is sent); null with RESYNC, and with REMOVED (it is no longer yours to see).',
  })
  customerSubscription!: CustomerSubscription | null;
}

/**
 * Whether an import may have created customer subscriptions this subscriber would see: they are
 * new, PENDING and with no contractor, so not for a firm, nor for one record or one contractor's
 * work; in one of the wilayas asked for and the viewer's.
 */
function concernsImport(event: CustomerSubscriptionsImportedEvent, filters: LiveFilters, context: Context): boolean {
  if (filters.customerSubscriptionId || filters.contractorId || viewerContractorId(context) !== null) return false;
  return event.wilayaCodes.some(
    (code) =>
      (!filters.wilayaCode || filters.wilayaCode === code) &&
      maySeeWork(context, { contractorId: null, wilayaCode: code }),
  );
}

/** The customer subscription of an event as the change left it, made once per event for all the subscribers of this process. */
export function customerSubscriptionOfEvent(
  context: Context,
  event: LoggedEvent<'CUSTOMER_SUBSCRIPTION_CHANGED'>,
): Promise<CustomerSubscription> {
  return oncePerEvent(event, 'customerSubscription', () =>
    recordFromSnapshot(context.em, CustomerSubscription, event.payload.record),
  );
}

/** Whether the subscriber asked for this event: the customer subscription filter here, the rest (place, scope, moves) in `wantsWorkEvent`. */
export function wantsCustomerSubscriptionChange(
  event: CustomerSubscriptionChangedEvent,
  filters: LiveFilters,
  context: Context,
): boolean {
  if (filters.customerSubscriptionId && filters.customerSubscriptionId !== event.customerSubscriptionId) return false;
  if (filters.siteId && filters.siteId !== event.siteId) return false;
  return wantsWorkEvent(context, filters, event);
}

/** A RESYNC mark as subscribers and pollers receive it: refetch what you show (an import, or a subscription started without `after`). */
function resyncPayload(mark: Resync): CustomerSubscriptionChangedPayload {
  return {
    ...placeInLog(mark),
    change: WorkChange.RESYNC,
    previousStatus: null,
    customerSubscriptionId: null,
    customerSubscription: null,
  };
}

/** A customer subscription event as subscribers and pollers receive it: REMOVED when the change took the work out of the viewer's sight. */
async function customerSubscriptionChangedPayload(
  context: Context,
  event: LoggedEvent<'CUSTOMER_SUBSCRIPTION_CHANGED'>,
): Promise<CustomerSubscriptionChangedPayload> {
  const customerSubscription = await customerSubscriptionOfEvent(context, event);
  const { payload } = event;
  const previousStatus = payload.previousStatus as CustomerSubscriptionStatus | null;
  const visible = maySeeWork(context, placeOf(customerSubscription));
  return {
    ...placeInLog(event),
    change: visible ? payload.change : WorkChange.REMOVED,
    previousStatus,
    customerSubscriptionId: payload.customerSubscriptionId,
    customerSubscription: visible ? customerSubscription : null,
  };
}

const CustomerSubscriptionChangeFeed = ChangeFeedType(CustomerSubscriptionChangedPayload, 'CustomerSubscription');
type CustomerSubscriptionChangeFeed = InstanceType<typeof CustomerSubscriptionChangeFeed>;

const errors =
  'Errors: INVALID_TRANSITION (with currentStatus), CONFLICT (stale expectedVersion), NOT_FOUND, BAD_USER_INPUT.';

@Resolver(() => CustomerSubscription)
export class CustomerSubscriptionResolver {
  @Subscription(() => CustomerSubscriptionChangedPayload, {
    subscribe: ({ args, context, info }) =>
      liveEvents(context as Context, info.fieldName, 'CUSTOMER_SUBSCRIPTION_CHANGED', args, {
        wants: (event, filters) => wantsCustomerSubscriptionChange(event.payload, filters, context as Context),
        audience: (filters) => scopedAudience(context as Context, filters),
        resyncOn: {
          topic: 'CUSTOMER_SUBSCRIPTIONS_IMPORTED',
          when: (event, filters) => concernsImport(event, filters, context as Context),
        },
      }),
    description:
      'Customer subscriptions as they change — created, edited, assigned, scheduled, installed, accepted, rejected, failed, cancelled — each event once, in the order of the change log, with the record as that change left it. ' +
      'Only work you may see (a firm its own, whatever it asks; a DOT manager its wilayas’); narrowed by every argument given. ' +
      overWebSocket,
  })
  async customerSubscriptionChanged(
    @Root() event: LoggedEvent<'CUSTOMER_SUBSCRIPTION_CHANGED'> | Resync,
    @Arg('customerSubscriptionId', () => ID, {
      nullable: true,
      description: `Only this customer subscription. ${idFilterRule}`,
    })
    _id: string | null,
    @Arg('siteId', () => ID, { nullable: true, description: `Only the work of this site. ${idFilterRule}` })
    _siteId: string | null,
    @Arg('contractorId', () => ID, { nullable: true, description: `Only the work of this contractor. ${idFilterRule}` })
    _contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Only the work in this wilaya. ${wilayaFilterRule}`,
    })
    _wilayaCode: string | null,
    @Arg('after', () => String, { nullable: true, description: afterDescription }) _after: string | null,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionChangedPayload> {
    renewForEvent(context);
    return isResync(event) ? resyncPayload(event) : customerSubscriptionChangedPayload(context, event);
  }

  @Query(() => CustomerSubscriptionChangeFeed, {
    complexity: feedComplexity,
    description:
      'The customer subscription events after a position of the change log, as `customerSubscriptionChanged` delivers them (the same events, filters and rules of who sees what, REMOVED included, and a RESYNC for an import that concerns you: refetch), a page at a time: for a client that polls. ' +
      'Errors: EVENTS_PRUNED (with `prunedThrough`), BAD_USER_INPUT (a malformed argument or a code no wilaya has; `after` past the log’s end).',
  })
  async customerSubscriptionChanges(
    @Arg('after', () => String, {
      description:
        'Read after this position: the `position` of the last page (or event) you read; "0" for everything the log still keeps.',
    })
    after: string,
    @Arg('first', () => Int, { nullable: true, description: feedFirstDescription }) first: number | null,
    @Arg('customerSubscriptionId', () => ID, {
      nullable: true,
      description: `Only the events of this customer subscription. ${idFilterRule}`,
    })
    customerSubscriptionId: string | null,
    @Arg('siteId', () => ID, { nullable: true, description: `Only the events of this site’s work. ${idFilterRule}` })
    siteId: string | null,
    @Arg('contractorId', () => ID, {
      nullable: true,
      description: `Only the events of this contractor’s work. ${idFilterRule}`,
    })
    contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Only the events of work in this wilaya. ${wilayaFilterRule}`,
    })
    wilayaCode: string | null,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionChangeFeed> {
    const args = { after, first, customerSubscriptionId, siteId, contractorId, wilayaCode };
    const feed = await polledEvents(context, 'CUSTOMER_SUBSCRIPTION_CHANGED', args, {
      wants: (event, filters) => wantsCustomerSubscriptionChange(event.payload, filters, context),
      audience: (filters) => scopedAudience(context, filters),
      resyncOn: {
        topic: 'CUSTOMER_SUBSCRIPTIONS_IMPORTED',
        when: (event, filters) => concernsImport(event, filters, context),
      },
    });
    return {
      ...feed,
      events: await Promise.all(
        feed.events.map((event) =>
          isResync(event) ? resyncPayload(event) : customerSubscriptionChangedPayload(context, event),
        ),
      ),
    };
  }

  @Query(() => CustomerSubscription, {
    nullable: true,
    description: 'The customer subscription with this id, or null.',
  })
  customerSubscription(
    @Arg('id', () => ID, { description: 'The customer subscription’s id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionRecord | null> {
    return findCustomerSubscription(context, id);
  }

  @Query(() => CustomerSubscriptionConnection, {
    description:
      'Customer subscriptions, oldest order first unless `orderBy` says otherwise, a page at a time (at most 100).',
    complexity: listOf(20),
  })
  async customerSubscriptions(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CustomerSubscriptionFilterInput, {
      nullable: true,
      description: 'Filters; all of them when left out.',
    })
    filter: CustomerSubscriptionFilterInput | null,
    @Arg('orderBy', () => CustomerSubscriptionOrder, {
      nullable: true,
      description: 'The order; ORDERED_AT when left out. A cursor works only in the order it came from.',
    })
    orderBy: CustomerSubscriptionOrder | null,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionConnection> {
    return asConnection(
      CustomerSubscriptionConnection,
      await listCustomerSubscriptions(context, filter ?? {}, page, orderBy ?? undefined),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Customer name (personal data): null for the FINANCE and VIEWER roles.',
  })
  customerName(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'customerName'>,
    @Ctx() context: Context,
  ): string | null {
    return maySeeCustomerData(context) ? subscription.customerName : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Customer phone in E.164 form, e.g. "+213550123456" (personal data): null for the FINANCE and VIEWER roles.',
  })
  customerPhone(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'customerPhone'>,
    @Ctx() context: Context,
  ): string | null {
    return maySeeCustomerData(context) ? subscription.customerPhone : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Address of the home to connect (personal data): null for the FINANCE and VIEWER roles.',
  })
  customerAddress(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'customerAddress'>,
    @Ctx() context: Context,
  ): string | null {
    return maySeeCustomerData(context) ? subscription.customerAddress : null;
  }

  @FieldResolver(() => Commune, { description: 'Commune of the home.' })
  commune(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'commune'>,
    @Ctx() context: Context,
  ): Promise<CommuneRecord> {
    return communeRecord(context.em, subscription.commune.id);
  }

  @FieldResolver(() => Wilaya, { description: 'Wilaya of the home.' })
  wilaya(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'wilaya'>,
    @Ctx() context: Context,
  ): Promise<WilayaRecord> {
    return wilayaRecord(context.em, subscription.wilaya.code);
  }

  @FieldResolver(() => Site, {
    nullable: true,
    description: 'The site the home belongs to; null when none, or when the viewer may not read it.',
  })
  async site(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'site'>,
    @Ctx() context: Context,
  ): Promise<SiteRecord | null> {
    if (!subscription.site) return null;
    const site = await context.loaders.sites.byId.load(subscription.site.id);
    return site && mayReadSite(context, site) ? site : null;
  }

  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'The contractor assigned; null while PENDING, or when the viewer may not read it.',
  })
  async contractor(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'contractor'>,
    @Ctx() context: Context,
  ): Promise<ContractorRecord | null> {
    if (!subscription.contractor || !mayReadContractor(context, subscription.contractor.id)) return null;
    return context.loaders.contractors.byId.load(subscription.contractor.id);
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      "Records a customer's order, PENDING. Errors: BAD_USER_INPUT, NOT_FOUND (commune, site), CONFLICT (reference taken).",
  })
  async createCustomerSubscription(
    @Arg('input', () => CreateCustomerSubscriptionInput, {
      description: 'The new order: customer, address, commune, and the site it belongs to if any.',
    })
    input: CreateCustomerSubscriptionInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await createCustomerSubscription(context, input) };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description: 'Changes the fields sent. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT.',
  })
  async updateCustomerSubscription(
    @Arg('id', () => ID, { description: 'The id of the customer subscription to change.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
    expectedVersion: number,
    @Arg('input', () => UpdateCustomerSubscriptionInput, {
      description: 'The customer subscription’s fields to change: only those sent change.',
    })
    input: UpdateCustomerSubscriptionInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await updateCustomerSubscription(context, id, expectedVersion, input) };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description: `PENDING, ASSIGNED or SCHEDULED → ASSIGNED (an appointment is dropped); on a site, to the site's contractor while the site is open. ${errors} CONTRACTOR_NOT_ELIGIBLE, SITE_NOT_OPEN.`,
  })
  async assignCustomerSubscription(
    @Arg('input', () => AssignCustomerSubscriptionInput, {
      description:
        'The work to give, the version last seen, and the ACTIVE contractor operating in its wilaya that takes it.',
    })
    input: AssignCustomerSubscriptionInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return {
      customerSubscription: await assignCustomerSubscription(
        context,
        input.id,
        input.expectedVersion,
        input.contractorId,
      ),
    };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description: `ASSIGNED or SCHEDULED → SCHEDULED at appointmentAt (from now to a year ahead). ${errors}`,
  })
  async scheduleInstallation(
    @Arg('input', () => ScheduleInstallationInput, {
      description: 'The work, the version last seen, and the appointment agreed with the customer.',
    })
    input: ScheduleInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return {
      customerSubscription: await scheduleInstallation(
        context,
        input.id,
        input.expectedVersion,
        input.appointmentAt,
        input.reason,
      ),
    };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      'The installation report: SCHEDULED or REJECTED → INSTALLED, with the work measured and the optical measurements; ' +
      'a report outside the quality thresholds is flagged (latestInstallationReport.qualityIssues), one without its required photos or a position too ' +
      `(missingPhotoKinds, positionCheck). ${errors} CONTRACTOR_NOT_ELIGIBLE, IDEMPOTENCY_KEY_REUSED.`,
  })
  async reportInstallation(
    @Arg('input', () => ReportInstallationInput, { description: 'The report, and the version last seen.' })
    input: ReportInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await reportInstallation(context, input) };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The earliest day an installation report may give, YYYY-MM-DD in Algiers: the appointment's day; null without an appointment. " +
      'reportInstallation refuses an earlier installedAt (BAD_USER_INPUT, reasonCode NOT_BEFORE_APPOINTMENT_DAY).',
  })
  earliestInstallationDay(@Root() subscription: Pick<CustomerSubscriptionRecord, 'appointmentAt'>): string | null {
    return earliestInstallationDay(subscription);
  }

  @FieldResolver(() => InstallationReport, {
    nullable: true,
    description: 'The latest installation report, or null before any.',
  })
  latestInstallationReport(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'id'>,
    @Ctx() context: Context,
  ): Promise<InstallationReport | null> {
    return latestInstallationReport(context, subscription.id);
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description: `Any open state → FAILED with a reason code, and the photos uploaded to show why. ${errors} IDEMPOTENCY_KEY_REUSED.`,
  })
  async markInstallationFailed(
    @Arg('input', () => MarkInstallationFailedInput, {
      description:
        'The work, the version last seen, why it failed (a FailureReason, and words for OTHER), and the photos showing it.',
    })
    input: MarkInstallationFailedInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await markInstallationFailed(context, input.id, input.expectedVersion, input) };
  }

  @Mutation(() => ImportReport, {
    description:
      "Imports AT's order backlog from CSV text (columns: order_reference, customer_name, customer_phone, customer_address, " +
      'commune_id, offer; optional: site_code, ordered_at). All or nothing; known order references skipped. ' +
      `Every problem of every row is reported (the first ${maxReportedErrors} listed, all counted).`,
  })
  importCustomerSubscriptions(
    @Arg('csv', () => String, {
      description:
        'The orders’ CSV text, UTF-8: a header row naming the columns, then one customer subscription a row.',
    })
    csv: string,
    @Ctx() context: Context,
  ): Promise<ImportReport> {
    return importCustomerSubscriptions(context, csv);
  }

  @Mutation(() => CustomerSubscriptionPayload, { description: `Any open state → CANCELLED. ${errors}` })
  async cancelCustomerSubscription(
    @Arg('input', () => CancelCustomerSubscriptionInput, {
      description: 'The work to cancel, the version last seen, and why.',
    })
    input: CancelCustomerSubscriptionInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return {
      customerSubscription: await cancelCustomerSubscription(context, input.id, input.expectedVersion, input.reason),
    };
  }
}

/** Fields of an installation report that are read from the configuration rather than stored. */
@Resolver(() => InstallationReport)
export class InstallationReportResolver {
  @FieldResolver(() => QualityThresholdObject, {
    nullable: true,
    description:
      "The thresholds configured now for the report's network class (QUALITY_THRESHOLDS, else the defaults: " +
      'class B+ −27 to −8 dBm, C+ −30 to −8 dBm, splice loss ≤ 0.1 dB), to show each measurement against its window; ' +
      'null when the configuration gives none for the class. qualityIssues is the verdict given when the report was ' +
      'recorded, against the thresholds of that time.',
  })
  thresholds(@Root() report: InstallationReport, @Ctx() context: Context): QualityThresholdObject | null {
    return thresholdOf(report.networkClass, context.settings?.qualityThresholds ?? defaultQualityThresholds);
  }
}
