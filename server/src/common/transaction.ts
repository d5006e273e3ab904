import {
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { writeEvents } from './change-log.js';
import { eventsOf, openEvents, type RaccordEvent } from './events.js';
import { now } from './time.js';
import { DomainError, ErrorCode } from './errors.js';

/** The field behind each unique constraint, to name it when two requests race for one value. */
const uniqueFields: Record<string, string> = {
  contractor_nif_unique: 'nif',
  site_code_unique: 'code',
  customer_subscription_order_reference_unique: 'orderReference',
};

/**
 * Runs `work` in one database transaction on a fork of the context's EntityManager: everything it
 * persists (the change, its audit events and the events it announced, written to the change log) is
 * flushed and committed together, or nothing is; this process is told of the events once it commits.
 * Database refusals that a client can cause become coded errors: a concurrent update of the same
 * version → `CONFLICT`; a unique value already taken → `CONFLICT` naming the constraint.
 */
export async function inTransaction<T>(context: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    let events: RaccordEvent[] = [];
    const result = await context.em.transactional(async (em) => {
      const pending = openEvents(em as EntityManager);
      const result = await work(em as EntityManager);
      // The events read the records as the change leaves them: flushed, their versions moved.
      await em.flush();
      events = await eventsOf(pending);
      await writeEvents(em as EntityManager, events, now(context));
      return result;
    });
    context.settings?.events?.publish(events);
    return result;
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'This record changed while you were saving it: reload it and try again',
        {
          field: 'expectedVersion',
        },
      );
    }
    if (error instanceof UniqueConstraintViolationException) {
      const field = uniqueFields[(error as { constraint?: string }).constraint ?? ''];
      throw new DomainError(
        ErrorCode.CONFLICT,
        field
          ? `${field}: this value was just taken by another request`
          : 'A record with these values was just created by another request: run it again',
        field ? { field } : {},
      );
    }
    if (error instanceof ForeignKeyConstraintViolationException) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'A record this change refers to does not exist', {});
    }
    throw error;
  }
}
