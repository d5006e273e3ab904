import { graphql } from '../../lib/graphql.ts';

export const UsersQuery = graphql(`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          email
          displayName
          role
          wilayaCodes
          isContractorAdmin
          disabledAt
          contractor {
            legalName
          }
        }
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!, $expectedVersion: Int!, $reason: String!) {
    disableUser(id: $id, expectedVersion: $expectedVersion, reason: $reason) {
      id
      version
      disabledAt
    }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      prefix
      scopes
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

export const SendPasswordResetMutation = graphql(`
  mutation SendPasswordReset($id: ID!) {
    sendPasswordReset(id: $id) {
      validMinutes
    }
  }
`);
