import { algiersMonth } from '../../server/src/common/time.js';
import { AuditAction } from '../../server/src/modules/audit/audit-event.entity.js';
import { changedFields } from '../../server/src/modules/audit/audit.service.js';
import {
  CustomerSubscriptionStatus as S,
  FailureReason,
} from '../../server/src/modules/customer-subscription/customer-subscription.entity.js';
import {
  customerSubscriptionSchema,
  type CustomerSubscriptionValues,
} from '../../server/src/modules/customer-subscription/customer-subscription.inputs.js';
import {
  qualityIssues,
  type QualityThreshold,
} from '../../server/src/modules/customer-subscription/installation-quality.js';
import {
  NetworkClass,
  type WorkLine,
} from '../../server/src/modules/customer-subscription/installation-report.entity.js';
import { PriceUnit } from '../../server/src/modules/invoice/price-schedule.entity.js';
import { SiteStatus } from '../../server/src/modules/site/site.entity.js';
import type { PlannedContractor } from './contractors.js';
import {
  cancelReasons,
  failureTexts,
  firstNames,
  lastNames,
  measurementReserve,
  offerWeights,
  offers,
  overrideReasons,
  reportRemarks,
  reserves,
  streets,
} from './names.js';
import { dayMs, hourMs, minuteMs, plus, transitionEvent, type PlannedEvent } from './plan.js';
import { choices, cumulative, Random } from './random.js';
import type { PlannedSite } from './sites.js';
import { scheduleAt, type World } from './world.js';

/** An installation report as the contractor sent it, with the quality gate's verdict. */
export interface PlannedReport {
  readonly installedAt: Date;
  readonly createdAt: Date;
  readonly technicianName: string;
  readonly remarks: string | null;
  readonly networkClass: NetworkClass;
  readonly receivedPowerDbm: string;
  readonly spliceLossDb: string | null;
  readonly lines: readonly WorkLine[];
  readonly qualityIssues: readonly string[];
}

/** Everything about one generated customer subscription: its row, its reports and its audit trail. */
export interface SubscriptionFacts {
  readonly index: number;
  readonly site: PlannedSite;
  readonly status: S;
  readonly values: CustomerSubscriptionValues;
  readonly createdAt: Date;
  readonly contractor: PlannedContractor | null;
  readonly appointmentAt: Date | null;
  readonly failureReason: FailureReason | null;
  readonly statusReason: string | null;
  readonly statusChangedAt: Date;
  /** CREATE, then each transition, oldest first. */
  readonly events: readonly PlannedEvent[];
  readonly reports: readonly PlannedReport[];
  /** When it was accepted (billed on its contractor's invoice of that month, Algiers); null otherwise. */
  readonly acceptedAt: Date | null;
}

/** A step of the lifecycle at an offset (ms) from the first one. */
interface Step {
  action: 'ASSIGN' | 'SCHEDULE' | 'REPORT' | 'REJECT' | 'ACCEPT' | 'FAIL' | 'CANCEL';
  offset: number;
  /** For SCHEDULE: the offset of the appointment booked. */
  appointment?: number;
  /** For REPORT: the offset of the installation reported. */
  installed?: number;
  quality?: 'good' | 'bad';
}

/** The id of the invoice a contractor's work accepted in `period` (YYYY-MM) is billed on. */
export type InvoiceIdOf = (contractor: PlannedContractor, period: string) => string;

