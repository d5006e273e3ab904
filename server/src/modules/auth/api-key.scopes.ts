import { registerEnumType } from 'type-graphql';

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
  'Query.serviceLevelSchedules': 'read:serviceLevels',
  'Query.serviceLevelScheduleInForce': 'read:serviceLevels',
  'Query.publicHolidays': 'read:serviceLevels',
  'Query.fieldSettings': 'read:customerSubscriptions',
  'Query.invoice': 'read:invoices',
  'Query.invoices': 'read:invoices',
  'Subscription.invoiceChanged': 'read:invoices',
  'Subscription.customerSubscriptionChanged': 'read:customerSubscriptions',
  'Subscription.siteChanged': 'read:sites',
  'Query.invoiceChanges': 'read:invoices',
  'Query.customerSubscriptionChanges': 'read:customerSubscriptions',
  'Query.siteChanges': 'read:sites',
  'Query.dashboard': 'read:dashboard',
  'Query.wilayaMap': 'read:dashboard',
  'Subscription.dashboardChanged': 'read:dashboard',
  'Query.scorecard': 'read:scorecards',
  'Query.scorecardTrend': 'read:scorecards',
  'Subscription.scorecardChanged': 'read:scorecards',
} as const satisfies Record<string, string>;

/** The scope each HTTP route with a rule of its own (`Http.<route>` in `operationRoles`) needs from a key. */
export const routeScopes = {
  'Http.uploadPhoto': 'write:reportInstallation',
  'Http.photo': 'read:personalData',
} as const satisfies Record<string, string>;

/** Each HTTP route with a rule of its own, as a client calls it. */
export const routePaths: Readonly<Record<keyof typeof routeScopes, string>> = {
  'Http.uploadPhoto': 'PUT /photos/<uuid>',
  'Http.photo': 'GET /photos/<id> and GET /photos/<id>/thumbnail',
};

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

/** What each read scope is for; the operations it opens are added from `readScopes` and `routeScopes`. */
const readScopePurposes: Readonly<
  Record<(typeof readScopes)[keyof typeof readScopes] | (typeof fieldScopes)[number], string>
> = {
  'read:referenceData': 'Reads the reference data: wilayas and communes.',
  'read:contractors': 'Reads the contractors (firms), also where another record names one.',
  'read:sites': 'Reads the sites, also where another record names one, and follows their changes.',
  'read:customerSubscriptions':
    'Reads the customer subscriptions (the work of each connection), a firm’s technicians and the field settings, and follows their changes.',
  'read:auditTrail': 'Reads the audit trail of the records the key may see.',
  'read:priceSchedules': 'Reads the price schedules (BPU) and their work items.',
  'read:serviceLevels': 'Reads the service levels (the target of each step) and the public holidays.',
  'read:invoices': 'Reads the invoices, with their lines, credit notes and payments, and follows their changes.',
  'read:dashboard': 'Reads the dashboard’s figures and a wilaya’s map, and follows the figures live.',
  'read:scorecards': 'Reads the scorecards (a firm’s key: its own firm’s) and follows them live.',
  'read:personalData':
    'Shows the fields that carry personal data (customers’ names, phones, addresses) on what the key reads, and the photos of the work.',
  'read:bankAccounts': 'Shows the fields that carry bank accounts (RIB) on what the key reads.',
};

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
  'read:serviceLevels',
  'read:scorecards',
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

/** The GraphQL name of a scope: "read:invoices" is READ_INVOICES, "write:createSite" WRITE_CREATE_SITE. */
export function scopeEnumName(scope: string): string {
  return scope
    .replace(':', '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase();
}

/** What a scope opens, for the schema: what it is for, then the operations and routes it opens. */
function scopeDescription(scope: string): string {
  const opens = [
    ...Object.entries(readScopes)
      .filter(([, needed]) => needed === scope)
      .map(([operation]) => `\`${operation}\``),
    ...(scope.startsWith('write:') ? [`\`Mutation.${scope.slice('write:'.length)}\``] : []),
    ...Object.entries(routeScopes)
      .filter(([, needed]) => needed === scope)
      .map(([route]) => routePaths[route as keyof typeof routeScopes]),
  ];
  const purpose = readScopePurposes[scope as keyof typeof readScopePurposes] ?? 'Runs one mutation.';
  const firm = contractorScopes.includes(scope) ? ' A firm’s key may hold it.' : '';
  return `${purpose}${opens.length > 0 ? ` Opens ${opens.join(', ')}.` : ''}${firm} The audit trail records it as "${scope}".`;
}

/**
 * The scopes as a GraphQL enum, READ_INVOICES for "read:invoices": an enum value cannot hold ":". The
 * server keeps and checks the "read:…" and "write:…" strings; GraphQL turns one into the other.
 */
export const ApiKeyScope: Readonly<Record<string, string>> = Object.fromEntries(
  allScopes.map((scope) => [scopeEnumName(scope), scope]),
);

registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description:
    'What an API key may do. A query or subscription needs the READ_ scope of what it reads; a mutation its own WRITE_ scope ' +
    '(WRITE_CREATE_SITE runs createSite); READ_PERSONAL_DATA and READ_BANK_ACCOUNTS open fields rather than operations. ' +
    'Managing users and keys, and signing in, are never for keys. A key bound to a firm may hold only the scopes that say so. ' +
    'The audit trail records a key’s scopes as "read:invoices" for READ_INVOICES, "write:createSite" for WRITE_CREATE_SITE.',
  valuesConfig: Object.fromEntries(
    allScopes.map((scope) => [scopeEnumName(scope), { description: scopeDescription(scope) }]),
  ),
});
