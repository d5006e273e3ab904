import { Field, ObjectType } from 'type-graphql';
import type { Context } from '../../context.js';
import { UserRole } from '../user/user.entity.js';
import { grantableRoles, mayManageAccess } from './access-managers.js';
import { mayReadTechnicians, viewerTechnicianId, viewerWilayas } from './scope.js';

@ObjectType({
  description:
    'What the viewer may do beyond any one record, each answer from the rule the server enforces: the pages and controls a client ' +
    'shows. The root operations it may run are `viewerOperations`; what it may do to one record, the `viewerCan` of Invoice, Site, ' +
    'Contractor and CustomerSubscription. An anonymous caller may do none of it.',
})
export class ViewerPermissions {
  @Field(() => Boolean, {
    description:
      'users, createUser, disableUser, apiKeys, createApiKey, revokeApiKey: manage who signs in and which applications call the API. ' +
      "An ADMIN manages everyone's, a contractor's admin its own firm's; no other user, and never an API key.",
  })
  manageAccess!: boolean;

  @Field(() => [UserRole], {
    description:
      "createUser: the roles the viewer may give a new user, in the order of UserRole. Every role for an ADMIN; CONTRACTOR and TECHNICIAN (of its own firm) for a contractor's admin; none for anyone else.",
  })
  grantRoles!: UserRole[];

  @Field(() => Boolean, {
    description:
      "CustomerSubscription.technician: whether the viewer may read which of a firm's technicians does a piece of work. ADMIN and " +
      "DOT managers (who check the work), a firm's users and keys (their own firm's work); not FINANCE, VIEWER or a key of no firm, " +
      'to whom the field is always null.',
  })
  seeTechnicians!: boolean;

  @Field(() => [String], {
    nullable: true,
    description:
      'The wilayas the viewer is limited to, codes "01" to "58" as its account lists them: a DOT manager\'s, whose sites, work, ' +
      'invoice approvals and dashboards are those of its wilayas only (no national dashboard). Null when no wilaya limits the viewer ' +
      "(a firm's users and keys are limited to their firm instead); empty for an anonymous caller.",
  })
  wilayas!: string[] | null;

  @Field(() => Boolean, {
    description:
      "Whether the viewer works in the field only: a TECHNICIAN, who sees its firm's open work given to it or to the firm as a whole, " +
      'and nothing about money (no invoice, amount, price or dashboard).',
  })
  fieldOnly!: boolean;
}

/** What the viewer may do beyond any one record (`ViewerPermissions`), from the rules of access-managers.ts and scope.ts. */
export function viewerPermissions(context: Context): ViewerPermissions {
  const signedIn = context.viewer !== null;
  const permissions = new ViewerPermissions();
  permissions.manageAccess = mayManageAccess(context);
  permissions.grantRoles = grantableRoles(context);
  permissions.seeTechnicians = signedIn && mayReadTechnicians(context);
  permissions.wilayas = signedIn ? viewerWilayas(context) : [];
  permissions.fieldOnly = viewerTechnicianId(context) !== null;
  return permissions;
}
