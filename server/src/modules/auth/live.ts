import { z } from 'zod';
import type { Context } from '../../context.js';
import { requireOperationAccess } from './permissions.js';
import { maySeeFieldWork, viewerContractorId, viewerWilayas } from './scope.js';
import { checkPlaceFilter } from '../reference-data/reference-data.service.js';
import { logPosition, parseInput, recordId, wilayaCode as wilayaCodeSchema } from '../../common/validation.js';
import { checkAfter, readWindow, scanWindow, type LoggedEvent } from '../../common/change-log.js';
import { feedDefaultFirst } from '../../common/change-event.types.js';
import { mapStream } from '../../common/streams.js';
import { audienceTag, isResync, resyncAt, type RaccordTopics, type Resync, type Topic } from '../../common/events.js';

/** The end of every `Subscription` field's description: the transport, and how its socket ends (close codes, docs/api.md). */
export const overWebSocket =
  'Over WebSocket (graphql-ws). The socket closes with 4401 as soon as its session or API key ends on any server (logout, key revoked, user disabled): ' +
  'sign in again; with 1013 when the sign-in cannot be checked for now (database down): reconnect.';

/** Who a stream of events is for: the rule that keeps each event, and what to read of the log. */
export interface LiveScope<K extends Topic, R extends Topic = never> {
  /** Whether an event is for this subscriber: the rule, exact. */
  readonly wants: (event: LoggedEvent<K>, filters: LiveFilters) => boolean | Promise<boolean>;
  /** The events to read of the log (`readAfter`'s `audience`): every one `wants` may keep, and fewer than all where it can; null: all. */
  readonly audience?: (filters: LiveFilters) => readonly (readonly string[])[] | null;
  /** Events of another topic (changes too many to send one by one: an import) that come as a `Resync` mark to those `when` says they concern. */
  readonly resyncOn?: { topic: R; when: (event: RaccordTopics[R], filters: LiveFilters) => boolean };
}

/**
 * The stream behind a `Subscription` field: checks, when the client subscribes, that the caller may
 * use `fieldName` (type-graphql's middlewares run only when each event is resolved), that its filter
 * arguments are valid and that the log still holds the events after `after`, then yields the events
 * of `topic` that `scope.wants` keeps for this subscriber, in position order, and every `Resync`
 * mark (`scope.resyncOn`).
 * @throws DomainError UNAUTHENTICATED or FORBIDDEN, as the field's access rule says; BAD_USER_INPUT
 *   (a malformed id or position, a code no wilaya has; a position past the log's end); EVENTS_PRUNED
 *   (the events after `after` are no longer kept)
 */
export async function liveEvents<K extends Topic, R extends Topic = never>(
  context: Context,
  fieldName: string,
  topic: K,
  args: Record<string, unknown>,
  scope: LiveScope<K, R>,
): Promise<AsyncIterable<LoggedEvent<K> | Resync>> {
  requireOperationAccess(context, 'Subscription', fieldName);
  const filters = parseInput(liveFiltersSchema, args);
  await checkPlaceFilter(context.em, filters);
  const bus = context.settings?.events;
  if (!bus) throw new Error('no change log: subscriptions need the server');
  if (filters.after) await bus.checkAfter(filters.after);
  const events = bus.subscribe<Topic>(topicsOf(topic, scope), {
    after: filters.after ?? null,
    audience: scope.audience?.(filters) ?? null,
  });
  return mapStream<LoggedEvent | Resync, LoggedEvent<K> | Resync>(events, (event) =>
    isResync(event) ? event : keptFor(scope, event, filters),
  );
}

/** The topics a stream of `scope` reads: its own, and that of its `Resync` marks. */
function topicsOf<K extends Topic, R extends Topic>(topic: K, scope: LiveScope<K, R>): Topic[] {
  return scope.resyncOn ? [topic, scope.resyncOn.topic] : [topic];
}

/**
 * What `scope` gives this viewer of a logged event, the same for a subscriber and a poller: the
 * event if `wants` keeps it, a `Resync` mark at its position for an event of `resyncOn`'s topic that
 * concerns the viewer, or null.
 */
