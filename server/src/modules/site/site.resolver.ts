import { DateTime } from '../../common/scalars.js';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
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
import { WorkChange, type SiteChangedEvent } from './site.events.js';
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
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { renewForEvent, type Context } from '../../context.js';
import { mayReadContractor } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import type { ContractorRecord } from '../contractor/contractor.loaders.js';
import {
  communeRecord,
  wilayaRecord,
  type CommuneRecord,
  type WilayaRecord,
} from '../reference-data/reference-data.cache.js';
import { Site, SiteStatus } from './site.entity.js';
import type { SiteRecord } from './site.loaders.js';
import { CreateSiteInput, UpdateSiteInput } from './site.inputs.js';
import type { SiteAction } from './site.lifecycle.js';
import { assignSite, createSite, findSite, listSites, transitionSite, updateSite } from './site.service.js';
import { communeFilterRule, idFilterRule, wilayaFilterRule } from '../../common/validation.js';

export const SiteConnection = ConnectionType(Site, 'Site');
export type SiteConnection = InstanceType<typeof SiteConnection>;

@InputType({ description: 'Filters of the site list; all optional, combined with AND.' })
export class SiteFilterInput {
  @Field(() => String, { nullable: true, description: `Sites in this wilaya ("16"). ${wilayaFilterRule}` })
  wilayaCode?: string | null;

  @Field(() => ID, { nullable: true, description: `Sites in this commune. ${communeFilterRule}` })
  communeId?: string | null;

  @Field(() => SiteStatus, { nullable: true, description: 'Sites in this status.' })
  status?: SiteStatus | null;

  @Field(() => ID, { nullable: true, description: `Sites assigned to this contractor. ${idFilterRule}` })
  contractorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the code or name (case, accents and Arabic letter variants aside; ≤ 100 characters).',
  })
  search?: string | null;

  @Field(() => DateTime, { nullable: true, description: updatedSinceDescription })
  updatedSince?: Date | null;
}

@InputType({ description: 'A change of status of a site: which one, the version last seen, and why.' })
export class SiteTransitionInput {
  @Field(() => ID, { description: 'The site.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` the client last saw; CONFLICT if the site changed since.' })
  expectedVersion!: number;

  @Field(() => String, { description: 'Why, 1–500 characters.' })
  reason!: string;
}

