import {
  Ctx,
  Arg,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import type { Context } from '../../context.js';
import { mayReadTechnician } from '../auth/scope.js';
import { User } from '../user/user.entity.js';
import { CustomerSubscription, type CustomerSubscriptionRecord } from './customer-subscription.entity.js';
import { CustomerSubscriptionRef } from './customer-subscription.inputs.js';
import { CustomerSubscriptionPayload } from './customer-subscription.resolver.js';
import { assignTechnician, listTechnicians, maxTechnicians } from './technician.service.js';
import { WorkPermissions, workPermissions } from './work-permissions.js';

@InputType({ description: "Give open work to one of its firm's technicians, or back to the firm as a whole." })
export class AssignTechnicianInput extends CustomerSubscriptionRef {
  @Field(() => ID, {
    nullable: true,
    description: 'An enabled TECHNICIAN user of the firm the work is assigned to; null: the firm as a whole.',
  })
  technicianId!: string | null;
}

@ObjectType({
  description:
    "A firm's field technician, as dispatching needs it: who it is and whether work can still be given to it.",
})
export class Technician {
  @Field(() => ID, {
    description:
      "The technician's user id: assignTechnician's technicianId, customerSubscriptions' filter.technicianId.",
  })
  id!: string;

  @Field(() => String, { description: 'Name shown in the console.' })
  displayName!: string;

  @Field(() => Boolean, {
    description:
      'Whether it is enabled: only an enabled technician is given work; a disabled one gave its open work back to the firm.',
  })
  enabled!: boolean;
}

/** Who does the work within the firm, and what the viewer may do to it. */
@Resolver(() => CustomerSubscription)
export class CustomerSubscriptionTechnicianResolver {
  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      "Gives open work (ASSIGNED, SCHEDULED, INSTALLED or REJECTED) to one of its firm's technicians, or back to the firm as a whole; the status stays. " +
      'Errors: NOT_FOUND (the work, or no such user in its firm), CONFLICT (stale expectedVersion), INVALID_TRANSITION (with currentStatus), ' +
      'TECHNICIAN_NOT_ELIGIBLE (not a TECHNICIAN, or disabled), BAD_USER_INPUT.',
  })
  async assignTechnician(
    @Arg('input', () => AssignTechnicianInput, {
      description: 'Which work, the version last seen, and the technician.',
    })
    input: AssignTechnicianInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return {
      customerSubscription: await assignTechnician(context, input.id, input.expectedVersion, input.technicianId),
    };
  }

  @Query(() => [Technician], {
    description:
      `The TECHNICIAN users of a firm, enabled or not, by name (at most ${maxTechnicians}): those its work can be given to (assignTechnician) and whose work ` +
      "the list can be filtered by. ADMIN (any firm) and the firm's CONTRACTOR users and keys (their own firm; another firm's technicians answer as none). " +
      'Errors: BAD_USER_INPUT (contractorId malformed, or left out by a viewer of no firm), FORBIDDEN.',
    complexity: listOf(50),
  })
  async technicians(
    @Arg('contractorId', () => ID, {
      nullable: true,
      description: "The firm; the viewer's own when left out (required for a viewer of no firm).",
    })
    contractorId: string | null,
    @Ctx() context: Context,
  ): Promise<Technician[]> {
    const users = await listTechnicians(context, contractorId);
    return users.map((user) => ({ id: user.id, displayName: user.displayName, enabled: user.disabledAt === null }));
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      "The firm's technician the work is given to; null when it is given to the firm as a whole, or when the viewer may not read it " +
      "(only ADMIN, DOT managers and the firm's own users and keys may).",
  })
  async technician(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'technician' | 'contractor'>,
    @Ctx() context: Context,
  ): Promise<User | null> {
    if (!subscription.technician || !subscription.contractor || !mayReadTechnician(context, subscription.contractor.id))
      return null;
    return context.em
      .getReference(User, subscription.technician.id, { wrapped: true })
      .loadOrFail({ dataloader: true });
  }

  @FieldResolver(() => WorkPermissions, {
    description: 'What the viewer may do to this work now (see WorkPermissions): the buttons to show.',
  })
  viewerCan(
    @Root() subscription: Pick<CustomerSubscriptionRecord, 'contractor' | 'wilaya' | 'technician' | 'status'>,
    @Ctx() context: Context,
  ): WorkPermissions {
    return workPermissions(context, subscription);
  }
}
