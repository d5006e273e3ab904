import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import { DateTime } from '../../common/scalars.js';
import { now } from '../../common/time.js';
import type { Context } from '../../context.js';
import { overWebSocket } from '../auth/live.js';
import { requireOperationAccess } from '../auth/permissions.js';
import { CustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.entity.js';
import { dzd, Money } from '../invoice/money.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import {
  acceptanceHistoryDays,
  readDashboard,
  requireDashboardAccess,
  type DashboardFigures,
  type InvoiceAgeing,
} from './dashboard.service.js';
import { wilayaFilterRule } from '../../common/validation.js';
import { defaultRolloutDeadline, projectRollout, RolloutProjection } from './rollout-projection.js';
import { readWilayaMap, WilayaMap } from './wilaya-map.js';

/** `part ÷ whole`, or null when `whole` is 0. */
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

@ObjectType({ description: 'Customer subscriptions in one status.' })
export class BacklogCount {
  @Field(() => CustomerSubscriptionStatus, { description: 'The status.' })
  status!: CustomerSubscriptionStatus;

  @Field(() => Int, { description: 'How many customer subscriptions are in it now.' })
  customerSubscriptions!: number;
}

@ObjectType({ description: 'Connections accepted on one day.' })
export class DailyAcceptances {
  @Field(() => String, { description: 'The day, YYYY-MM-DD in Algiers.' })
  day!: string;

  @Field(() => Int, { description: 'Connections accepted that day.' })
  accepted!: number;
}

@ObjectType({ description: 'Invoices waiting in one status: how many, how much, for how long.' })
export class InvoiceWaiting {
  @Field(() => Int, { description: 'How many invoices.' })
  invoices!: number;

  @Field(() => Money, {
    description:
      'Awaiting approval: their net payable; approved but unpaid: their balance due (net payable less credit notes and payments).',
  })
  amount!: Money;

  @Field(() => Int, {
    nullable: true,
    description:
      'Whole days the longest-waiting one has waited — since submission, or since approval; null when there is none.',
  })
  oldestDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean days waited, counted the same way, to one decimal; null when there is none.',
  })
  averageDays!: number | null;
}

@ObjectType({ description: "A wilaya's progress: connections accepted against its sites' targets." })
export class WilayaProgress {
  @Field(() => Wilaya, { description: 'The wilaya.' })
  wilaya!: Wilaya;

  @Field(() => Int, { description: 'Connections accepted, in all.' })
  acceptedTotal!: number;

  @Field(() => Int, { description: "The sum of its sites' target connections." })
  targetConnections!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'acceptedTotal ÷ targetConnections (may pass 1); null without a target.',
  })
  progress!: number | null;

  @Field(() => RolloutProjection, {
    description: 'When the wilaya would reach its target at the pace of the last weeks, against the deadline.',
  })
  projection!: RolloutProjection;

  @Field(() => Int, {
    description: 'Open work: customer subscriptions PENDING, ASSIGNED, SCHEDULED, INSTALLED or REJECTED.',
  })
  openWork!: number;

  @Field(() => Int, {
    description: 'Installation reports waiting for acceptance: customer subscriptions INSTALLED.',
  })
  reportsAwaitingAcceptance!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Whole days the longest-waiting of those reports has waited since it was sent (the report → acceptance step, AT’s); null when none waits.',
  })
  oldestReportWaitDays!: number | null;

  @Field(() => Int, {
    description:
      'Late work: customer subscriptions SCHEDULED whose appointment fell on a day before today (Algiers) and still have no installation report — ' +
      'the appointment → installation service level (the firm’s) missed, the only step whose target time Raccord knows (the appointment itself) ' +
      'until service levels with target times are built (docs/domain.md, "Time, service levels and incentives").',
  })
  lateWork!: number;

  @Field(() => InvoiceWaiting, {
    description:
      'Invoices billing work in this wilaya that are APPROVED or PARTIALLY_PAID: their balance due (DZD) and the days since approval (an invoice billing several wilayas counts in each).',
  })
  approvedUnpaid!: InvoiceWaiting;
}

@ObjectType({
  description:
    'The live dashboard of a wilaya or of the whole country — the figures AT follows the roll-out by — read from counters the database keeps ' +
    'in the transaction of every change. Days are Algiers days; amounts in DZD.',
})
export class Dashboard {
  @Field(() => Wilaya, { nullable: true, description: 'The wilaya; null for the national dashboard.' })
  wilaya!: Wilaya | null;

  @Field(() => DateTime, { description: 'When these figures were read (UTC).' })
  computedAt!: Date;

  @Field(() => String, { description: 'Today in Algiers, YYYY-MM-DD: the day acceptedToday counts.' })
  today!: string;

  @Field(() => Int, { description: 'Connections accepted today.' })
  acceptedToday!: number;

  @Field(() => Int, { description: 'Connections accepted this month (from the 1st, Algiers).' })
  acceptedThisMonth!: number;

  @Field(() => Int, { description: 'Connections accepted, in all.' })
  acceptedTotal!: number;

