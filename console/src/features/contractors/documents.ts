import { graphql } from '../../lib/graphql.ts';

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
      legalName
      tradeName
      legalForm
      fiscalRegime
      nif
      nis
      rcNumber
      taxArticle
      address
      bankAccount
      status
      statusReason
      statusChangedAt
      teamCapacity
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
    }
  }
`);

export const CreateContractorMutation = graphql(`
  mutation CreateContractor($input: CreateContractorInput!) {
    createContractor(input: $input) {
      contractor {
        id
      }
    }
  }
`);

export const ApproveContractorMutation = graphql(`
  mutation ApproveContractor($input: ContractorTransitionInput!) {
    approveContractor(input: $input) {
      contractor {
        id
        version
        status
        statusReason
        statusChangedAt
      }
    }
  }
`);

export const SuspendContractorMutation = graphql(`
  mutation SuspendContractor($input: ContractorTransitionInput!) {
    suspendContractor(input: $input) {
      contractor {
        id
        version
        status
        statusReason
        statusChangedAt
      }
    }
  }
`);

export const ReactivateContractorMutation = graphql(`
  mutation ReactivateContractor($input: ContractorTransitionInput!) {
    reactivateContractor(input: $input) {
      contractor {
        id
        version
        status
        statusReason
        statusChangedAt
      }
    }
  }
`);

export const CommunesOfWilayaQuery = graphql(`
  query CommunesOfWilaya($wilayaCode: String!) {
    communes(wilayaCode: $wilayaCode) {
      id
      name
      nameAr
    }
  }
`);
