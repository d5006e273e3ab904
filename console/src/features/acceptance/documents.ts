import { graphql } from '../../lib/graphql.ts';
import { InstallationReportDetailsFields } from '../work/documents.ts';

/** What the acceptance queue shows of one piece of INSTALLED work and its latest report. */
export const QueueItem = graphql(
  `
    fragment QueueItem on CustomerSubscription {
      id
      version
      orderReference
      customerName
      customerAddress
      offer
      status
      statusChangedAt
      appointmentAt
      viewerCan {
        accept
        reject
      }
      commune {
        name
      }
      wilaya {
        code
        name
      }
      contractor {
        legalName
      }
      site {
        code
      }
      serviceLevelClocks {
        step
        state
        dueAt
      }
      latestInstallationReport {
        id
        installedAt
        qualityIssues
        ...InstallationReportDetailsFields
        ontSerialNumber
        customerSigned
        signatureMissingReason
        missingPhotoKinds
        positionCheck {
          verdict
          distanceMetres
          toleranceMetres
          reference {
            source
          }
        }
        photoFiles {
          id
          kind
          url
          thumbnailUrl
          takenAt
          distanceFromWorkMetres
          accuracyMetres
          reused
        }
      }
    }
  `,
  [InstallationReportDetailsFields],
);

/** The INSTALLED work the viewer may see, longest waiting first (oldest report first), 50 at a time. */
export const AcceptanceQueueQuery = graphql(
  `
    query AcceptanceQueue {
      customerSubscriptions(filter: { status: INSTALLED }, orderBy: STATUS_CHANGED_AT, first: 50) {
        totalCount
        edges {
          node {
            ...QueueItem
          }
        }
      }
    }
  `,
  [QueueItem],
);

/** Any change of the work the viewer may see: the queue reads itself again when one concerns it. */
export const AcceptanceQueueChangedSubscription = graphql(`
  subscription AcceptanceQueueChanged {
    customerSubscriptionChanged {
      change
      customerSubscriptionId
      customerSubscription {
        id
        status
      }
    }
  }
`);

/** Where a piece of work stands now, once it has left the queue while it was open. */
export const DecidedElsewhereQuery = graphql(`
  query DecidedElsewhere($id: ID!) {
    customerSubscription(id: $id) {
      id
      status
    }
  }
`);
