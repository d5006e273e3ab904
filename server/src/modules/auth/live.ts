import { filter, map } from '@graphql-yoga/subscription';
import { Repeater } from '@repeaterjs/repeater';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { requireOperationAccess } from './permissions.js';
import { maySeeFieldWork, viewerContractorId, viewerWilayas } from './scope.js';
import { requireWilaya } from '../reference-data/reference-data.service.js';
import { parseInput, recordId, wilayaCode as wilayaCodeSchema } from '../../common/validation.js';
import { isResync, resync, type RaccordTopics, type Resync, type Topic } from '../../common/events.js';

/** The end of every `Subscription` field's description: the transport, and how its socket ends (close codes, docs/api.md). */
export const overWebSocket =
  'Over WebSocket (graphql-ws). The socket closes with 4401 as soon as its session or API key ends on any server (logout, key revoked, user disabled): ' +
  'sign in again; with 1013 when the sign-in cannot be checked for now (database or Redis down): reconnect.';

/**
 * The stream behind a `Subscription` field: checks, when the client subscribes, that the caller may
 * use `fieldName` (type-graphql's middlewares run only when each event is resolved) and that its
 * filter arguments are valid, then yields the events of `topic` that `wants` keeps for this
 * subscriber, and every `Resync` mark.
 * @throws DomainError UNAUTHENTICATED or FORBIDDEN, as the field's access rule says; BAD_USER_INPUT
 *   (a malformed id or wilaya code); NOT_FOUND (no wilaya with that code)
 */
export async function liveEvents<K extends Topic, R extends Topic = never>(
  context: Context,
  fieldName: string,
  topic: K,
  args: Record<string, unknown>,
  wants: (event: RaccordTopics[K], filters: LiveFilters) => boolean | Promise<boolean>,
  resyncOn?: { topic: R; when: (event: RaccordTopics[R], filters: LiveFilters) => boolean },
): Promise<AsyncIterable<RaccordTopics[K] | Resync>> {
  requireOperationAccess(context, 'Subscription', fieldName);
  const filters = parseInput(liveFiltersSchema, args);
  if (filters.wilayaCode) await requireWilaya(context.em, filters.wilayaCode);
  const bus = context.settings?.events;
  if (!bus) throw new Error('no event bus: subscriptions need the server');
  const events = filter((event: RaccordTopics[K] | Resync) => isResync(event) || wants(event, filters))(
    bus.subscribe(topic),
  );
  if (!resyncOn) return events;
  // Changes too many to send one by one (an import) come as a Resync mark to those they concern.
  const marks = map(() => resync)(
    filter((event: RaccordTopics[R] | Resync) => !isResync(event) && resyncOn.when(event, filters))(
      bus.subscribe(resyncOn.topic),
    ),
  );
  return Repeater.merge([events, marks]) as AsyncIterable<RaccordTopics[K] | Resync>;
}

/** The filter arguments a subscription may take, checked like a query's: a malformed one is refused, not left to match nothing. */
const liveFiltersSchema = z.object({
  invoiceId: recordId.nullish(),
  customerSubscriptionId: recordId.nullish(),
  siteId: recordId.nullish(),
  contractorId: recordId.nullish(),
  wilayaCode: wilayaCodeSchema.nullish(),
});

/** A subscription's filters, valid; each one given must match the event. */
export type LiveFilters = z.output<typeof liveFiltersSchema>;

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
 * (it is then told REMOVED) — or may see it as the change committed and as it stands now (`current`,
 * read only for a viewer who sees part of the work: the record sent is the current one).
 */
export async function wantsWorkEvent(
  context: Context,
  filters: LiveFilters,
  event: WorkEvent | FieldWorkEvent,
  current: () => Promise<WorkRecord>,
): Promise<boolean> {
  if (
    filters.contractorId &&
    filters.contractorId !== event.contractorId &&
    filters.contractorId !== event.previousContractorId
  )
    return false;
  if (filters.wilayaCode && filters.wilayaCode !== event.wilayaCode && filters.wilayaCode !== event.previousWilayaCode)
    return false;
  const { before, now } = placesOf(event);
  if (maySeeWork(context, before) && !maySeeWork(context, now)) return true;
  if (!maySeeWork(context, now)) return false;
  const seesPart = viewerContractorId(context) !== null || viewerWilayas(context) !== null;
  return !seesPart || maySeeWork(context, placeOf(await current()));
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
