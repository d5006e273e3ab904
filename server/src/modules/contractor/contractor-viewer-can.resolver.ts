import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { mayChangeRecord } from '../auth/viewer-can.js';
import { Contractor } from './contractor.entity.js';
import { contractorLifecycle, type ContractorAction } from './contractor.lifecycle.js';

@ObjectType({
  description:
    'What the viewer may do to a contractor now, each action from the one rule the server enforces: the role (or API key scope) that ' +
    'may run its mutation and the status it may start from. The mutation may still refuse for a reason of the moment (a stale ' +
    'version, a NIF taken, open work in a wilaya left out).',
})
export class ContractorPermissions {
  @Field(() => Boolean, { description: 'updateContractor: change its identity, bank account or wilayas.' })
  update!: boolean;

  @Field(() => Boolean, { description: 'approveContractor: approve the application (PENDING_APPROVAL → ACTIVE).' })
  approve!: boolean;

  @Field(() => Boolean, { description: 'suspendContractor: suspend the ACTIVE firm.' })
  suspend!: boolean;

  @Field(() => Boolean, { description: 'reactivateContractor: reactivate the SUSPENDED firm.' })
  reactivate!: boolean;

  @Field(() => Boolean, { description: 'terminateContractor: end the contract, or close an application.' })
  terminate!: boolean;
}

/** Each action of `ContractorPermissions`: its mutation and its lifecycle transition (none: the status stays). */
const actions: Record<keyof ContractorPermissions, { mutation: string; transition: ContractorAction | null }> = {
  update: { mutation: 'updateContractor', transition: null },
  approve: { mutation: 'approveContractor', transition: 'APPROVE' },
  suspend: { mutation: 'suspendContractor', transition: 'SUSPEND' },
  reactivate: { mutation: 'reactivateContractor', transition: 'REACTIVATE' },
  terminate: { mutation: 'terminateContractor', transition: 'TERMINATE' },
};

/** What the viewer may do to `contractor`, one it sees (`contractorScope`). */
export function contractorPermissions(context: Context, contractor: Pick<Contractor, 'status'>): ContractorPermissions {
  const permissions = new ContractorPermissions();
  for (const [action, rule] of Object.entries(actions) as [keyof ContractorPermissions, (typeof actions)['approve']][])
    permissions[action] = mayChangeRecord(
      context,
      rule.mutation,
      contractorLifecycle,
      rule.transition,
      contractor.status,
    );
  return permissions;
}

@Resolver(() => Contractor)
export class ContractorViewerCanResolver {
  @FieldResolver(() => ContractorPermissions, {
    description: 'What the viewer may do to this contractor now (see ContractorPermissions): the buttons to show.',
  })
  viewerCan(@Root() contractor: Contractor, @Ctx() context: Context): ContractorPermissions {
    return contractorPermissions(context, contractor);
  }
}
