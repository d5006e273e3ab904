import { graphql } from '../../lib/graphql.ts';

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints($first: Int!, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          url
          description
          eventTypes
          status
          disabledReason
          failingSince
          contractor {
            legalName
          }
          deliveries(first: 5) {
            totalCount
            edges {
              node {
                id
                webhookId
                eventType
                status
                attemptCount
                lastAttemptAt
                nextAttemptAt
                attempts {
                  id
                  httpStatus
                  error
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const RedeliverWebhookDeliveryMutation = graphql(`
  mutation RedeliverWebhookDelivery($id: ID!) {
    redeliverWebhookDelivery(id: $id) {
      id
      status
      nextAttemptAt
    }
  }
`);
