import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../common/scalars.js';
import { FailureReason } from '../customer-subscription/customer-subscription.entity.js';
import { ServiceLevelOwner, ServiceLevelStep } from '../service-level/service-level.entity.js';

export enum ScorecardWindow {
  LAST_30_DAYS = 'LAST_30_DAYS',
  LAST_90_DAYS = 'LAST_90_DAYS',
  MONTH = 'MONTH',
}
registerEnumType(ScorecardWindow, {
  name: 'ScorecardWindow',
  description:
    'The days a scorecard counts (Algiers days; a fact counts on the day it happened, a step on the day it ended).',
  valuesConfig: {
    LAST_30_DAYS: { description: 'The last 30 days, today included.' },
    LAST_90_DAYS: { description: 'The last 90 days, today included.' },
    MONTH: { description: 'One calendar month, given as `month` (the current one up to today).' },
  },
});

export enum ScorecardRankFigure {
  FIRST_TIME_RIGHT = 'FIRST_TIME_RIGHT',
  ON_TIME = 'ON_TIME',
}
registerEnumType(ScorecardRankFigure, {
  name: 'ScorecardRankFigure',
  description: 'What firms are ranked on.',
  valuesConfig: {
    FIRST_TIME_RIGHT: {
      description: 'The first-time-right rate (`Scorecard.firstTimeRightRate`), among the firms with work accepted.',
    },
    ON_TIME: {
      description:
        'The share of the firms’ own steps ended on time, all steps together, among the firms with such a step ended.',
    },
  },
});

@ObjectType({ description: 'How many failures had one reason.' })
export class ScorecardFailureCount {
  @Field(() => FailureReason, { description: 'The reason.' })
  reason!: FailureReason;

  @Field(() => Int, { description: 'How many pieces of work failed for it.' })
  count!: number;
}

@ObjectType({ description: 'How many rejections gave one reserve (its text, trimmed, in lower case).' })
export class ScorecardReserveCount {
  @Field(() => String, {
    description: 'The reserve, as DOT managers wrote it (trimmed, in lower case, at most 120 characters).',
  })
  reserve!: string;

  @Field(() => Int, { description: 'How many rejections gave it.' })
  count!: number;
}

@ObjectType({
  description:
    'How far the received power of the accepted work sits inside its network class’s window (the quality thresholds): the distance to the nearer edge, ' +
    'negative for work accepted outside it by an explicit override.',
})
export class ScorecardQualityMargin {
  @Field(() => Int, { description: 'Accepted work measured against thresholds.' })
  measured!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The average margin in dB, a decimal string with 3 decimals (e.g. "4.250"); null when none was measured.',
  })
  averageDb!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The smallest margin in dB, a decimal string with 3 decimals; null when none was measured.',
  })
  worstDb!: string | null;
}

@ObjectType({
  description:
    'The times of one step that ended in the window, against its service level (each run against the target in force when it started). ' +
    'Runs left before their target (cancelled, reassigned, rescheduled in time) count neither way.',
})
export class ScorecardStep {
  @Field(() => ServiceLevelStep, { description: 'The step.' })
  step!: ServiceLevelStep;

  @Field(() => ServiceLevelOwner, { description: 'Whose step it is.' })
  owner!: ServiceLevelOwner;

  @Field(() => Int, { description: 'Runs ended, met or missed.' })
  ended!: number;

  @Field(() => Int, { description: 'Runs ended within their target.' })
  onTime!: number;

  @Field(() => String, {
    nullable: true,
    description: 'onTime / ended, a decimal string from "0.0000" to "1.0000"; null when none ended.',
  })
  onTimeShare!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The median time, in minutes counted as each target says (working or calendar), read from a histogram: at most 10 % above the exact median. Null when none ended.',
  })
  medianMinutes!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The 90th percentile of the times, in minutes, read as the median is. Null when none ended.',
  })
  p90Minutes!: number | null;
}

@ObjectType({
  description:
    'A firm’s place among the firms of a wilaya, or of the country, on one figure, over a calendar month (Algiers). ' +
    'Firms with an equal figure share a place. No other firm is named.',
})
export class ScorecardRank {
  @Field(() => String, {
    nullable: true,
    description: 'The wilaya’s code whose firms it is ranked among; null: among the firms of the country.',
  })
  wilayaCode!: string | null;

  @Field(() => ScorecardRankFigure, { description: 'What it is ranked on.' })
  figure!: ScorecardRankFigure;

  @Field(() => Int, {
    nullable: true,
    description: 'Its place, 1 the best; null when it has nothing to be ranked on that month.',
  })
  rank!: number | null;

  @Field(() => Int, { description: 'How many firms are ranked.' })
  rankedFirms!: number;
}

@ObjectType({
  description:
    'The figures of a firm (in one wilaya or in all), a wilaya or the country over a window of days, counted as the work and the invoices changed. ' +
    'Rates and shares are decimal strings from "0.0000" to "1.0000" (null when there is nothing to divide).',
})
export class Scorecard {
  @Field(() => String, { nullable: true, description: 'The firm’s id; null: every firm.' })
  contractorId!: string | null;

  @Field(() => String, { nullable: true, description: 'The wilaya’s code; null: every wilaya.' })
  wilayaCode!: string | null;

  @Field(() => LocalDate, { description: 'The first day counted (Algiers).' })
  from!: string;

  @Field(() => LocalDate, { description: 'The last day counted (Algiers): today, or the month’s last day.' })
  to!: string;

  @Field(() => Int, { description: 'Work accepted.' })
  accepted!: number;

  @Field(() => Int, { description: 'Work accepted at its first report, never rejected.' })
  firstTimeRight!: number;

  @Field(() => String, { nullable: true, description: 'firstTimeRight / accepted.' })
  firstTimeRightRate!: string | null;

  @Field(() => Int, { description: 'Reports decided: accepted or rejected.' })
  decided!: number;

  @Field(() => Int, { description: 'Reports rejected with reserves.' })
  rejected!: number;

  @Field(() => String, { nullable: true, description: 'rejected / decided.' })
  rejectionRate!: string | null;

  @Field(() => [ScorecardReserveCount], { description: 'The five reserves given most often, most often first.' })
  topReserves!: ScorecardReserveCount[];

  @Field(() => Int, { description: 'Work that failed (could not be connected).' })
  failed!: number;

  @Field(() => String, {
    nullable: true,
    description: 'failed / (accepted + failed): the share of the work closed that failed.',
  })
  failureRate!: string | null;

  @Field(() => [ScorecardFailureCount], { description: 'The failures by reason, most first.' })
  failuresByReason!: ScorecardFailureCount[];

  @Field(() => ScorecardQualityMargin, { description: 'The quality margin of the work accepted.' })
  qualityMargin!: ScorecardQualityMargin;

  @Field(() => [ScorecardStep], {
    description:
      'Each step’s times, in the order of the work and then the invoice; AT’s steps too (`owner`). A wilaya’s scorecard has the steps of its work only; an invoice’s steps count for the firm and the country.',
  })
  steps!: ScorecardStep[];

  @Field(() => String, {
    nullable: true,
    description:
      'The month (YYYY-MM) `ranks` are over: the window’s month, or the current one for LAST_30_DAYS and LAST_90_DAYS. Null when there are no ranks.',
  })
  rankMonth!: string | null;

  @Field(() => [ScorecardRank], {
    description:
      'For a firm’s scorecard, its places among the firms of the country and of each wilaya it worked in that month; empty for the scorecard of a wilaya or the country.',
  })
  ranks!: ScorecardRank[];
}
