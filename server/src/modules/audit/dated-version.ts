import { Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import type { Context } from '../../context.js';
import { AuditAction, type AuditEntityType } from './audit-event.entity.js';
import { recordAudit } from './audit.service.js';
import { badUserInput, DomainError, ErrorCode } from '../../common/errors.js';
import { DateTime, LocalDate } from '../../common/scalars.js';
import { algiersDate, now } from '../../common/time.js';

/**
 * A version of dated data (the price schedule, the service levels): in force from `effectiveFrom` to
 * the day before `effectiveTo` (open-ended when null). Its table's exclusion constraint keeps versions
 * from overlapping; a version in force never changes: new values make a new version.
 */
@ObjectType({
  description: 'A version of dated data in force over a range of dates: the price schedule, the service levels.',
})
export abstract class DatedVersion {
  @Field(() => String, { description: 'Name of the version.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => LocalDate, { description: 'First day in force (Algiers).' })
  @Property({ type: 'string', columnType: 'date' })
  effectiveFrom!: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First day no longer in force; null while it is the latest version.',
  })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  effectiveTo: string | null = null;

  @Field(() => DateTime, { description: 'When the version was recorded (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

type VersionEntity<V extends DatedVersion> = abstract new () => V;

/** The version of `entity` in force on `day` (YYYY-MM-DD, Algiers), or null. */
export function versionInForce<V extends DatedVersion & { id: string }>(
  em: EntityManager,
  entity: VersionEntity<V>,
  day: string,
): Promise<V | null> {
  return em.findOne(
    entity as never,
    {
      effectiveFrom: { $lte: day },
      $or: [{ effectiveTo: null }, { effectiveTo: { $gt: day } }],
    } as never,
  ) as Promise<V | null>;
}

/**
 * Ends the latest version of `entity` where a new one named `name` starts on `effectiveFrom`, audited
 * as `entityType`, and flushes it: the exclusion constraint checks each statement, so the latest must
 * end before the new one exists. The new one starts a day after today at the earliest (Algiers, by the
 * context's clock): a version in force never changes.
 * @throws DomainError BAD_USER_INPUT when `effectiveFrom` is today or earlier, CONFLICT when the latest version starts on or after it
 */
export async function endLatestVersion<V extends DatedVersion & { id: string }>(
  em: EntityManager,
  context: Context,
  entity: VersionEntity<V>,
  entityType: AuditEntityType,
  { name, effectiveFrom }: { name: string; effectiveFrom: string },
): Promise<void> {
  if (effectiveFrom <= algiersDate(now(context)))
    throw badUserInput('effectiveFrom', 'must be after today: a version in force is never changed');
  const latest = (await em.findOne(entity as never, { effectiveTo: null } as never)) as V | null;
  if (!latest) return;
  if (latest.effectiveFrom >= effectiveFrom) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `effectiveFrom: the latest version starts on ${latest.effectiveFrom}; a new one must start after it`,
      { field: 'effectiveFrom' },
    );
  }
  recordAudit(em, context, {
    entityType,
    entityId: latest.id,
    action: AuditAction.UPDATE,
    changes: [{ field: 'effectiveTo', from: null, to: effectiveFrom }],
    reason: `nouvelle version ${name}`,
  });
  latest.effectiveTo = effectiveFrom;
  await em.flush();
}
