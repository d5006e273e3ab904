/**
 * The GraphQL operations the benchmark sends, to Raccord and to the hand-written baseline alike
 * (same text, same variables): the baseline's schema (`baseline/schema.ts`) holds only the fields
 * these ask for. The console documents (`consoleMix`) are copies of those in
 * console/src/features/{auth,reference-data,dashboard,work,invoices}/documents.ts that the console
 * sends when its main pages open (dashboard, work list, invoices list).
 */

/** (a) A customer subscription by id, with its commune (and wilaya), site and contractor. */
export const customerSubscriptionById = `query CustomerSubscriptionById($id: ID!) {
  customerSubscription(id: $id) {
    id version orderReference customerName customerPhone customerAddress offer status orderedAt appointmentAt statusChangedAt
    commune { id name nameAr wilaya { code name } }
    site { id code name status }
    contractor { id legalName tradeName status }
  }
}`;

/** (b) A page of the customer subscription list with filters (pass `first`, `after`, `filter`). */
export const customerSubscriptionPage = `query CustomerSubscriptionPage($first: Int, $after: String, $filter: CustomerSubscriptionFilterInput) {
  customerSubscriptions(first: $first, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id orderReference customerName status orderedAt commune { name } wilaya { code } contractor { legalName } site { code } } }
  }
}`;

/** The console's dashboard fragment (console/src/features/dashboard/documents.ts). */
const dashboardFigures = `fragment DashboardFigures on Dashboard {
  wilaya { code name nameAr }
  computedAt today acceptedToday acceptedThisMonth acceptedTotal targetConnections progress
  backlog { status customerSubscriptions }
  firstTimeRightRate firstTimeRightRateThisMonth medianDaysToAcceptance
  awaitingApproval { invoices amount { centimes } oldestDays averageDays }
  approvedUnpaid { invoices amount { centimes } oldestDays averageDays }
  acceptancesByDay { day accepted }
  wilayas { wilaya { code name nameAr } acceptedTotal targetConnections progress }
}`;

/** (c) The dashboard, as the console asks for it (national: no `wilayaCode`). */
export const dashboard = `query Dashboard($wilayaCode: String) {
  dashboard(wilayaCode: $wilayaCode) { ...DashboardFigures }
}
${dashboardFigures}`;

/** (d) An invoice with its lines and totals. */
export const invoiceWithLines = `query InvoiceWithLines($id: ID!) {
  invoice(id: $id) {
    id number period status fiscalRegime retentionPercent
    contractor { id legalName }
    lines { id itemCode designation unit quantity unitPrice { centimes } vatRatePercent amount { centimes } }
    totalExcludingTax { centimes }
    vatByRate { ratePercent base { centimes } amount { centimes } }
    totalIncludingTax { centimes }
    retention { centimes }
    netPayable { centimes }
  }
}`;

/** (e) Accepting an installation (INSTALLED, version 4): billed on the contractor's draft invoice. */
export const acceptInstallation = `mutation AcceptInstallation($input: AcceptInstallationInput!) {
  acceptInstallation(input: $input) { customerSubscription { id version status } }
}`;

/** (f) Importing AT's order backlog from CSV. */
export const importCustomerSubscriptions = `mutation ImportCustomerSubscriptions($csv: String!) {
  importCustomerSubscriptions(csv: $csv) { rows created skipped errorCount errors { line field reason } }
}`;

/** (g) The console's page loads: the documents its dashboard, work and invoices pages send when they open. */
export const consoleMix = {
  me: `query Me {
  me { id displayName email role wilayaCodes isContractorAdmin }
}`,
  wilayas: `query Wilayas {
  wilayas { code name nameAr communeCount }
}`,
  dashboard,
  customerSubscriptions: `query CustomerSubscriptions($first: Int, $after: String, $filter: CustomerSubscriptionFilterInput) {
  customerSubscriptions(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id orderReference customerName status statusChangedAt commune { name } wilaya { code } contractor { legalName } } }
  }
}`,
  invoices: `query Invoices($first: Int, $after: String, $filter: InvoiceFilterInput) {
  invoices(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id number period status issuedOn daysOverdue contractor { id legalName } netPayable { centimes } balanceDue { centimes } } }
  }
}`,
} as const;

/** The page-load mix: each console document with the variables its page opens with (page size 25, no filter). */
export const consoleMixRequests: readonly { query: string; variables: Record<string, unknown> }[] = [
  { query: consoleMix.me, variables: {} },
  { query: consoleMix.wilayas, variables: {} },
  { query: consoleMix.dashboard, variables: { wilayaCode: null } },
  { query: consoleMix.me, variables: {} },
  {
    query: consoleMix.customerSubscriptions,
    variables: { first: 25, after: null, filter: { status: null, wilayaCode: null } },
  },
  { query: consoleMix.invoices, variables: { first: 25, after: null, filter: { status: null, period: null } } },
];
