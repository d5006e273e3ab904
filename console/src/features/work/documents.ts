import { ImportReportFields, ServiceLevelClockFields } from '../../components/documents.ts';
import { graphql } from '../../lib/graphql.ts';

/** What a line of the customer subscriptions' table shows (CustomerSubscriptionsTable.tsx), wherever they are listed. */
export const CustomerSubscriptionsTableRow = graphql(`
  fragment CustomerSubscriptionsTableRow on CustomerSubscription {
    id
    orderReference
    customerName
    status
    statusChangedAt
    appointmentAt
    commune {
      name
    }
    wilaya {
      code
    }
    contractor {
      legalName
    }
    technician {
      displayName
    }
    site {
      code
    }
  }
`);

/** One page of a list of customer subscriptions, as CustomerSubscriptionsTable and the pager show it. */
export const PagedCustomerSubscriptions = graphql(
  `
    fragment PagedCustomerSubscriptions on CustomerSubscriptionConnection {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CustomerSubscriptionsTableRow
        }
      }
    }
  `,
  [CustomerSubscriptionsTableRow],
);

export const CustomerSubscriptionsQuery = graphql(
  `
    query CustomerSubscriptions($first: Int, $after: String, $filter: CustomerSubscriptionFilterInput) {
      customerSubscriptions(first: $first, after: $after, filter: $filter) {
        ...PagedCustomerSubscriptions
      }
    }
  `,
  [PagedCustomerSubscriptions],
);

/** What an installation report shows wherever it is read (InstallationReportDetails.tsx). */
export const InstallationReportDetailsFields = graphql(`
  fragment InstallationReportDetailsFields on InstallationReport {
    installedAt
    technicianName
    networkClass
    receivedPowerDbm
    spliceLossDb
    qualityIssues
    thresholds {
      minReceivedPowerDbm
      maxReceivedPowerDbm
      maxSpliceLossDb
    }
    remarks
    lines {
      code
      quantity
    }
  }
`);

export const CustomerSubscriptionQuery = graphql(
  `
    query CustomerSubscription($id: ID!) {
      customerSubscription(id: $id) {
        id
        version
        orderReference
        customerName
        customerPhone
        customerAddress
        offer
        status
        statusReason
        statusChangedAt
        orderedAt
        appointmentAt
        failureReason
        viewerCan {
          assign
          assignTechnician
          schedule
          accept
          reject
          fail
          cancel
        }
        commune {
          name
          nameAr
        }
        wilaya {
          code
          name
        }
        contractor {
          id
          legalName
        }
        technician {
          id
          displayName
        }
        site {
          id
          code
          name
          status
          contractor {
            id
            legalName
          }
        }
        latestInstallationReport {
          qualityIssues
          ...InstallationReportDetailsFields
        }
        serviceLevelClocks {
          ...ServiceLevelClockFields
        }
      }
      auditTrail(entityType: CUSTOMER_SUBSCRIPTION, entityId: $id) {
        id
        occurredAt
        action
        fromStatus
        toStatus
        reason
        actor {
          name
          email
          organisation
        }
      }
    }
  `,
  [InstallationReportDetailsFields, ServiceLevelClockFields],
);

/** The events of one customer subscription: the page reads itself again on each (`useReadAgainOnChange`). */
export const CustomerSubscriptionChangedSubscription = graphql(`
  subscription CustomerSubscriptionChanged($customerSubscriptionId: ID) {
    customerSubscriptionChanged(customerSubscriptionId: $customerSubscriptionId) {
      change
    }
  }
`);

export const AcceptInstallationMutation = graphql(`
  mutation AcceptInstallation($input: AcceptInstallationInput!) {
    acceptInstallation(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const RejectInstallationMutation = graphql(`
  mutation RejectInstallation($input: RejectInstallationInput!) {
    rejectInstallation(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const AssignCustomerSubscriptionMutation = graphql(`
  mutation AssignCustomerSubscription($input: AssignCustomerSubscriptionInput!) {
    assignCustomerSubscription(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const AssignTechnicianMutation = graphql(`
  mutation AssignTechnician($input: AssignTechnicianInput!) {
    assignTechnician(input: $input) {
      customerSubscription {
        id
        version
        technician {
          id
        }
      }
    }
  }
`);

/** A firm's technicians (the viewer's own firm when `contractorId` is null), enabled or not, by name. */
export const TechniciansQuery = graphql(`
  query Technicians($contractorId: ID) {
    technicians(contractorId: $contractorId) {
      id
      displayName
      enabled
    }
  }
`);

export const ScheduleInstallationMutation = graphql(`
  mutation ScheduleInstallation($input: ScheduleInstallationInput!) {
    scheduleInstallation(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const MarkInstallationFailedMutation = graphql(`
  mutation MarkInstallationFailed($input: MarkInstallationFailedInput!) {
    markInstallationFailed(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const CancelCustomerSubscriptionMutation = graphql(`
  mutation CancelCustomerSubscription($input: CancelCustomerSubscriptionInput!) {
    cancelCustomerSubscription(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const CreateCustomerSubscriptionMutation = graphql(`
  mutation CreateCustomerSubscription($input: CreateCustomerSubscriptionInput!) {
    createCustomerSubscription(input: $input) {
      customerSubscription {
        id
      }
    }
  }
`);

/** The sites of a wilaya a new order may belong to (by code; those COMPLETED or CLOSED take no more work). */
export const SiteChoicesQuery = graphql(`
  query SiteChoices($wilayaCode: String!) {
    sites(first: 100, filter: { wilayaCode: $wilayaCode }) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          code
          name
          status
        }
      }
    }
  }
`);

export const ImportCustomerSubscriptionsMutation = graphql(
  `
    mutation ImportCustomerSubscriptions($csv: String!) {
      importCustomerSubscriptions(csv: $csv) {
        ...ImportReportFields
      }
    }
  `,
  [ImportReportFields],
);
