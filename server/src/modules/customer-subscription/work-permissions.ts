import { Field, ObjectType } from 'type-graphql';
import { maySeeWork, placeOf } from '../auth/live.js';
import type { Context } from '../../context.js';
import { mayChangeRecord } from '../auth/viewer-can.js';
import type { CustomerSubscriptionRecord, CustomerSubscriptionStatus } from './customer-subscription.entity.js';
import {
  customerSubscriptionLifecycle as lifecycle,
  fieldStatuses,
  type CustomerSubscriptionAction,
} from './customer-subscription.lifecycle.js';

@ObjectType({
  description:
    'What the viewer may do to a customer subscription now, each action from the one rule the server enforces: the role (or API key scope) ' +
    'that may run its mutation, the status it may start from, and the rows the viewer may act on. The mutation may still refuse for a ' +
    'reason of the moment (a stale version, a suspended firm, a closed site).',
})
export class WorkPermissions {
  @Field(() => Boolean, { description: 'assignCustomerSubscription: give it (again) to a firm.' })
  assign!: boolean;

  @Field(() => Boolean, {
    description: "assignTechnician: give it to one of its firm's technicians, or back to the firm as a whole.",
  })
  assignTechnician!: boolean;

  @Field(() => Boolean, { description: 'scheduleInstallation: book or move the appointment.' })
  schedule!: boolean;

  @Field(() => Boolean, { description: 'reportInstallation: report the installation done.' })
  report!: boolean;

  @Field(() => Boolean, { description: 'markInstallationFailed: declare that the connection could not be made.' })
  fail!: boolean;

  @Field(() => Boolean, { description: 'cancelCustomerSubscription: cancel the order.' })
  cancel!: boolean;

  @Field(() => Boolean, { description: 'acceptInstallation: accept the installation (and bill it).' })
  accept!: boolean;

  @Field(() => Boolean, { description: 'rejectInstallation: reject the installation with reserves.' })
  reject!: boolean;
}

/** Each action of `WorkPermissions`: the mutation that does it, and its lifecycle transition (none: the status stays). */
const actions: Record<keyof WorkPermissions, { mutation: string; transition: CustomerSubscriptionAction | null }> = {
  assign: { mutation: 'assignCustomerSubscription', transition: 'ASSIGN' },
  assignTechnician: { mutation: 'assignTechnician', transition: null },
  schedule: { mutation: 'scheduleInstallation', transition: 'SCHEDULE' },
  report: { mutation: 'reportInstallation', transition: 'REPORT_INSTALLATION' },
  fail: { mutation: 'markInstallationFailed', transition: 'FAIL' },
  cancel: { mutation: 'cancelCustomerSubscription', transition: 'CANCEL' },
  accept: { mutation: 'acceptInstallation', transition: 'ACCEPT' },
  reject: { mutation: 'rejectInstallation', transition: 'REJECT' },
};

/**
 * What the viewer may do to `subscription`: each mutation's access rule and lifecycle transition from
 * its status (`mayChangeRecord`, the rule of sites, contractors and invoices too), the row scope
 * (`maySeeWork`, the rule of `workScope`), and for assignTechnician, which moves no status, open
 * work given to a firm (`fieldStatuses`).
 */
export function workPermissions(
  context: Context,
  subscription: Pick<CustomerSubscriptionRecord, 'contractor' | 'wilaya' | 'technician' | 'status'>,
): WorkPermissions {
  const inScope = maySeeWork(context, placeOf(subscription));
  const openFirmWork =
    subscription.contractor !== null &&
    (fieldStatuses as readonly CustomerSubscriptionStatus[]).includes(subscription.status);
  const permissions = new WorkPermissions();
  for (const [action, rule] of Object.entries(actions) as [
    keyof WorkPermissions,
    (typeof actions)[keyof WorkPermissions],
  ][]) {
    permissions[action] =
      inScope &&
      mayChangeRecord(context, rule.mutation, lifecycle, rule.transition, subscription.status) &&
      (rule.transition !== null || openFirmWork);
  }
  return permissions;
}