@InputType({ description: 'Assign a site to a contractor, ACTIVE and operating in its wilaya.' })
export class AssignSiteInput {
  @Field(() => ID, { description: 'The site.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => ID, { description: 'The contractor, ACTIVE and operating in the wilaya.' })
  contractorId!: string;

  @Field(() => String, { nullable: true, description: 'Why, up to 500 characters.' })
  reason?: string | null;
}

@ObjectType({ description: 'The site after a mutation.' })
export class SitePayload {
  @Field(() => Site, { description: 'The site as it now stands, with its new version.' })
  site!: Site;
}

const errors =
  'Errors: INVALID_TRANSITION (with currentStatus), CONFLICT (stale expectedVersion), NOT_FOUND, BAD_USER_INPUT.';

@ObjectType({
  implements: LoggedChange,
  description: 'A site that changed, as that change left it (sent once it committed, in the order of the change log).',
})
export class SiteChangedPayload extends LoggedChange {
  @Field(() => WorkChange, { description: 'What changed.' })
  change!: WorkChange;

  @Field(() => SiteStatus, { nullable: true, description: 'The status before, when the status changed.' })
  previousStatus!: SiteStatus | null;

  @Field(() => ID, { nullable: true, description: 'Which site; null with RESYNC.' })
  siteId!: string | null;

  @Field(() => Site, {
    nullable: true,
    description:
      'The site as this change left it (its version included; its progress and the records it refers to are read as they stand when the event is sent); null with RESYNC, and with REMOVED (it is no longer yours to see).',
  })
  site!: Site | null;
}

/** The site of an event as the change left it, made once per event for all the subscribers of this process. */
export function siteOfEvent(context: Context, event: LoggedEvent<'SITE_CHANGED'>): Promise<Site> {
  return oncePerEvent(event, 'site', () => recordFromSnapshot(context.em, Site, event.payload.record));
}

/** Whether the subscriber asked for this event: the site filter here, the rest (place, scope, moves) in `wantsWorkEvent`. */
export function wantsSiteChange(event: SiteChangedEvent, filters: LiveFilters, context: Context): boolean {
  if (filters.siteId && filters.siteId !== event.siteId) return false;
  return wantsWorkEvent(context, filters, event);
}

/** A site event as subscribers and pollers receive it: REMOVED when the change took the site out of the viewer's sight. */
async function siteChangedPayload(context: Context, event: LoggedEvent<'SITE_CHANGED'>): Promise<SiteChangedPayload> {
  const site = await siteOfEvent(context, event);
  const { payload } = event;
  const visible = maySeeWork(context, placeOf(site));
  return {
    ...placeInLog(event),
    change: visible ? payload.change : WorkChange.REMOVED,
    previousStatus: payload.previousStatus as SiteStatus | null,
    siteId: payload.siteId,
    site: visible ? site : null,
  };
}

const SiteChangeFeed = ChangeFeedType(SiteChangedPayload, 'Site');
type SiteChangeFeed = InstanceType<typeof SiteChangeFeed>;

@Resolver(() => Site)
export class SiteResolver {
  @Subscription(() => SiteChangedPayload, {
    subscribe: ({ args, context, info }) =>
      liveEvents(context as Context, info.fieldName, 'SITE_CHANGED', args, {
        wants: (event, filters) => wantsSiteChange(event.payload, filters, context as Context),
        audience: (filters) => scopedAudience(context as Context, filters),
      }),
    description:
      'Sites as they change — created, edited, assigned, started, completed, closed, suspended, resumed, and their progress as their connections are accepted — ' +
      'each event once, in the order of the change log, with the site as that change left it. Only sites you may see (a firm its own, whatever it asks; a DOT manager its wilayas’); narrowed by every argument given. ' +
      overWebSocket,
  })
  async siteChanged(
    @Root() event: LoggedEvent<'SITE_CHANGED'> | Resync,
    @Arg('siteId', () => ID, { nullable: true, description: `Only this site. ${idFilterRule}` }) _siteId: string | null,
    @Arg('contractorId', () => ID, {
      nullable: true,
      description: `Only the sites of this contractor. ${idFilterRule}`,
    })
    _contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Only the sites in this wilaya. ${wilayaFilterRule}`,
    })
    _wilayaCode: string | null,
    @Arg('after', () => String, { nullable: true, description: afterDescription }) _after: string | null,
    @Ctx() context: Context,
  ): Promise<SiteChangedPayload> {
    renewForEvent(context);
    if (isResync(event))
      return { ...placeInLog(event), change: WorkChange.RESYNC, previousStatus: null, siteId: null, site: null };
    return siteChangedPayload(context, event);
  }

  @Query(() => SiteChangeFeed, {
    complexity: feedComplexity,
    description:
      'The site events after a position of the change log, as `siteChanged` delivers them (the same events, filters and rules of who sees what, REMOVED included), a page at a time: for a client that polls. ' +
      'Errors: EVENTS_PRUNED (with `prunedThrough`), BAD_USER_INPUT (a malformed argument or a code no wilaya has; `after` past the log’s end).',
  })
  async siteChanges(
    @Arg('after', () => String, {
      description:
        'Read after this position: the `position` of the last page (or event) you read; "0" for everything the log still keeps.',
    })
    after: string,
    @Arg('first', () => Int, { nullable: true, description: feedFirstDescription }) first: number | null,
    @Arg('siteId', () => ID, { nullable: true, description: `Only the events of this site. ${idFilterRule}` })
    siteId: string | null,
    @Arg('contractorId', () => ID, {
      nullable: true,
      description: `Only the events of this contractor’s sites. ${idFilterRule}`,
    })
    contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Only the events of sites in this wilaya. ${wilayaFilterRule}`,
    })
    wilayaCode: string | null,
    @Ctx() context: Context,
  ): Promise<SiteChangeFeed> {
    const args = { after, first, siteId, contractorId, wilayaCode };
    const feed = await polledEvents(context, 'SITE_CHANGED', args, {
      wants: (event, filters) => wantsSiteChange(event.payload, filters, context),
      audience: (filters) => scopedAudience(context, filters),
    });
    return { ...feed, events: await Promise.all(feed.events.map((event) => siteChangedPayload(context, event))) };
  }

