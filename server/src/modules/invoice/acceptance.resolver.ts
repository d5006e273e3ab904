import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { CustomerSubscriptionPayload } from '../customer-subscription/customer-subscription.resolver.js';
import { acceptInstallation, rejectInstallation } from './acceptance.service.js';
import { AcceptInstallationInput, RejectInstallationInput } from './invoice.inputs.js';

/** Acceptance of installed work: accepted (and billed at once) or rejected with reserves. */
@Resolver()
export class AcceptanceResolver {
  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      'INSTALLED → ACCEPTED, billed at once on the contractor’s DRAFT invoice of the month (Algiers). Errors: INVALID_TRANSITION, ' +
      'QUALITY_OVERRIDE_REQUIRED, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async acceptInstallation(
    @Arg('input', () => AcceptInstallationInput, { description: 'Which installation.' }) input: AcceptInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await acceptInstallation(context, input) };
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      'INSTALLED → REJECTED with reserves; nothing billed. Errors: INVALID_TRANSITION, CONFLICT, NOT_FOUND, BAD_USER_INPUT.',
  })
  async rejectInstallation(
    @Arg('input', () => RejectInstallationInput, { description: 'Which installation, and its reserves.' })
    input: RejectInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await rejectInstallation(context, input) };
  }
}