async function keptFor<K extends Topic, R extends Topic>(
  scope: LiveScope<K, R>,
  event: LoggedEvent,
  filters: LiveFilters,
): Promise<LoggedEvent<K> | Resync | null> {
  if (scope.resyncOn && event.topic === scope.resyncOn.topic)
    return scope.resyncOn.when(event.payload as RaccordTopics[R], filters) ? resyncAt(event.position) : null;
  return (await scope.wants(event as LoggedEvent<K>, filters)) ? (event as LoggedEvent<K>) : null;
}

/** A page of events read from the change log for a polling client, with the `Resync` marks of `resyncOn` when it has one. */
export interface PolledEvents<K extends Topic, R extends Topic = never> {
  readonly events: (LoggedEvent<K> | ([R] extends [never] ? never : Resync))[];
  readonly position: string;
  readonly hasMore: boolean;
}

/**
 * The query behind a change feed (`invoiceChanges`…), for clients that poll: the events of `topic`
 * after `args.after` that `scope.wants` keeps for this viewer, in position order, at most `args.first`
 * (100 by default, 500 at most), examining at most `scanWindow` positions of the log however few of
 * them it keeps; the position where the page ends, and whether the log holds more after it. The same
 * filters and scoping as the subscription, and the same `Resync` marks (`scope.resyncOn`: an import).
 * @throws DomainError BAD_USER_INPUT (a malformed id, position or `first`, a code no wilaya has; a
 *   position past the log's end); EVENTS_PRUNED
 */
export async function polledEvents<K extends Topic, R extends Topic = never>(
  context: Context,
  topic: K,
  args: Record<string, unknown>,
  scope: LiveScope<K, R>,
): Promise<PolledEvents<K, R>> {
  const filters = parseInput(pollFiltersSchema, args);
  const audience = scope.audience?.(filters) ?? null;
  await checkPlaceFilter(context.em, filters);
  // One reading of the log's state checks `after` and bounds the page.
  const { from, head } = await checkAfter(context.em, BigInt(filters.after));
  // One window of the log at most, read a page at a time; the page ends where the reading stopped.
  const end = head < from + scanWindow ? head : from + scanWindow;
  let position = from;
  const events: (LoggedEvent<K> | Resync)[] = [];
  while (events.length < filters.first && position < end) {
    const { events: read, examinedThrough } = await readWindow(context.em, position, {
      through: end,
      topics: topicsOf(topic, scope),
      audience,
    });
    for (const event of read) {
      position = BigInt(event.position);
      const kept = await keptFor(scope, event, filters);
      if (kept) events.push(kept);
      if (events.length === filters.first) break;
    }
    if (events.length < filters.first) position = examinedThrough;
  }
  return { events: events as PolledEvents<K, R>['events'], position: position.toString(), hasMore: position < head };
}

/** The filter arguments a subscription may take, checked like a query's: a malformed one is refused, not left to match nothing. */
const liveFiltersSchema = z.object({
  invoiceId: recordId.nullish(),
  customerSubscriptionId: recordId.nullish(),
  siteId: recordId.nullish(),
  contractorId: recordId.nullish(),
  wilayaCode: wilayaCodeSchema.nullish(),
  after: logPosition.nullish(),
});

/** A subscription's filters, valid; each one given must match the event. */
export type LiveFilters = z.output<typeof liveFiltersSchema>;

/** A change feed's arguments: a subscription's filters, the position to read after, and how many events. */
const pollFiltersSchema = liveFiltersSchema.extend({
  after: logPosition,
  first: z
    .number()
    .int()
    .min(1, { error: 'must be from 1 to 500' })
    .max(500, { error: 'must be from 1 to 500' })
    .nullish()
    .transform((first) => first ?? feedDefaultFirst),
});

/**
 * The part of the log a viewer's events of work and money may come from, with these filters (a
 * `LiveScope`'s `audience`): its firm's, or a DOT manager's wilayas', and each filter's contractor,
 * wilaya and record.
 */
