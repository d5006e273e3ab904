import { AuditAction } from '../../server/src/modules/audit/audit-event.entity.js';
import { changedFields } from '../../server/src/modules/audit/audit.service.js';
import { SiteKind, SiteStatus } from '../../server/src/modules/site/site.entity.js';
import { siteSchema, type SiteValues } from '../../server/src/modules/site/site.inputs.js';
import { addDays, algiersDate } from '../../server/src/common/time.js';
import { ContractorStatus } from '../../server/src/modules/contractor/contractor.entity.js';
import { contractorPools, type PlannedContractor } from './contractors.js';
import { codeLetters, siteReasons, streets } from './names.js';
import { dayMs, earlier, hourMs, later, plus, transitionEvent, type PlannedEvent } from './plan.js';
import { choices, Random } from './random.js';
import type { World, WorldCommune, WorldWilaya } from './world.js';

/** A generated site: where, whose, its status and history, and the customer subscriptions it holds. */
export interface PlannedSite {
  readonly index: number;
  /** Its id, given once every site is planned (ids grow with creation time). */
  id: string;
  readonly values: SiteValues;
  readonly wilaya: WorldWilaya;
  readonly commune: WorldCommune;
  readonly contractor: PlannedContractor | null;
  readonly status: SiteStatus;
  readonly suspendedFromStatus: SiteStatus | null;
  readonly createdAt: Date;
  /** Work on the site moves from `workFrom` (its assignment) to `workUntil` (now, or when it stopped). */
  readonly workFrom: Date;
  readonly workUntil: Date;
  readonly statusChangedAt: Date;
  readonly statusReason: string | null;
  readonly events: readonly PlannedEvent[];
  /** Its customer subscriptions are those numbered `firstSubscription` to `firstSubscription + subscriptions - 1`. */
  readonly firstSubscription: number;
  readonly subscriptions: number;
}

const auditedFields = Object.keys(siteSchema.shape) as (keyof SiteValues)[];

const statusDraw = choices({ IN_PROGRESS: 72, COMPLETED: 12, CLOSED: 5, PLANNED: 4, ASSIGNED: 4, SUSPENDED: 3 });
/** The first sites take one status each, so that even a small database shows every status. */
const firstStatuses = [
  SiteStatus.PLANNED,
  SiteStatus.ASSIGNED,
  SiteStatus.SUSPENDED,
  SiteStatus.COMPLETED,
  SiteStatus.CLOSED,
];
const kindDraw = choices({
  HOUSING_ESTATE: 35,
  RESIDENTIAL_ZONE: 25,
  BUILDING: 12,
  STREET: 15,
  BUSINESS_ZONE: 5,
  RURAL_AREA: 6,
  OTHER: 2,
});
/** How full a site is (customer subscriptions over its target), by status. */
const fill: Record<SiteStatus, [number, number]> = {
  PLANNED: [0.05, 0.3],
  ASSIGNED: [0.2, 0.6],
  IN_PROGRESS: [0.5, 1.0],
  SUSPENDED: [0.4, 0.9],
  COMPLETED: [0.9, 1.0],
  CLOSED: [0.9, 1.0],
};

function siteName(kind: SiteKind, commune: WorldCommune, random: Random): string {
  switch (kind) {
    case SiteKind.HOUSING_ESTATE:
      return `Cité ${random.pick([120, 150, 200, 300, 400, 500, 600, 800, 1000, 1200])} logements, ${commune.name}`;
    case SiteKind.RESIDENTIAL_ZONE:
      return `Lotissement ${random.pick(['El Bina', 'Les Oliviers', 'El Feth', 'Essalam', 'Les Palmiers', 'El Wiam'])}, ${commune.name}`;
    case SiteKind.BUILDING:
      return `Immeubles ${random.pick(['AADL', 'LPP', 'LPA', 'CNEP'])} bloc ${random.int(1, 30)}, ${commune.name}`;
    case SiteKind.STREET:
      return `Rue ${random.pick(streets)}, ${commune.name}`;
    case SiteKind.BUSINESS_ZONE:
      return `Zone d’activités, ${commune.name}`;
    case SiteKind.RURAL_AREA:
      return `Village ${random.pick(['Ouled Ali', 'Ighil', 'Tizi', 'Ain Sfa', 'Bordj', 'Hai Nasr'])}, ${commune.name}`;
    default:
      return `Secteur ${random.int(1, 12)}, ${commune.name}`;
  }
}

