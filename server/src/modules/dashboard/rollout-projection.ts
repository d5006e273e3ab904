import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import { addDays, daysBetween } from '../../common/time.js';

declare module '../../context.js' {
  interface Settings {
    /** The day (YYYY-MM-DD, Algiers) every home is to be connected by: ROLLOUT_DEADLINE; 2027-12-31 when absent. */
    readonly rolloutDeadline?: string;
  }
}

/** The day every home is to be connected by ("Tout fibre", every home by 2027), unless ROLLOUT_DEADLINE says otherwise. */
export const defaultRolloutDeadline = '2027-12-31';

/** How many full weeks the pace is measured over. */
export const paceWeeks = 8;

/**
 * Student's t quantile for a two-sided 90 % interval with `paceWeeks` − 1 = 7 degrees of freedom
 * (t₀.₉₅,₇ = 1.8946, any table of the t distribution).
 */
const tQuantile90 = 1.8946;

/** A completion date further than this from today is none: at that pace the target is never reached (days). */
const horizonDays = 36_525;

export enum RolloutStatus {
  NO_TARGET = 'NO_TARGET',
  REACHED = 'REACHED',
  NO_PACE = 'NO_PACE',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  BEHIND = 'BEHIND',
}
registerEnumType(RolloutStatus, {
  name: 'RolloutStatus',
  description: 'Where a wilaya or the country stands against the deadline, at the pace of the last weeks.',
  valuesConfig: {
    NO_TARGET: { description: 'Its sites have no target connections: nothing to project.' },
    REACHED: { description: 'The target is reached: acceptedTotal ≥ targetConnections.' },
    NO_PACE: { description: 'Nothing was accepted in the weeks the pace is measured over: no date can be projected.' },
    ON_TRACK: {
      description: 'Even the slow end of the pace (weeklyPaceLow) reaches the target by the deadline.',
    },
    AT_RISK: {
      description:
        'The fast end of the pace reaches the target by the deadline, the slow end does not: the interval straddles the deadline.',
    },
    BEHIND: {
      description: 'Even the fast end of the pace (weeklyPaceHigh) misses the deadline (or the deadline has passed).',
    },
  },
});

@ObjectType({
  description:
    'When the target would be reached at the pace of the last weeks, and the pace the deadline needs. ' +
    `The pace is measured over the last ${paceWeeks} full weeks: ${paceWeeks} blocks of 7 Algiers days ending yesterday ` +
    '(today, not over, is left out), from the acceptance counters. Its interval is the 90 % confidence interval of the mean ' +
    `weekly acceptances (Student's t with ${paceWeeks - 1} degrees of freedom: mean ± 1.8946 × standard deviation ÷ √${paceWeeks}), ` +
    'its low end no less than 0. Projected from today: at a pace of p a week, the target is reached on the day the ' +
    'acceptances from today on (p ÷ 7 a day, today counted) cover what remains. Nationally, every figure is the sum over the wilayas.',
})
export class RolloutProjection {
  @Field(() => String, {
    description: 'The deadline, YYYY-MM-DD in Algiers (ROLLOUT_DEADLINE, 2027-12-31 by default).',
  })
  deadline!: string;

  @Field(() => Int, { description: "The sum of the sites' target connections." })
  targetConnections!: number;

  @Field(() => Int, { description: 'Connections accepted, in all.' })
  acceptedTotal!: number;

  @Field(() => Int, { description: 'Connections still to accept: targetConnections − acceptedTotal, 0 once reached.' })
  remaining!: number;

  @Field(() => String, { description: 'The first day the pace is measured over, YYYY-MM-DD in Algiers.' })
  paceFrom!: string;

  @Field(() => String, { description: 'The last day the pace is measured over (yesterday), YYYY-MM-DD in Algiers.' })
  paceTo!: string;

  @Field(() => [Int], {
    description: `Connections accepted in each of the ${paceWeeks} weeks from paceFrom to paceTo, oldest first.`,
    complexity: listOf(paceWeeks),
  })
  weeklyAcceptances!: number[];

