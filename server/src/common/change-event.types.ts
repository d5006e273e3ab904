import { Field, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { isResync, type LoggedEvent, type Resync } from './events.js';
import { scanWindow } from './change-log.js';
import { listOf } from './query-limits.js';
import { DateTime } from './scalars.js';

/** What every event of a subscription says of its place in the change log. */
@InterfaceType({
  description:
    'An event of the change log, as a subscription delivers it: every change is logged in the transaction that makes it, with a position; ' +
    'events reach each subscriber in position order, each once, carrying the record as that change left it.',
})
export abstract class LoggedChange {
  @Field(() => String, {
    description:
      'Its position in the change log: a positive 64-bit integer, as a string of digits, increasing in commit order. ' +
      'Keep the last one you received: subscribing again with `after` set to it delivers every later event, and none twice.',
  })
  position!: string;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the change was made (UTC); null for a RESYNC mark.',
  })
  occurredAt!: Date | null;
}

/** The description of the `updatedSince` filter of the lists whose records have events. */
export const updatedSinceDescription =
  'Only records changed at or after this instant (UTC; their `updatedAt`): what a client away longer than the change log keeps must refetch, rather than every page.';

/** The description of every subscription's `after` argument. */
export const afterDescription =
  'Resume after this position (the `position` of the last event you received; "0": from the start of what the log keeps): the events logged since are replayed first, in order, then live ones follow, ' +
  'with no gap and no repeat. Left out: a RESYNC mark at the log’s current end comes first (refetch what you show), then live events. ' +
  'Errors: EVENTS_PRUNED (with `prunedThrough`) when events after it are no longer kept (CHANGE_LOG_RETENTION_DAYS); BAD_USER_INPUT when it is not a position or is past the log’s end.';

/** Where an event or a RESYNC mark stands in the log, for its payload. */
export function placeInLog(event: LoggedEvent | Resync): { position: string; occurredAt: Date | null } {
  return isResync(event)
    ? { position: event.position, occurredAt: null }
    : { position: event.position, occurredAt: event.occurredAt };
}

/**
 * The type of a page of one kind of event read from the change log by a polling client (`name` +
 * `ChangeFeed`), like the subscription of that kind delivers them.
 */
export function ChangeFeedType<T extends object>(Event: ClassType<T>, name: string) {
  @ObjectType(`${name}ChangeFeed`, {
    description: `${name} events after a position of the change log, in position order, for a client that polls rather than subscribes.`,
  })
  class ChangeFeed {
    @Field(() => [Event], {
      description: `The events you may see after \`after\`, in position order (at most \`first\`). A page examines at most ${scanWindow} positions of the log, so it may hold fewer than \`first\`, or none, while \`hasMore\` is true.`,
    })
    events!: T[];

    @Field(() => String, {
      description:
        'Where this page ends in the log (past the events you may not see too): ask again with `after` set to it for what follows.',
    })
    position!: string;

    @Field(() => Boolean, {
      description:
        'Whether the log already holds more after `position`: ask again at once; otherwise, at your next poll.',
    })
    hasMore!: boolean;
  }
  return ChangeFeed;
}

/** The description of the `first` argument of every change feed. */
/** How many events a feed's page holds at most when `first` is left out. */
export const feedDefaultFirst = 100;

export const feedFirstDescription = `How many events at most (1 to 500; ${feedDefaultFirst} when left out).`;

/** The cost of a feed's page: the events it may hold (`first`, else the default) priced as a list of them (see `costModel`). */
export const feedComplexity = listOf(feedDefaultFirst);
