import {
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { committedEvents, openEvents, type PendingEvent } from './events.js';
import { DomainError, ErrorCode } from './errors.js';

/** The field behind each unique constraint, to name it when two requests race for one value. */
const uniqueFields: Record<string, string> = {
  contractor_nif_unique: 'nif',
  site_code_unique: 'code',
  customer_subscription_order_reference_unique: 'orderReference',
};

/**
 * Runs `work` in one database transaction on a fork of the context's EntityManager: everything it
 * persists (the change and its audit events) is flushed and committed together, or nothing is. The
 * events it announced are published after the commit, never for a rollback.
 * Database refusals that a client can cause become coded errors: a concurrent update of the same
 * version → `CONFLICT`; a unique value already taken → `CONFLICT` naming the constraint.
 */
export async function inTransaction<T>(context: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    let pending: PendingEvent[] = [];
    const result = await context.em.transactional((em) => {
      pending = openEvents(em as EntityManager);
      return work(em as EntityManager);
    });
    context.settings?.events?.publish(committedEvents(pending, context.logger));
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
