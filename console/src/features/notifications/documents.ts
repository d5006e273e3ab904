import { graphql } from '../../lib/graphql.ts';

/** A notification as the bell's panel shows it. */
export const NotificationItem = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    subjectType
    subjectId
    subjectLabel
    details
    createdAt
    readAt
  }
`);

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(
  `
    query Notifications($first: Int) {
      notifications(first: $first) {
        edges {
          node {
            ...NotificationItem
          }
        }
      }
      notificationPreferences {
        emailKinds
      }
    }
  `,
  [NotificationItem],
);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      notification {
        id
      }
      unreadCount
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      notifications {
        id
        readAt
      }
      unreadCount
    }
  }
`);

export const UpdateNotificationPreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      preferences {
        emailKinds
      }
    }
  }
`);