/** A small first site for many of the small firms: most firms have some work, however small. */
const starterStatusDraw = choices({ IN_PROGRESS: 80, COMPLETED: 10, ASSIGNED: 5, SUSPENDED: 5 });
/** Share of the customer subscriptions held by those first sites, each of 20 to 40 connections. */
const starterShare = 0.15;

/**
 * Plans sites until they hold `subscriptionCount` customer subscriptions. First, a small site (20
 * to 40 connections) in its home wilaya for as many small firms (beyond the top 20 %) as 15 % of the
 * work allows, so that most firms have some work. Then sites of 40 to 200 connections, each in a
 * wilaya drawn as the work is (Zipf), a commune of it (the chef-lieu first), a status (most
 * IN_PROGRESS), and, unless PLANNED, a contractor operating there drawn by its Zipf weight (a
 * TERMINATED one only for a site it completed). A site's history fits within its contractor's time:
 * assigned after approval, work stopped at a suspension. Values go through the app's `siteSchema`.
 */
export function planSites(
  world: World,
  contractors: readonly PlannedContractor[],
  subscriptionCount: number,
  seed: number,
): PlannedSite[] {
  const random = Random.of(seed ^ 0x51);
  const pools = contractorPools(contractors);
  const sites: PlannedSite[] = [];
  let placed = 0;
  const add = (status: SiteStatus, wilaya: WorldWilaya, contractor: PlannedContractor | null, target: number) => {
    const index = sites.length;
    const commune = wilaya.communes[random.weighted(wilaya.communeWeights)]!;
    const kind = random.choose(kindDraw) as SiteKind;
    const [low, high] = fill[status];
    const subscriptions = Math.min(
      subscriptionCount - placed,
      Math.max(1, Math.round(target * random.between(low, high))),
    );
    const timeline = siteTimeline(world, status, contractor, random);
    const plannedStart = algiersDate(timeline.plannedStart);
    const values = siteSchema.parse({
      code: `${wilaya.code}-${codeLetters(commune.name).slice(0, 6) || 'SITE'}-${String(index + 1).padStart(5, '0')}`,
      name: siteName(kind, commune, random),
      kind,
      communeId: String(commune.id),
      latitude: null,
      longitude: null,
      targetConnections: target,
      plannedStart,
      plannedEnd: addDays(plannedStart, random.int(90, 240)),
    });
    const created: PlannedEvent = {
      at: timeline.createdAt,
      action: AuditAction.CREATE,
      fromStatus: null,
      toStatus: SiteStatus.PLANNED,
      reason: null,
      changes: changedFields({}, values, auditedFields),
    };
    const events = [created, ...timeline.events(contractor)];
    const last = events[events.length - 1]!;
    sites.push({
      index,
      id: '',
      values,
      wilaya,
      commune,
      contractor,
      status,
      suspendedFromStatus: status === SiteStatus.SUSPENDED ? SiteStatus.IN_PROGRESS : null,
      createdAt: timeline.createdAt,
      workFrom: timeline.workFrom,
      workUntil: timeline.workUntil,
      statusChangedAt: last.at,
      statusReason: last.reason,
      events,
      firstSubscription: placed,
      subscriptions,
    });
    placed += subscriptions;
  };

  const byCode = new Map(world.wilayas.map((wilaya) => [wilaya.code, wilaya]));
  const small = contractors.filter(
    (contractor) =>
      contractor.index >= contractors.length * 0.2 &&
      (contractor.status === ContractorStatus.ACTIVE || contractor.status === ContractorStatus.SUSPENDED),
  );
  for (const contractor of random.shuffled(small).slice(0, Math.floor((subscriptionCount * starterShare) / 30))) {
    if (placed >= subscriptionCount) break;
    add(
      random.choose(starterStatusDraw) as SiteStatus,
      byCode.get(contractor.homeWilaya)!,
      contractor,
      random.int(20, 40),
    );
  }
  for (let drawn = 0; placed < subscriptionCount; drawn += 1) {
    let status =
      drawn < firstStatuses.length && subscriptionCount >= 1000
        ? firstStatuses[drawn]!
        : (random.choose(statusDraw) as SiteStatus);
    const wilaya = world.wilayas[random.weighted(world.wilayaWeights)]!;
    const finished = status === SiteStatus.COMPLETED || status === SiteStatus.CLOSED;
    const pool = status === SiteStatus.PLANNED ? undefined : (finished ? pools.finished : pools.open).get(wilaya.code);
    // No contractor operates there yet: the site waits for one.
    if (!pool) status = SiteStatus.PLANNED;
    add(
      status,
      wilaya,
      pool ? pool.contractors[random.weighted(pool.weights)]! : null,
      40 + Math.floor(160 * random.float() ** 1.6),
    );
  }
  return sites;
}

