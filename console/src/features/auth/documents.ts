import { graphql } from '../../lib/graphql.ts';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) {
      token
      user {
        id
        displayName
        role
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      wilayaCodes
      isContractorAdmin
      contractor {
        id
      }
    }
    viewerOperations
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
