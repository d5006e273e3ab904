import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { DomainError, ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { UserRole } from '../user/user.entity.js';
import { scopeFor } from './api-key.scopes.js';
import { requireRole, requireScope } from './policies.js';

/** Open to anyone, signed in or not. */
export const PUBLIC = 'PUBLIC';

const { ADMIN, DOT_MANAGER, FINANCE, CONTRACTOR, TECHNICIAN, VIEWER } = UserRole;
const everyone = [ADMIN, DOT_MANAGER, FINANCE, CONTRACTOR, TECHNICIAN, VIEWER] as const;
/** Everyone but the field: what carries money (invoices, amounts, prices, the dashboard's figures). */
const office = [ADMIN, DOT_MANAGER, FINANCE, CONTRACTOR, VIEWER] as const;

/**
 * Who may run each root operation, in one place (roles of docs/domain.md, "Who uses Raccord"), and each HTTP route that
 * serves what an operation would (`Http.<route>`). Rows are scoped further in the services: a
 * CONTRACTOR sees and acts on its own firm's work only, a TECHNICIAN on its firm's open work given to
 * it or to the firm as a whole, a DOT_MANAGER in its wilayas only. An operation missing here is
 * refused, and a test fails.
 */
export const operationRoles: Readonly<Record<string, readonly UserRole[] | typeof PUBLIC>> = {
  'Mutation.login': PUBLIC,
  'Query.me': PUBLIC,
  'Query.viewerOperations': PUBLIC,
  'Query.viewerCan': PUBLIC,
  'Query.passwordResetAvailable': PUBLIC,
  'Mutation.requestPasswordReset': PUBLIC,
  'Mutation.resetPassword': PUBLIC,
  'Mutation.logout': everyone,
  'Mutation.setMyLanguage': everyone,
  'Mutation.sendPasswordReset': [ADMIN, CONTRACTOR],
  'Mutation.createUser': [ADMIN, CONTRACTOR],
  'Mutation.disableUser': [ADMIN, CONTRACTOR],
  'Query.users': [ADMIN, CONTRACTOR],
  'Query.apiKeys': [ADMIN, CONTRACTOR],
  'Mutation.createApiKey': [ADMIN, CONTRACTOR],
  'Mutation.revokeApiKey': [ADMIN, CONTRACTOR],
  'Query.webhookEndpoints': [ADMIN, CONTRACTOR],
  'Query.webhookEndpoint': [ADMIN, CONTRACTOR],
  'Mutation.createWebhookEndpoint': [ADMIN, CONTRACTOR],
  'Mutation.updateWebhookEndpoint': [ADMIN, CONTRACTOR],
  'Mutation.deleteWebhookEndpoint': [ADMIN, CONTRACTOR],
  'Mutation.rotateWebhookEndpointSecret': [ADMIN, CONTRACTOR],
  'Mutation.enableWebhookEndpoint': [ADMIN, CONTRACTOR],
  'Mutation.disableWebhookEndpoint': [ADMIN, CONTRACTOR],
  'Mutation.redeliverWebhookDelivery': [ADMIN, CONTRACTOR],

  'Query.wilayas': everyone,
  'Query.wilaya': everyone,
  'Query.communes': everyone,
  'Query.auditTrail': everyone,
  'Query.search': everyone,

  'Query.contractor': everyone,
  'Query.contractors': everyone,
  'Mutation.createContractor': [ADMIN],
  'Mutation.updateContractor': [ADMIN],
  'Mutation.approveContractor': [ADMIN],
  'Mutation.suspendContractor': [ADMIN],
  'Mutation.reactivateContractor': [ADMIN],
  'Mutation.terminateContractor': [ADMIN],
  'Mutation.importContractors': [ADMIN],

  'Query.site': everyone,
  'Query.sites': everyone,
  'Mutation.createSite': [ADMIN, DOT_MANAGER],
  'Mutation.updateSite': [ADMIN, DOT_MANAGER],
  'Mutation.assignSite': [ADMIN, DOT_MANAGER],
  'Mutation.startSite': [ADMIN, DOT_MANAGER],
  'Mutation.completeSite': [ADMIN, DOT_MANAGER],
  'Mutation.closeSite': [ADMIN, DOT_MANAGER],
  'Mutation.suspendSite': [ADMIN, DOT_MANAGER],
  'Mutation.resumeSite': [ADMIN, DOT_MANAGER],

  'Query.priceSchedules': office,
  'Query.priceScheduleInForce': office,
  'Query.workItems': everyone,
  'Query.fieldSettings': everyone,
  'Mutation.createPriceScheduleVersion': [ADMIN],
  'Query.serviceLevelSchedules': everyone,
  'Query.serviceLevelScheduleInForce': everyone,
  'Query.publicHolidays': everyone,
  'Mutation.createServiceLevelScheduleVersion': [ADMIN],
  'Mutation.addPublicHoliday': [ADMIN],
  'Mutation.removePublicHoliday': [ADMIN],

  'Query.customerSubscription': everyone,
  'Query.customerSubscriptions': everyone,
  'Mutation.createCustomerSubscription': [ADMIN, DOT_MANAGER],
  'Mutation.updateCustomerSubscription': [ADMIN, DOT_MANAGER],
  'Mutation.importCustomerSubscriptions': [ADMIN],
  'Mutation.assignCustomerSubscription': [ADMIN, DOT_MANAGER],
  'Mutation.assignTechnician': [ADMIN, CONTRACTOR],
  'Query.technicians': [ADMIN, CONTRACTOR],
  'Mutation.scheduleInstallation': [ADMIN, DOT_MANAGER, CONTRACTOR, TECHNICIAN],
  'Mutation.reportInstallation': [ADMIN, CONTRACTOR, TECHNICIAN],
  'Mutation.markInstallationFailed': [ADMIN, DOT_MANAGER, CONTRACTOR, TECHNICIAN],
  'Mutation.cancelCustomerSubscription': [ADMIN, DOT_MANAGER],
  'Mutation.acceptInstallation': [ADMIN, DOT_MANAGER],
  'Mutation.rejectInstallation': [ADMIN, DOT_MANAGER],
  'Query.invoice': office,
  'Query.invoices': office,
  'Mutation.submitInvoice': [ADMIN, CONTRACTOR],
  'Mutation.approveInvoice': [ADMIN, DOT_MANAGER, FINANCE],
  'Mutation.requestInvoiceRevision': [ADMIN, DOT_MANAGER, FINANCE],
  'Mutation.resubmitInvoice': [ADMIN, CONTRACTOR],
  'Mutation.issueCreditNote': [ADMIN, CONTRACTOR],
  'Mutation.recordInvoicePayment': [ADMIN, FINANCE],
  'Subscription.invoiceChanged': office,
  'Query.invoiceChanges': office,
  'Query.customerSubscriptionChanges': everyone,
  'Query.siteChanges': everyone,
  'Subscription.customerSubscriptionChanged': everyone,
  'Subscription.siteChanged': everyone,
  'Query.dashboard': [ADMIN, DOT_MANAGER, FINANCE, VIEWER],
  'Query.wilayaMap': [ADMIN, DOT_MANAGER, FINANCE, VIEWER],
  'Subscription.dashboardChanged': [ADMIN, DOT_MANAGER, FINANCE, VIEWER],
  'Query.scorecard': everyone,
  'Query.scorecardTrend': everyone,
  'Subscription.scorecardChanged': everyone,

  'Query.notifications': everyone,
  'Query.unreadNotificationCount': everyone,
  'Query.notificationPreferences': everyone,
  'Mutation.markNotificationsRead': everyone,
  'Mutation.updateNotificationPreferences': everyone,
  'Subscription.notificationAdded': everyone,

  'Http.uploadPhoto': [ADMIN, CONTRACTOR, TECHNICIAN],
  'Http.photo': [ADMIN, DOT_MANAGER, CONTRACTOR, TECHNICIAN],
};

/** Whether the viewer may run `operation` ("Mutation.scheduleInstallation"): `requireOperationAccess` without the error. */
export function mayRunOperation(context: Pick<Context, 'viewer'>, operation: string): boolean {
  const roles = operationRoles[operation];
  if (roles === undefined) return false;
  if (roles === PUBLIC) return true;
  const viewer = context.viewer;
  if (viewer?.kind === 'apiKey') {
    const scope = scopeFor(operation);
    return scope !== null && viewer.apiKey.scopes.includes(scope);
  }
  return viewer !== null && roles.includes(viewer.user.role);
}

/**
 * Whether the viewer may run the root operation `root.fieldName` (e.g. "Query", "invoice"): a user
 * against `operationRoles`, an API key against its scopes (`scopeFor`). Also used by the HTTP routes
 * that serve what an operation serves (an invoice's PDF follows `Query.invoice`), and by those with
 * a rule of their own ("Http", "uploadPhoto").
 * @throws DomainError UNAUTHENTICATED (anonymous), FORBIDDEN (role, or no rule for the operation)
 */
export function requireOperationAccess(context: Context, root: string, fieldName: string): void {
  const roles = operationRoles[`${root}.${fieldName}`];
  if (roles === undefined) throw new DomainError(ErrorCode.FORBIDDEN, `${fieldName} has no access rule`);
  if (roles === PUBLIC) return;
  if (context.viewer?.kind === 'apiKey') requireScope(context, scopeFor(`${root}.${fieldName}`));
  else requireRole(context, roles);
}

/**
 * Makes every root field (query, mutation, subscription) check `requireOperationAccess` before its
 * resolver runs (a subscription's before each event it resolves), on HTTP and WebSocket alike, since
 * it is part of the schema. Only root fields are wrapped: a global type-graphql middleware would also
 * wrap every field of every object in promises, several times the CPU of a list page.
 * @returns `schema`, its root fields' `resolve` wrapped in place
 */
export function authorizeRootFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    const root = type.name;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        requireOperationAccess(context, root, info.fieldName);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