/** When a site was created, assigned, started, suspended, completed, closed; and its audit events. */
function siteTimeline(world: World, status: SiteStatus, contractor: PlannedContractor | null, random: Random) {
  const { now, start } = world;
  if (status === SiteStatus.PLANNED || contractor === null) {
    const createdAt = plus(now, -random.between(1, 60) * dayMs);
    return {
      createdAt,
      plannedStart: plus(createdAt, 30 * dayMs),
      workFrom: createdAt,
      workUntil: now,
      events: () => [],
    };
  }
  const from = later(start, contractor.approvedAt!);
  const until = contractor.workUntil;
  const span = Math.max(until.getTime() - from.getTime(), dayMs);
  // More sites open as the roll-out speeds up: assignment times thicken towards the end of the span.
  const assignedAt = (() => {
    if (status === SiteStatus.ASSIGNED) return new Date(until.getTime() - random.between(0.02, 0.15) * span);
    const room = status === SiteStatus.IN_PROGRESS || status === SiteStatus.SUSPENDED ? 0.9 : 0.6;
    return new Date(from.getTime() + span * room * Math.sqrt(random.float()));
  })();
  const createdAt = plus(assignedAt, -random.between(2, 30) * dayMs);
  const startedAt = earlier(plus(assignedAt, random.between(1, 10) * dayMs), plus(until, -hourMs));
  const stopAt = (fraction: number) =>
    new Date(startedAt.getTime() + Math.max(until.getTime() - startedAt.getTime(), hourMs) * fraction);
  const suspendedAt = status === SiteStatus.SUSPENDED ? stopAt(random.between(0.5, 0.95)) : null;
  const completedAt =
    status === SiteStatus.COMPLETED || status === SiteStatus.CLOSED ? stopAt(random.between(0.6, 1)) : null;
  const closedAt =
    status === SiteStatus.CLOSED ? earlier(plus(completedAt!, random.between(5, 30) * dayMs), now) : null;
  const workUntil = suspendedAt ?? (completedAt ? plus(completedAt, -hourMs) : until);
  const events = (owner: PlannedContractor | null): PlannedEvent[] => {
    const list = [
      transitionEvent(assignedAt, SiteStatus.PLANNED, SiteStatus.ASSIGNED, random.pick(siteReasons.ASSIGN), [
        { field: 'contractorId', from: null, to: owner?.id ?? null },
      ]),
    ];
    if (status === SiteStatus.ASSIGNED) return list;
    list.push(transitionEvent(startedAt, SiteStatus.ASSIGNED, SiteStatus.IN_PROGRESS, random.pick(siteReasons.START)));
    if (suspendedAt)
      list.push(
        transitionEvent(suspendedAt, SiteStatus.IN_PROGRESS, SiteStatus.SUSPENDED, random.pick(siteReasons.SUSPEND)),
      );
    if (completedAt)
      list.push(
        transitionEvent(completedAt, SiteStatus.IN_PROGRESS, SiteStatus.COMPLETED, random.pick(siteReasons.COMPLETE)),
      );
    if (closedAt)
      list.push(transitionEvent(closedAt, SiteStatus.COMPLETED, SiteStatus.CLOSED, random.pick(siteReasons.CLOSE)));
    return list;
  };
  return { createdAt, plannedStart: startedAt, workFrom: assignedAt, workUntil, events };
}
