/**
 * The scopes an API key can hold. A query needs the read scope of its resource; a mutation needs
 * `write:<mutation>`. Managing users and keys, and signing in, are never for keys.
 */
export const readScopes = {
  'Query.wilayas': 'read:referenceData',
  'Query.wilaya': 'read:referenceData',
  'Query.communes': 'read:referenceData',
  'Query.contractor': 'read:contractors',
  'Query.contractors': 'read:contractors',
  'Query.site': 'read:sites',
  'Query.sites': 'read:sites',
  'Query.customerSubscription': 'read:customerSubscriptions',
  'Query.customerSubscriptions': 'read:customerSubscriptions',
  'Query.technicians': 'read:customerSubscriptions',
  'Query.auditTrail': 'read:auditTrail',
  'Query.priceSchedules': 'read:priceSchedules',
  'Query.priceScheduleInForce': 'read:priceSchedules',
  'Query.workItems': 'read:priceSchedules',
  'Query.fieldSettings': 'read:customerSubscriptions',
  'Query.invoice': 'read:invoices',
  'Query.invoices': 'read:invoices',
  'Subscription.invoiceChanged': 'read:invoices',
  'Subscription.customerSubscriptionChanged': 'read:customerSubscriptions',
  'Subscription.siteChanged': 'read:sites',
  'Query.dashboard': 'read:dashboard',
  'Subscription.dashboardChanged': 'read:dashboard',
} as const satisfies Record<string, string>;

/** The scope each HTTP route with a rule of its own (`Http.<route>` in `operationRoles`) needs from a key. */
export const routeScopes = {
  'Http.uploadPhoto': 'write:reportInstallation',
  'Http.photo': 'read:personalData',
} as const satisfies Record<string, string>;

/** Scopes that open fields rather than operations. */
export const fieldScopes = ['read:personalData', 'read:bankAccounts'] as const;

/** Mutations a key may be given (`write:<name>`). */
export const writableMutations = [
  'createContractor',
  'updateContractor',
  'importContractors',
  'createSite',
  'updateSite',
  'assignSite',
  'startSite',
  'completeSite',
  'closeSite',
  'suspendSite',
  'resumeSite',
  'createCustomerSubscription',
  'updateCustomerSubscription',
  'importCustomerSubscriptions',
  'assignCustomerSubscription',
  'assignTechnician',
  'scheduleInstallation',
  'reportInstallation',
  'markInstallationFailed',
  'cancelCustomerSubscription',
  'acceptInstallation',
  'rejectInstallation',
  'submitInvoice',
  'approveInvoice',
  'requestInvoiceRevision',
  'resubmitInvoice',
  'issueCreditNote',
  'recordInvoicePayment',
] as const;

/** Every scope there is. */
export const allScopes: readonly string[] = [
  ...new Set(Object.values(readScopes)),
  ...fieldScopes,
  ...writableMutations.map((name) => `write:${name}`),
];

/** What a firm's own key may hold: reading its own work, and the steps a contractor takes. */
export const contractorScopes: readonly string[] = [
  'read:referenceData',
  'read:priceSchedules',
  'read:invoices',
  'read:contractors',
  'read:sites',
  'read:customerSubscriptions',
  'read:auditTrail',
  'read:personalData',
  'read:bankAccounts',
  'write:assignTechnician',
  'write:scheduleInstallation',
  'write:reportInstallation',
  'write:markInstallationFailed',
  'write:submitInvoice',
  'write:resubmitInvoice',
  'write:issueCreditNote',
];

/** The scope a root operation or an HTTP route needs from a key, or null when no key may run it. */
export function scopeFor(operation: string): string | null {
  if (operation in readScopes) return readScopes[operation as keyof typeof readScopes];
  if (operation in routeScopes) return routeScopes[operation as keyof typeof routeScopes];
  const [root, name] = operation.split('.');
  return root === 'Mutation' && (writableMutations as readonly string[]).includes(name!) ? `write:${name}` : null;
}
