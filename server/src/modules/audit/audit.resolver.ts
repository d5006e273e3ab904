import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import { parseInput, recordId } from '../../common/validation.js';
import { ActorType, type Context } from '../../context.js';
import { viewerContractorId } from '../auth/scope.js';
import { User, UserRole } from '../user/user.entity.js';
import { AuditActor, AuditEntityType, AuditEvent } from './audit-event.entity.js';
import { auditTrail } from './audit-trail.service.js';

/** The organisation of AT's own users and API keys (those of no firm). */
const operatorName = 'Algérie Télécom';

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

  @FieldResolver(() => AuditActor, {
    description:
      'Who made the change: name and organisation; the e-mail of a user only to an ADMIN or a viewer of the same organisation.',
  })
  async actor(@Root() event: Pick<AuditEvent, 'actorType' | 'actorId'>, @Ctx() context: Context): Promise<AuditActor> {
    if (event.actorType === ActorType.SYSTEM || event.actorId === null)
      return { name: null, email: null, organisation: null };
    const loaders = context.loaders.audit;
    const actor =
      event.actorType === ActorType.USER
        ? await loaders.users.load(event.actorId)
        : await loaders.apiKeys.load(event.actorId);
    if (!actor) return { name: null, email: null, organisation: null };
    const firm = actor.contractor?.getEntity() ?? null;
    const viewer = context.viewer?.kind === 'user' ? context.viewer.user : null;
    const sameOrganisation = viewer !== null && (firm?.id ?? null) === viewerContractorId(context);
    const email = actor instanceof User && (viewer?.role === UserRole.ADMIN || sameOrganisation) ? actor.email : null;
    return {
      name: actor instanceof User ? actor.displayName : actor.name,
      email,
      organisation: firm?.legalName ?? operatorName,
    };
  }
}
