import { Field, InterfaceType } from 'type-graphql';
import type { LoggedEvent } from './change-log.js';
import { isResync, type Resync } from './events.js';
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

/** The description of every subscription's `after` argument. */
export const afterDescription =
  'Resume after this position (the `position` of the last event you received): the events logged since are replayed first, in order, then live ones follow, ' +
  'with no gap and no repeat. Left out: a RESYNC mark at the log’s current end comes first (refetch what you show), then live events. ' +
  'Errors: EVENTS_PRUNED (with `prunedThrough`) when events after it are no longer kept (CHANGE_LOG_RETENTION_DAYS); BAD_USER_INPUT when it is not a position or is past the log’s end.';

/** Where an event or a RESYNC mark stands in the log, for its payload. */
export function placeInLog(event: LoggedEvent | Resync): { position: string; occurredAt: Date | null } {
  return isResync(event)
    ? { position: event.position, occurredAt: null }
    : { position: event.position, occurredAt: event.occurredAt };
}
