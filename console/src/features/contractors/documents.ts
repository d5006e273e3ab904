import { ImportReportFields } from '../../components/documents.ts';
import { graphql } from '../../lib/graphql.ts';
import { PagedInvoices } from '../invoices/documents.ts';
import { PagedSites } from '../sites/documents.ts';
import { PagedCustomerSubscriptions } from '../work/documents.ts';

export const ContractorsQuery = graphql(`
  query Contractors($first: Int, $after: String, $filter: ContractorFilterInput) {
    contractors(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          legalName
          tradeName
          nif
          status
          teamCapacity
          operatingWilayas {
            code
            name
          }
        }
      }
    }
  }
`);

export const ContractorQuery = graphql(`
  query Contractor($id: ID!) {
    contractor(id: $id) {
      id
      version
      viewerCan {
        update
        approve
        suspend
        reactivate
      }
      legalName
      tradeName
      legalForm
      fiscalRegime
      nif
      nis
      rcNumber
      autoEntrepreneurCardNumber
      taxArticle
      address
      bankAccount
      status
      statusReason
      statusChangedAt
      teamCapacity
      siteCount
      contacts {
        name
        role
        phone
        email
      }
      commune {
        id
        name
        wilaya {
          code
          name
        }
      }
      operatingWilayas {
        code
        name
        nameAr
      }
      workCounts {
        status
        count
      }
    }
  }
`);

export const UpdateContractorMutation = graphql(`
  mutation UpdateContractor($id: ID!, $expectedVersion: Int!, $input: UpdateContractorInput!) {
    updateContractor(id: $id, expectedVersion: $expectedVersion, input: $input) {
      contractor {
        id
        version
      }
    }
  }
`);

export const ContractorSitesQuery = graphql(
  `
    query ContractorSites($contractorId: ID!, $first: Int, $after: String) {
      sites(first: $first, after: $after, filter: { contractorId: $contractorId }) {
        ...PagedSites
      }
    }
  `,
  [PagedSites],
);

export const ContractorWorkQuery = graphql(
  `
    query ContractorWork($contractorId: ID!, $status: CustomerSubscriptionStatus, $first: Int, $after: String) {
      customerSubscriptions(first: $first, after: $after, filter: { contractorId: $contractorId, status: $status }) {
        ...PagedCustomerSubscriptions
      }
    }
  `,
  [PagedCustomerSubscriptions],
);

export const ContractorInvoicesQuery = graphql(
  `
    query ContractorInvoices($contractorId: ID!, $first: Int, $after: String) {
      invoices(first: $first, after: $after, filter: { contractorId: $contractorId }) {
        ...PagedInvoices
      }
    }
  `,
  [PagedInvoices],
);

export const ContractorHistoryQuery = graphql(`
  query ContractorHistory($id: ID!) {
    auditTrail(entityType: CONTRACTOR, entityId: $id) {
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
      changes {
        field
        from
        to
      }
    }
  }
`);

export const ImportContractorsMutation = graphql(
  `
    mutation ImportContractors($csv: String!) {
      importContractors(csv: $csv) {
        ...ImportReportFields
      }
    }
  `,
  [ImportReportFields],
);

export const CreateContractorMutation = graphql(`
  mutation CreateContractor($input: CreateContractorInput!) {
    createContractor(input: $input) {
      contractor {
        id
      }
    }
  }
`);

/** What a status change of a contractor answers with: its new status and version, for the page to show. */
export const ContractorStatus = graphql(`
  fragment ContractorStatus on Contractor {
    id
    version
    status
    statusReason
    statusChangedAt
  }
`);

export const ApproveContractorMutation = graphql(
  `
    mutation ApproveContractor($input: ContractorTransitionInput!) {
      approveContractor(input: $input) {
        contractor {
          ...ContractorStatus
        }
      }
    }
  `,
  [ContractorStatus],
);

export const SuspendContractorMutation = graphql(
  `
    mutation SuspendContractor($input: ContractorTransitionInput!) {
      suspendContractor(input: $input) {
        contractor {
          ...ContractorStatus
        }
      }
    }
  `,
  [ContractorStatus],
);

export const ReactivateContractorMutation = graphql(
  `
    mutation ReactivateContractor($input: ContractorTransitionInput!) {
      reactivateContractor(input: $input) {
        contractor {
          ...ContractorStatus
        }
      }
    }
  `,
  [ContractorStatus],
);

export const CommunesOfWilayaQuery = graphql(`
  query CommunesOfWilaya($wilayaCode: String!) {
    communes(wilayaCode: $wilayaCode) {
      id
      name
      nameAr
    }
  }
`);