export function scopedAudience(context: Context, filters: LiveFilters): string[][] {
  const sets: string[][] = [];
  const own = viewerContractorId(context);
  const wilayas = viewerWilayas(context);
  if (own !== null) sets.push([audienceTag.contractor(own)]);
  else if (wilayas !== null) sets.push(wilayas.map(audienceTag.wilaya));
  if (filters.contractorId) sets.push([audienceTag.contractor(filters.contractorId)]);
  if (filters.wilayaCode) sets.push([audienceTag.wilaya(filters.wilayaCode)]);
  if (filters.invoiceId) sets.push([audienceTag.record('invoice', filters.invoiceId)]);
  if (filters.customerSubscriptionId)
    sets.push([audienceTag.record('customer-subscription', filters.customerSubscriptionId)]);
  if (filters.siteId) sets.push([audienceTag.record('site', filters.siteId)]);
  return sets;
}

/** Where a work event says the work is now, and where it was before a move. */
interface WorkEvent {
  readonly contractorId: string | null;
  readonly wilayaCode: string;
  readonly previousContractorId: string | null;
  readonly previousWilayaCode: string | null;
}

/** What a customer subscription's event adds: its status and technician, now and before the change. */
interface FieldWorkEvent extends WorkEvent {
  readonly status: string;
  readonly previousStatus: string | null;
  readonly technicianId: string | null;
  readonly technicianIdBefore: string | null;
}

/**
 * Where a record of work stands, as `maySeeWork` reads it: its firm and its wilaya, and for a
 * customer subscription its status and technician (what a technician's sight depends on).
 */
export interface WorkPlace {
  readonly contractorId: string | null;
  readonly wilayaCode: string;
  readonly field?: { readonly status: string; readonly technicianId: string | null };
}

/** A site or a customer subscription, as far as where it stands goes. */
interface WorkRecord {
  readonly contractor: { id: string } | null;
  readonly wilaya: { code: string };
  readonly status?: string;
  readonly technician?: { id: string } | null;
}

/** Where a site or a customer subscription stands (`WorkPlace`). */
export function placeOf(record: WorkRecord): WorkPlace {
  const place = { contractorId: record.contractor?.id ?? null, wilayaCode: record.wilaya.code };
  return record.technician === undefined || record.status === undefined
    ? place
    : { ...place, field: { status: record.status, technicianId: record.technician?.id ?? null } };
}

/** Where a work event says the work was before the change, and where it is now. */
function placesOf(event: WorkEvent | FieldWorkEvent): { before: WorkPlace; now: WorkPlace } {
  const now = { contractorId: event.contractorId, wilayaCode: event.wilayaCode };
  const before = {
    contractorId: event.previousContractorId ?? event.contractorId,
    wilayaCode: event.previousWilayaCode ?? event.wilayaCode,
  };
  if (!('technicianIdBefore' in event)) return { before, now };
  return {
    before: {
      ...before,
      field: { status: event.previousStatus ?? event.status, technicianId: event.technicianIdBefore },
    },
    now: { ...now, field: { status: event.status, technicianId: event.technicianId } },
  };
}

/**
 * Whether a work event (a site's, a customer subscription's) is for this subscriber: it matches the
 * contractor and wilaya filters where the work is or was, and the viewer saw the work before the
 * change moved it away — to another firm, wilaya or technician, or out of a technician's open work
 * (it is then told REMOVED) — or may see it as the change left it.
 */
export function wantsWorkEvent(context: Context, filters: LiveFilters, event: WorkEvent | FieldWorkEvent): boolean {
  if (
    filters.contractorId &&
    filters.contractorId !== event.contractorId &&
    filters.contractorId !== event.previousContractorId
  )
    return false;
  if (filters.wilayaCode && filters.wilayaCode !== event.wilayaCode && filters.wilayaCode !== event.previousWilayaCode)
    return false;
  const { before, now } = placesOf(event);
  return maySeeWork(context, before) || maySeeWork(context, now);
}

/**
 * Whether the viewer may see work (a site, a customer subscription) of this contractor in this
 * wilaya, the rules of `siteScope` and `workScope`: a firm its own, a DOT manager its wilayas',
 * others all; a technician only its firm's open customer subscriptions given to it or to no one.
 */
export function maySeeWork(context: Context, work: WorkPlace): boolean {
  const own = viewerContractorId(context);
  if (own !== null) return own === work.contractorId && (!work.field || maySeeFieldWork(context, work.field));
  const wilayas = viewerWilayas(context);
  return wilayas === null || wilayas.includes(work.wilayaCode);
}