  @Field(() => Float, { description: 'The pace: mean connections accepted a week over those weeks (not rounded).' })
  weeklyPace!: number;

  @Field(() => Float, { description: 'The slow end of the pace’s 90 % interval, connections a week (at least 0).' })
  weeklyPaceLow!: number;

  @Field(() => Float, { description: 'The fast end of the pace’s 90 % interval, connections a week.' })
  weeklyPaceHigh!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the target would be reached at the fast end of the pace, YYYY-MM-DD in Algiers; null once reached, ' +
      'when the pace is 0, or when that day is more than 100 years away.',
  })
  earliestCompletion!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The day the target would be reached at the slow end of the pace, YYYY-MM-DD in Algiers; null once reached, ' +
      'when the slow end is 0 (not reached at that pace), or when that day is more than 100 years away.',
  })
  latestCompletion!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Connections a week needed from today to reach the target by the deadline: remaining ÷ (days from today to the deadline, ' +
      'both counted, ÷ 7), not rounded; 0 once reached; null when the deadline has passed with connections remaining.',
  })
  neededWeeklyPace!: number | null;

  @Field(() => RolloutStatus, { description: 'Where it stands: the projected days against the deadline.' })
  status!: RolloutStatus;
}

/**
 * The days the pace is measured over when today is `today` (YYYY-MM-DD, Algiers): the `paceWeeks`
 * weeks of 7 days ending yesterday.
 */
export function paceWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -7 * paceWeeks), to: addDays(today, -1) };
}

/** The day acceptances of `weeklyPace` a week from `today` (counted) cover `remaining`; null at no pace or past the horizon. */
function completionAt(today: string, remaining: number, weeklyPace: number): string | null {
  if (weeklyPace <= 0) return null;
  const days = Math.ceil((7 * remaining) / weeklyPace);
  return days > horizonDays ? null : addDays(today, days - 1);
}

/**
 * The projection of a wilaya or of the country (see `RolloutProjection`) from its accepted and target
 * connections and its acceptances in each of the last `paceWeeks` weeks (oldest first), on `today`
 * against `deadline` (both YYYY-MM-DD, Algiers).
 */
export function projectRollout(
  figures: {
    readonly acceptedTotal: number;
    readonly targetConnections: number;
    readonly weeklyAcceptances: readonly number[];
  },
  today: string,
  deadline: string,
): RolloutProjection {
  const { acceptedTotal, targetConnections } = figures;
  const weeks = figures.weeklyAcceptances;
  const remaining = Math.max(0, targetConnections - acceptedTotal);
  const mean = weeks.reduce((sum, week) => sum + week, 0) / weeks.length;
  const variance = weeks.reduce((sum, week) => sum + (week - mean) ** 2, 0) / (weeks.length - 1);
  const margin = (tQuantile90 * Math.sqrt(variance)) / Math.sqrt(weeks.length);
  const low = Math.max(0, mean - margin);
  const high = mean + margin;
  const daysLeft = daysBetween(today, deadline) + 1;
  const reached = remaining === 0;
  const earliest = reached ? null : completionAt(today, remaining, high);
  const latest = reached ? null : completionAt(today, remaining, low);
  const window = paceWindow(today);
  return {
    deadline,
    targetConnections,
    acceptedTotal,
    remaining,
    paceFrom: window.from,
    paceTo: window.to,
    weeklyAcceptances: [...weeks],
    weeklyPace: mean,
    weeklyPaceLow: low,
    weeklyPaceHigh: high,
    earliestCompletion: earliest,
    latestCompletion: latest,
    neededWeeklyPace: reached ? 0 : daysLeft > 0 ? (7 * remaining) / daysLeft : null,
    status:
      targetConnections === 0
        ? RolloutStatus.NO_TARGET
        : reached
          ? RolloutStatus.REACHED
          : mean === 0
            ? RolloutStatus.NO_PACE
            : latest !== null && latest <= deadline
              ? RolloutStatus.ON_TRACK
              : earliest !== null && earliest <= deadline
                ? RolloutStatus.AT_RISK
                : RolloutStatus.BEHIND,
  };
}