/** How a site's customer subscriptions are spread over the lifecycle, by the site's status. */
const statusBySite: Record<SiteStatus, ReturnType<typeof choices<S>>> = {
  PLANNED: choices<S>({ PENDING: 90, CANCELLED: 10 } as Record<S, number>),
  ASSIGNED: choices<S>({ PENDING: 35, ASSIGNED: 40, SCHEDULED: 20, CANCELLED: 5 } as Record<S, number>),
  IN_PROGRESS: choices<S>({
    ACCEPTED: 62,
    INSTALLED: 6,
    REJECTED: 2.5,
    SCHEDULED: 8,
    ASSIGNED: 6,
    PENDING: 4,
    FAILED: 6.5,
    CANCELLED: 5,
  }),
  SUSPENDED: choices<S>({
    ACCEPTED: 62,
    INSTALLED: 6,
    REJECTED: 2.5,
    SCHEDULED: 8,
    ASSIGNED: 6,
    PENDING: 4,
    FAILED: 6.5,
    CANCELLED: 5,
  }),
  COMPLETED: choices<S>({ ACCEPTED: 88, FAILED: 7, CANCELLED: 5 } as Record<S, number>),
  CLOSED: choices<S>({ ACCEPTED: 88, FAILED: 7, CANCELLED: 5 } as Record<S, number>),
};
/** How recent the last step of work still open is (days): open work is current work. */
const recentDays: Partial<Record<S, number>> = { ASSIGNED: 15, SCHEDULED: 10, INSTALLED: 7, REJECTED: 15 };
const failureDraw = choices({
  CUSTOMER_ABSENT: 40,
  NO_INFRASTRUCTURE: 25,
  CUSTOMER_REFUSED: 15,
  ACCESS_DENIED: 12,
  OTHER: 8,
});
const offerDraw = cumulative(offerWeights);
const createdFields = Object.keys(customerSubscriptionSchema.shape) as (keyof CustomerSubscriptionValues)[];

/** What a connection is made of, in a typical order of the report: [code, probability, min, max, decimals]. */
const lineTemplate: [code: string, probability: number, min: number, max: number, metres: boolean][] = [
  ['RAC-STD', 1, 1, 1, false],
  ['DRP-AER', 0.6, 10, 150, true],
  ['DRP-SOU', 0.4, 5, 80, true],
  ['CAB-INT', 0.7, 3, 40, true],
  ['PTO', 0.95, 1, 1, false],
  ['EPI-PBO', 0.85, 1, 1, false],
  ['BRA-PM', 0.4, 1, 1, false],
  ['ONT', 0.95, 1, 1, false],
  ['TRV-MUR', 0.3, 1, 2, false],
  ['GC-MICRO', 0.05, 2, 25, true],
  ['MES-PUI', 0.6, 1, 1, false],
  ['MES-OTDR', 0.05, 1, 1, false],
];

/**
 * Draws customer subscriptions, each from its own seeded sequence (`Random.for`), so that any one
 * can be drawn again identically in each pass that writes one of its tables. Its site gives its
 * commune, wilaya and contractor; the site's status gives the odds of its own (most ACCEPTED or in
 * progress); its steps follow the app's lifecycle with consistent times (ordered ≤ assigned ≤
 * scheduled ≤ installed ≤ accepted), within the time its site and contractor worked; open work is
 * recent. Reports carry measurements, most within the thresholds, judged by the app's `qualityIssues`.
 */
export class SubscriptionDrawer {
  private readonly firsts: Int32Array;

  constructor(
    private readonly world: World,
    private readonly sites: readonly PlannedSite[],
    private readonly thresholds: Readonly<Record<string, QualityThreshold>>,
    private readonly seed: number,
  ) {
    this.firsts = Int32Array.from(sites, (site) => site.firstSubscription);
  }

  /** The site holding customer subscription `index`. */
  siteOf(index: number): PlannedSite {
    let low = 0;
    let high = this.firsts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.firsts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return this.sites[low]!;
  }