  @Field(() => Int, { description: "The sum of the sites' target connections." })
  targetConnections!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'acceptedTotal ÷ targetConnections (may pass 1); null without a target.',
  })
  progress!: number | null;

  @Field(() => [BacklogCount], { description: 'Customer subscriptions in each status, every status listed.' })
  backlog!: BacklogCount[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Share (0 to 1) of the connections accepted that were accepted first time, with no rejection; null before any acceptance.',
  })
  firstTimeRightRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The same, for this month’s acceptances; null before any this month.',
  })
  firstTimeRightRateThisMonth!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median whole days from order to acceptance (Algiers dates), over every acceptance; null before any.',
  })
  medianDaysToAcceptance!: number | null;

  @Field(() => InvoiceWaiting, {
    description:
      'Invoices SUBMITTED and awaiting approval; for a wilaya, those billing work in it (an invoice billing several wilayas counts in each).',
  })
  awaitingApproval!: InvoiceWaiting;

  @Field(() => InvoiceWaiting, {
    description:
      'Invoices APPROVED or PARTIALLY_PAID (approved, not yet paid in full), with their balance due and the days since approval; for a wilaya, as awaitingApproval.',
  })
  approvedUnpaid!: InvoiceWaiting;

  @Field(() => [DailyAcceptances], {
    description: `Connections accepted on each of the last ${acceptanceHistoryDays} days, oldest first, today last.`,
    complexity: listOf(acceptanceHistoryDays),
  })
  acceptancesByDay!: DailyAcceptances[];

  @Field(() => [WilayaProgress], {
    description: 'National dashboard: every wilaya by code with its progress; empty for a wilaya.',
    complexity: listOf(58),
  })
  wilayas!: WilayaProgress[];

  @Field(() => RolloutProjection, {
    description:
      'When the wilaya, or the country, would reach its target at the pace of the last weeks, against the deadline (every home by 2027).',
  })
  projection!: RolloutProjection;
}

function waiting(ageing: InvoiceAgeing): InvoiceWaiting {
  return {
    invoices: ageing.invoices,
    amount: dzd(ageing.amountCentimes),
    oldestDays: ageing.oldestDays,
    averageDays: ageing.averageDays,
  };
}

/** The GraphQL shape of a dashboard's figures, projected against `deadline` (YYYY-MM-DD, Algiers). */
export function asDashboard(figures: DashboardFigures, deadline: string): Dashboard {
  return {
    ...figures,
    progress: ratio(figures.acceptedTotal, figures.targetConnections),
    backlog: [...figures.backlog],
    firstTimeRightRate: ratio(figures.firstTimeRightTotal, figures.acceptedTotal),
    firstTimeRightRateThisMonth: ratio(figures.firstTimeRightThisMonth, figures.acceptedThisMonth),
    awaitingApproval: waiting(figures.awaitingApproval),
    approvedUnpaid: waiting(figures.approvedUnpaid),
    acceptancesByDay: [...figures.acceptancesByDay],
    wilayas: figures.wilayas.map((row) => ({
      ...row,
      progress: ratio(row.acceptedTotal, row.targetConnections),
      projection: projectRollout(row, figures.today, deadline),
      approvedUnpaid: waiting(row.approvedUnpaid),
    })),
    projection: projectRollout(figures, figures.today, deadline),
  };
}

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      'The dashboard of a wilaya, or the national one. Figures read less than DASHBOARD_QUERY_MAX_AGE_MS ago (1 s by default) are shared by the queries that ask meanwhile, ' +
      'unless a change has moved them since; `computedAt` says when they were read. Errors: BAD_USER_INPUT (wilayaCode not the code of a wilaya), FORBIDDEN (a DOT manager outside its wilayas).',
  })
  async dashboard(
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `The wilaya whose dashboard to read; the national one when left out. A DOT manager may ask for its own wilayas only. ${wilayaFilterRule}`,
    })
    wilayaCode: string | null,
    @Ctx() context: Context,
  ): Promise<Dashboard> {
    const code = await requireDashboardAccess(context, wilayaCode);
    // A context with a clock of its own (tests at a chosen instant) reads at that instant; the server shares readings (DashboardFeed.read).
    const feed = context.clock ? undefined : context.settings?.dashboards;
    return asDashboard(
      await (feed ? feed.read(code, context.em) : readDashboard(context.em, code, now(context))),
      context.settings?.rolloutDeadline ?? defaultRolloutDeadline,
    );
  }

  @Query(() => WilayaMap, {
    description:
      "A wilaya's map: its sites and its open work as points by place and status, for its dashboard (the same viewers as Query.dashboard). " +
      'Errors: BAD_USER_INPUT (wilayaCode not the code of a wilaya), FORBIDDEN (a DOT manager outside its wilayas).',
  })
  async wilayaMap(
    @Arg('wilayaCode', () => String, {
      description: `The wilaya whose map to read. A DOT manager may ask for its own wilayas only. ${wilayaFilterRule}`,
    })
    wilayaCode: string,
    @Ctx() context: Context,
  ): Promise<WilayaMap> {
    const code = await requireDashboardAccess(context, wilayaCode);
    return readWilayaMap(context.em, code!);
  }

  @Subscription(() => Dashboard, {
    subscribe: async ({ args, context, info }) => {
      const live = context as Context;
      requireOperationAccess(live, 'Subscription', info.fieldName);
      const code = await requireDashboardAccess(live, args['wilayaCode'] as string | null | undefined);
      const feed = live.settings?.dashboards;
      if (!feed) throw new Error('no dashboard feed: subscriptions need the server');
      return feed.subscribe(code);
    },
    description:
      'The dashboard of a wilaya, or the national one: its figures at once, then new figures whenever a change (on any server process) moves them, ' +
      'at most one push a second during a burst. ' +
      overWebSocket +
      ' Errors as Query.dashboard.',
  })
  dashboardChanged(
    @Root() figures: DashboardFigures,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `The wilaya whose figures to follow; the national ones when left out. A DOT manager may follow its own wilayas only. ${wilayaFilterRule}`,
    })
    _wilayaCode: string | null,
    @Ctx() context: Context,
  ): Dashboard {
    return asDashboard(figures, context.settings?.rolloutDeadline ?? defaultRolloutDeadline);
  }
}