  @Query(() => Site, { nullable: true, description: 'The site with this id, or null.' })
  site(
    @Arg('id', () => ID, { description: 'The site’s id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Site | null> {
    return findSite(context, id);
  }

  @Query(() => SiteConnection, {
    description: 'Sites by code, a page at a time (at most 100).',
    complexity: listOf(20),
  })
  async sites(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SiteFilterInput, { nullable: true, description: 'Filters; all of them when left out.' })
    filter: SiteFilterInput | null,
    @Ctx() context: Context,
  ): Promise<SiteConnection> {
    return asConnection(SiteConnection, await listSites(context, filter ?? {}, page));
  }

  @FieldResolver(() => Commune, { description: 'The commune the site is in.' })
  commune(@Root() site: Pick<SiteRecord, 'commune'>, @Ctx() context: Context): Promise<CommuneRecord> {
    return communeRecord(context.em, site.commune.id);
  }

  @FieldResolver(() => Wilaya, { description: "The commune's wilaya." })
  wilaya(@Root() site: Pick<SiteRecord, 'wilaya'>, @Ctx() context: Context): Promise<WilayaRecord> {
    return wilayaRecord(context.em, site.wilaya.code);
  }

  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'The contractor assigned; null while PLANNED, or when the viewer may not read it.',
  })
  async contractor(
    @Root() site: Pick<SiteRecord, 'contractor'>,
    @Ctx() context: Context,
  ): Promise<ContractorRecord | null> {
    if (!site.contractor || !mayReadContractor(context, site.contractor.id)) return null;
    return context.loaders.contractors.byId.load(site.contractor.id);
  }

  @FieldResolver(() => Int, { description: 'Customer subscriptions of the site that are ACCEPTED.' })
  acceptedConnections(@Root() site: Pick<SiteRecord, 'id'>, @Ctx() context: Context): Promise<number> {
    return context.loaders.sites.acceptedConnections.load(site.id);
  }

  @FieldResolver(() => Float, {
    description: 'acceptedConnections ÷ targetConnections, from 0 (may pass 1 when the target is exceeded).',
  })
  async progress(@Root() site: Pick<SiteRecord, 'id' | 'targetConnections'>, @Ctx() context: Context): Promise<number> {
    return (await context.loaders.sites.acceptedConnections.load(site.id)) / site.targetConnections;
  }

  @Mutation(() => SitePayload, {
    description: 'Creates a site, PLANNED. Errors: BAD_USER_INPUT, NOT_FOUND (commune), CONFLICT (code taken).',
  })
  async createSite(
    @Arg('input', () => CreateSiteInput, {
      description:
        'The new site: code, name, kind, commune, connections targeted, and optionally its dates and position.',
    })
    input: CreateSiteInput,
    @Ctx() context: Context,
  ): Promise<SitePayload> {
    return { site: await createSite(context, input) };
  }

  @Mutation(() => SitePayload, {
    description: 'Changes the fields sent. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale version, code taken).',
  })
  async updateSite(
    @Arg('id', () => ID, { description: 'The id of the site to change.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
    expectedVersion: number,
    @Arg('input', () => UpdateSiteInput, { description: 'The site’s fields to change: only those sent change.' })
    input: UpdateSiteInput,
    @Ctx() context: Context,
  ): Promise<SitePayload> {
    return { site: await updateSite(context, id, expectedVersion, input) };
  }

  @Mutation(() => SitePayload, {
    description: `PLANNED or ASSIGNED → ASSIGNED to a contractor. ${errors} CONTRACTOR_NOT_ELIGIBLE.`,
  })
  async assignSite(
    @Arg('input', () => AssignSiteInput, {
      description: 'The site, the version last seen, and the ACTIVE contractor operating in its wilaya that takes it.',
    })
    input: AssignSiteInput,
    @Ctx() context: Context,
  ): Promise<SitePayload> {
    return { site: await assignSite(context, input.id, input.expectedVersion, input.contractorId, input.reason) };
  }

  @Mutation(() => SitePayload, { description: `ASSIGNED → IN_PROGRESS. ${errors}` })
  startSite(
    @Arg('input', () => SiteTransitionInput, {
      description: 'The ASSIGNED site whose work starts, the version last seen, and why.',
    })
    input: SiteTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'START', input);
  }

  @Mutation(() => SitePayload, { description: `IN_PROGRESS → COMPLETED. ${errors}` })
  completeSite(
    @Arg('input', () => SiteTransitionInput, {
      description: 'The IN_PROGRESS site whose work is done, the version last seen, and why.',
    })
    input: SiteTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'COMPLETE', input);
  }

  @Mutation(() => SitePayload, { description: `COMPLETED → CLOSED. ${errors}` })
  closeSite(
    @Arg('input', () => SiteTransitionInput, {
      description: 'The COMPLETED site to close, the version last seen, and why.',
    })
    input: SiteTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'CLOSE', input);
  }

  @Mutation(() => SitePayload, { description: `PLANNED, ASSIGNED or IN_PROGRESS → SUSPENDED. ${errors}` })
  suspendSite(
    @Arg('input', () => SiteTransitionInput, {
      description: 'The site to put on hold, the version last seen, and why.',
    })
    input: SiteTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'SUSPEND', input);
  }

  @Mutation(() => SitePayload, { description: `SUSPENDED → the status it had before. ${errors}` })
  resumeSite(
    @Arg('input', () => SiteTransitionInput, {
      description: 'The SUSPENDED site to take back to its status before, the version last seen, and why.',
    })
    input: SiteTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'RESUME', input);
  }

  private async transition(
    context: Context,
    action: Exclude<SiteAction, 'ASSIGN'>,
    input: SiteTransitionInput,
  ): Promise<SitePayload> {
    return { site: await transitionSite(context, action, input.id, input.expectedVersion, input.reason) };
  }
}
