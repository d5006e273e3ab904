import { Arg, Ctx, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { z } from 'zod';
import type { LoggedEvent } from '../../common/change-log.js';
import type { Resync } from '../../common/events.js';
import { parseInput, wilayaFilterRule } from '../../common/validation.js';
import { renewForEvent, type Context } from '../../context.js';
import { liveEvents, overWebSocket } from '../auth/live.js';
import { requireOperationAccess } from '../auth/permissions.js';
import './scorecard.events.js';
import {
  readScorecardTrend,
  requireScorecardAccess,
  todayOf,
  viewerScorecard,
  windowDays,
  type ScorecardScope,
} from './scorecard.service.js';
import { Scorecard, ScorecardWindow } from './scorecard.types.js';

const whoseRule =
  'A firm’s users and keys read their own firm’s only (contractorId left out means theirs; another firm’s answers NOT_FOUND); ' +
  'a DOT manager reads its wilayas’ and their firms’, naming one of its wilayas (FORBIDDEN otherwise); head office reads every one.';

/** An argument's description, for the root field that reads (or follows) `what`. */
const describe = {
  contractorId: (what: string) => `The firm whose ${what}; every firm when left out.`,
  wilayaCode: (what: string) => `The wilaya whose ${what}; every wilaya when left out. ${wilayaFilterRule}`,
  window: (what: string) => `The days ${what} counts; LAST_30_DAYS when left out or null.`,
  month: (what: string) => `The month ${what} counts, YYYY-MM, with window MONTH only (BAD_USER_INPUT otherwise).`,
};

const monthsSchema = z
  .number()
  .int()
  .min(1, { error: 'must be from 1 to 24' })
  .max(24, { error: 'must be from 1 to 24' });

@Resolver(() => Scorecard)
export class ScorecardResolver {
  @Query(() => Scorecard, {
    description:
      'The scorecard of a firm (in a wilaya, or in all of them), of a wilaya, or of the country, over a window of days: volume, first time right, rejections and their reserves, failures, ' +
      'quality margin, and each step’s times against its service level; for a firm, its ranks. Read from counters kept as the work changes (a few seconds behind a change at most). ' +
      `${whoseRule} Errors: BAD_USER_INPUT (a malformed id or month, a code no wilaya has, a month without window MONTH or MONTH without a month), NOT_FOUND, FORBIDDEN.`,
  })
  async scorecard(
    @Arg('contractorId', () => ID, { nullable: true, description: describe.contractorId('scorecard to read') })
    contractorId: string | null,
    @Arg('wilayaCode', () => String, { nullable: true, description: describe.wilayaCode('figures to read') })
    wilayaCode: string | null,
    @Arg('window', () => ScorecardWindow, {
      nullable: true,
      defaultValue: ScorecardWindow.LAST_30_DAYS,
      description: describe.window('the scorecard'),
    })
    window: ScorecardWindow | null,
    @Arg('month', () => String, { nullable: true, description: describe.month('the scorecard') }) month: string | null,
    @Ctx() context: Context,
  ): Promise<Scorecard> {
    const scope = await requireScorecardAccess(context, { contractorId, wilayaCode });
    return viewerScorecard(context, scope, window, month);
  }

  @Query(() => [Scorecard], {
    description:
      'The scorecard of a firm, a wilaya or the country in each calendar month up to the current one, oldest first, without ranks: the trend. ' +
      `${whoseRule} Errors: BAD_USER_INPUT (months outside 1–24, a malformed id, a code no wilaya has), NOT_FOUND, FORBIDDEN.`,
  })
  async scorecardTrend(
    @Arg('contractorId', () => ID, { nullable: true, description: describe.contractorId('months to read') })
    contractorId: string | null,
    @Arg('wilayaCode', () => String, { nullable: true, description: describe.wilayaCode('months to read') })
    wilayaCode: string | null,
    @Arg('months', () => Int, {
      nullable: true,
      defaultValue: 12,
      description: 'How many months, 1 to 24, the current one included; 12 when left out or null.',
    })
    months: number | null,
    @Ctx() context: Context,
  ): Promise<Scorecard[]> {
    const count = parseInput(monthsSchema, months ?? 12, 'months');
    const scope = await requireScorecardAccess(context, { contractorId, wilayaCode });
    return readScorecardTrend(context.em, scope, count, todayOf(context));
  }

  @Subscription(() => Scorecard, {
    subscribe: async ({ args, context, info }) => {
      const live = context as Context;
      requireOperationAccess(live, 'Subscription', info.fieldName);
      const scope: ScorecardScope = await requireScorecardAccess(live, args);
      windowDays(
        (args['window'] as ScorecardWindow | null) ?? ScorecardWindow.LAST_30_DAYS,
        args['month'] as string | null,
        todayOf(live),
      );
      return liveEvents(
        live,
        info.fieldName,
        'SCORECARD_CHANGED',
        {},
        {
          wants: (event) =>
            (scope.contractorId === null || event.payload.contractorIds.includes(scope.contractorId)) &&
            (scope.wilayaCode === null || event.payload.wilayaCodes.includes(scope.wilayaCode)),
        },
      );
    },
    description:
      'A scorecard (as Query.scorecard gives it) at once, then again each time its figures move: as work is accepted, rejected, failed, and as steps and invoices move. ' +
      `${overWebSocket} Errors as Query.scorecard.`,
  })
  async scorecardChanged(
    @Root() _event: LoggedEvent<'SCORECARD_CHANGED'> | Resync,
    @Arg('contractorId', () => ID, { nullable: true, description: describe.contractorId('scorecard to follow') })
    contractorId: string | null,
    @Arg('wilayaCode', () => String, { nullable: true, description: describe.wilayaCode('figures to follow') })
    wilayaCode: string | null,
    @Arg('window', () => ScorecardWindow, {
      nullable: true,
      defaultValue: ScorecardWindow.LAST_30_DAYS,
      description: describe.window('the followed scorecard'),
    })
    window: ScorecardWindow | null,
    @Arg('month', () => String, { nullable: true, description: describe.month('the followed scorecard') })
    month: string | null,
    @Ctx() context: Context,
  ): Promise<Scorecard> {
    renewForEvent(context);
    const scope = await requireScorecardAccess(context, { contractorId, wilayaCode });
    return viewerScorecard(context, scope, window, month);
  }
}