  /**
   * Customer subscription `index` (0 to the count − 1). The fields each audit event changed are
   * drawn up only with `audit` (the pass that writes the audit trail; elsewhere they are left
   * empty), where `invoiceIdOf` names the invoice each acceptance bills.
   */
  draw(index: number, audit?: { invoiceIdOf: InvoiceIdOf }): SubscriptionFacts {
    const random = Random.for(this.seed, 1, index);
    const site = this.siteOf(index);
    const contractor = site.contractor;
    const status = random.choose(statusBySite[site.status]);
    const commune = site.commune;
    const orderedYear = (at: Date) => new Date(at.getTime() + hourMs).getUTCFullYear();
    const customerName = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    const customerPhone = `+213${random.pick(['55', '66', '69', '77', '78', '79'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    const customerAddress = random.chance(0.55)
      ? `Cité ${random.pick([150, 200, 300, 500, 600, 1000])} logements, Bt ${random.int(1, 40)}, n° ${random.int(1, 24)}, ${commune.name}`
      : `${random.int(1, 200)} rue ${random.pick(streets)}, ${commune.name}`;
    const offer = offers[random.weighted(offerDraw)]!;

    const { now } = this.world;
    const steps = this.steps(status, contractor !== null, random);
    let createdAt: Date;
    let at: (offset: number) => Date;
    if (steps.assigned) {
      // Offsets count from the assignment, which falls within the time the site was worked on.
      const from = site.workFrom.getTime();
      const until = site.workUntil.getTime();
      const room = Math.max(until - from, 0);
      const scale = steps.final > room ? (room / steps.final) * 0.98 : 1;
      const final = steps.final * scale;
      const recent = recentDays[status];
      const anchor =
        recent === undefined
          ? from + (room - final) * random.float()
          : Math.max(from, until - final - random.float() * recent * dayMs);
      at = (offset) => new Date(anchor + offset * scale);
      const lag = random.between(0.2, 15) * dayMs;
      const siteCreated = site.createdAt.getTime();
      createdAt = new Date(
        anchor - lag >= siteCreated ? anchor - lag : siteCreated + (anchor - siteCreated) * random.float() * 0.9,
      );
    } else {
      // Offsets count from the creation: orders still arrive, up to now.
      const earliest = Math.max(site.createdAt.getTime(), now.getTime() - (status === S.PENDING ? 30 : 90) * dayMs);
      const room = Math.max(now.getTime() - minuteMs - earliest, 0);
      const scale = steps.final > room ? (room / steps.final) * 0.98 : 1;
      const created = earliest + (room - steps.final * scale) * random.float();
      createdAt = new Date(created);
      at = (offset) => new Date(created + offset * scale);
    }
    const orderedAt = plus(createdAt, -random.between(0, 20) * dayMs);
    const values: CustomerSubscriptionValues = {
      orderReference: `CMD-${site.wilaya.code}-${orderedYear(orderedAt)}-${String(index + 1).padStart(7, '0')}`,
      customerName,
      customerPhone,
      customerAddress,
      communeId: String(commune.id),
      offer,
      siteId: site.id,
      orderedAt,
    };
    const events: PlannedEvent[] = [
      {
        at: createdAt,
        action: AuditAction.CREATE,
        fromStatus: null,
        toStatus: S.PENDING,
        reason: 'CSV import',
        changes: audit ? changedFields({}, values, createdFields) : [],
      },
    ];
    const reports: PlannedReport[] = [];
    let current = S.PENDING as S;
    let appointmentAt: Date | null = null;
    let failureReason: FailureReason | null = null;
    let acceptedAt: Date | null = null;
    const lines = this.lines(random);
    const technician = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
    const networkClass = random.chance(0.88) ? NetworkClass.B_PLUS : NetworkClass.C_PLUS;
    const move = (at: Date, to: S, reason: string | null, changes: () => PlannedEvent['changes'] = () => []) => {
      events.push(transitionEvent(at, current, to, reason, audit ? changes() : []));
      current = to;
    };
    for (const step of steps.actions) {
      const when = at(step.offset);
      switch (step.action) {
        case 'ASSIGN':
          move(when, S.ASSIGNED, null, () => [{ field: 'contractorId', from: null, to: contractor!.id }]);
          break;
        case 'SCHEDULE': {
          const appointment = at(step.appointment!);
          const previous = appointmentAt;
          move(when, S.SCHEDULED, previous ? 'rendez-vous déplacé à la demande du client' : null, () => [
            { field: 'appointmentAt', from: previous?.toISOString() ?? null, to: appointment.toISOString() },
          ]);
          appointmentAt = appointment;
          break;
        }
        case 'REPORT': {
          const installedAt = at(step.installed!);
          const report = this.report(
            installedAt,
            when,
            step.quality === 'bad',
            technician,
            networkClass,
            lines,
            random,
          );
          reports.push(report);
          move(
            when,
            S.INSTALLED,
            report.qualityIssues.length > 0 ? `quality: ${report.qualityIssues.join('; ')}` : null,
            () => [{ field: 'installedAt', from: null, to: installedAt.toISOString() }],
          );
          break;
        }
        case 'REJECT': {
          const report = reports[reports.length - 1]!;
          const measured = report.qualityIssues.length > 0;
          const list = [
            ...(measured ? [measurementReserve] : []),
            ...random.shuffled(reserves).slice(0, random.int(measured ? 0 : 1, 2)),
          ];
          move(when, S.REJECTED, `réserves : ${list.join(' ; ')}`, () => [{ field: 'reserves', from: null, to: list }]);
          break;
        }
        case 'ACCEPT': {
          const report = reports[reports.length - 1]!;
          acceptedAt = when;
          move(when, S.ACCEPTED, report.qualityIssues.length > 0 ? random.pick(overrideReasons) : null, () => [
            { field: 'invoiceId', from: null, to: audit!.invoiceIdOf(contractor!, algiersMonth(when)) },
          ]);
          break;
        }
        case 'FAIL': {
          const reason = random.choose(failureDraw) as FailureReason;
          failureReason = reason;
          move(
            when,
            S.FAILED,
            reason === FailureReason.OTHER || random.chance(0.7) ? failureTexts[reason] : null,
            () => [{ field: 'failureReason', from: null, to: reason }],
          );
          break;
        }
        case 'CANCEL':
          move(when, S.CANCELLED, random.pick(cancelReasons));
          break;
      }
    }
    const last = events[events.length - 1]!;
    return {
      index,
      site,
      status: current,
      values,
      createdAt,
      contractor:
        current === S.PENDING || (current === S.CANCELLED && !events.some((event) => event.toStatus === S.ASSIGNED))
          ? null
          : contractor,
      appointmentAt: current === S.ASSIGNED || current === S.CANCELLED || current === S.PENDING ? null : appointmentAt,
      failureReason,
      statusReason: events.length > 1 ? last.reason : null,
      statusChangedAt: last.at,
      events,
      reports,
      acceptedAt,
    };
  }

  /**
   * The steps from PENDING to `status`, each at an offset in milliseconds from the first instant
   * (the assignment, or the creation for work never assigned): a SCHEDULE step with the appointment
   * it books, a REPORT step with the installation it reports and whether its measurements are bad.
   * `final` is the offset of the last event (for SCHEDULED work, its appointment may come later).
   */
  private steps(
    status: S,
    hasContractor: boolean,
    random: Random,
  ): { assigned: boolean; actions: Step[]; final: number } {
    const actions: Step[] = [];
    let t = 0;
    const step = (action: Step['action'], delay: number, more: Omit<Step, 'action' | 'offset'> = {}) => {
      t += delay;
      actions.push({ action, offset: t, ...more });
    };
    if (status === S.PENDING) return { assigned: false, actions, final: 0 };
    if (status === S.CANCELLED && (!hasContractor || random.chance(0.5))) {
      step('CANCEL', random.between(1, 30) * dayMs);
      return { assigned: false, actions, final: t };
    }
    step('ASSIGN', 0);
    if (status === S.CANCELLED) step('CANCEL', random.between(1, 20) * dayMs);
    if (status === S.ASSIGNED || status === S.CANCELLED) return { assigned: true, actions, final: t };

    step('SCHEDULE', random.between(0.05, 3) * dayMs);
    let appointment = t + random.between(0.5, 10) * dayMs;
    if (random.chance(0.1)) {
      // The appointment is moved before it comes: booked again, later.
      actions[actions.length - 1]!.appointment = appointment;
      const moved = t + (appointment - t) * random.between(0.2, 0.9);
      step('SCHEDULE', moved - t);
      appointment += random.between(1, 7) * dayMs;
    }
    actions[actions.length - 1]!.appointment = appointment;
    if (status === S.SCHEDULED) return { assigned: true, actions, final: t };
    t = appointment;
    if (status === S.FAILED) {
      step('FAIL', random.between(0, 6) * hourMs);
      return { assigned: true, actions, final: t };
    }
    const rejections =
      status === S.REJECTED
        ? 1 + (random.chance(0.15) ? 1 : 0)
        : status === S.INSTALLED
          ? random.chance(0.2)
            ? 1
            : 0
          : random.chance(0.09)
            ? random.chance(0.1)
              ? 2
              : 1
            : 0;
    for (let cycle = 0; cycle <= rejections; cycle += 1) {
      const installed = t + (cycle === 0 ? random.between(0, 4) * hourMs : random.between(1, 10) * dayMs);
      const rejected = cycle < rejections || status === S.REJECTED;
      const bad = rejected ? random.chance(0.55) : status === S.ACCEPTED ? random.chance(0.03) : random.chance(0.08);
      t = installed;
      step('REPORT', random.between(0.3, 30) * hourMs, { installed, quality: bad ? 'bad' : 'good' });
      if (rejected) step('REJECT', random.between(0.5, 8) * dayMs);
      if (status === S.REJECTED && cycle === rejections - 1) break;
    }
    if (status === S.ACCEPTED) step('ACCEPT', random.between(0.3, 10) * dayMs);
    return { assigned: true, actions, final: t };
  }

  /** The work a connection needed, as measured (attachement): the same on every report of it. */
  private lines(random: Random): { code: string; quantity: number; metres: boolean }[] {
    const aerial = random.chance(0.6);
    return lineTemplate
      .filter(([code, probability]) =>
        code === 'DRP-AER' ? aerial : code === 'DRP-SOU' ? !aerial : random.chance(probability),
      )
      .map(([code, , min, max, metres]) => ({
        code,
        metres,
        quantity: metres
          ? random.chance(0.3)
            ? Math.round(random.between(min, max) * 10) / 10
            : random.int(min, max)
          : random.int(min, max),
      }));
  }

  private report(
    installedAt: Date,
    createdAt: Date,
    bad: boolean,
    technicianName: string,
    networkClass: NetworkClass,
    drawn: { code: string; quantity: number; metres: boolean }[],
    random: Random,
  ): PlannedReport {
    const schedule = scheduleAt(this.world.schedules, installedAt)!;
    const lines = drawn
      .filter((line) => schedule.items.has(line.code))
      .map((line) => {
        const unit = schedule.items.get(line.code)!.unit;
        return {
          code: line.code,
          quantity: String(unit === PriceUnit.M ? line.quantity : Math.max(1, Math.round(line.quantity))),
        };
      });
    if (lines.length === 0) lines.push({ code: [...schedule.items.keys()][0]!, quantity: '1' });
    const floor = networkClass === NetworkClass.B_PLUS ? -27 : -30;
    let power = random.between(-24.5, -14);
    let splice: number | null = random.chance(0.12) ? null : random.between(0.01, 0.09);
    if (bad) {
      if (random.chance(0.65)) power = random.chance(0.75) ? floor - random.between(0.2, 3) : random.between(-7.9, -5);
      else splice = random.between(0.11, 0.3);
    }
    const measurements = {
      networkClass,
      receivedPowerDbm: power.toFixed(1),
      spliceLossDb: splice === null ? null : splice.toFixed(2),
    };
    return {
      installedAt,
      createdAt,
      technicianName,
      remarks: random.chance(0.12) ? random.pick(reportRemarks) : null,
      ...measurements,
      lines,
      qualityIssues: qualityIssues(measurements, this.thresholds),
    };
  }
}
