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
      contractor {
        id
      }
    }
    viewerOperations
    viewerCan {
      manageAccess
      grantRoles
      seeTechnicians
      wilayas
      fieldOnly
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);
