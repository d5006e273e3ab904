import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import { parseInput, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditEntityType, AuditEvent } from './audit-event.entity.js';
import { auditTrail } from './audit-trail.service.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => [AuditEvent], {
    description:
      'Every audited change of one record, oldest first. Empty for an unknown id; BAD_USER_INPUT for a malformed one.',
    complexity: listOf(200),
  })
  auditTrail(
    @Arg('entityType', () => AuditEntityType, { description: 'Kind of record.' }) entityType: AuditEntityType,
    @Arg('entityId', () => ID, { description: 'Id of the record.' }) entityId: string,
    @Ctx() context: Context,
  ): Promise<AuditEvent[]> {
    return auditTrail(context, entityType, parseInput(recordId, entityId, 'entityId'));
  }
}
