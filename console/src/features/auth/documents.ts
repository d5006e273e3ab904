import { graphql } from '../../lib/graphql.ts';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(input: { email: $email, password: $password }) {
      token
      user {
        id
        displayName
        role
        language
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
      language
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

export const PasswordResetAvailableQuery = graphql(`
  query PasswordResetAvailable {
    passwordResetAvailable
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      validMinutes
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

export const SetMyLanguageMutation = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      language
    }
  }
`);
