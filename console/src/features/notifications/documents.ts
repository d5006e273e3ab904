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

/** How the viewer is told of its notifications, as the preferences show it. */
export const NotificationPreferencesFields = graphql(`
  fragment NotificationPreferencesFields on NotificationPreferences {
    emailKinds
    smsNumber
    smsOn
    smsAvailable
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
        ...NotificationPreferencesFields
      }
    }
  `,
  [NotificationItem, NotificationPreferencesFields],
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

export const UpdateNotificationPreferencesMutation = graphql(
  `
    mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
      updateNotificationPreferences(input: $input) {
        preferences {
          ...NotificationPreferencesFields
        }
      }
    }
  `,
  [NotificationPreferencesFields],
);
