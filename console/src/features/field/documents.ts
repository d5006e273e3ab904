import { graphql, type ResultOf } from '../../lib/graphql.ts';

/** What the field view shows of a piece of work, in its list and on its page, and keeps for offline use. */
export const FieldWork = graphql(`
  fragment FieldWork on CustomerSubscription {
    id
    version
    orderReference
    customerName
    customerPhone
    customerAddress
    status
    reserves
    orderedAt
    appointmentAt
    earliestInstallationDay
    commune {
      name
      wilaya {
        code
        name
      }
    }
    site {
      code
      name
    }
    position {
      latitude
      longitude
      source
    }
    technician {
      id
      displayName
    }
    viewerCan {
      schedule
      report
      fail
    }
    serviceLevelClocks {
      step
      owner
      dueAt
      state
    }
  }
`);

export type FieldWorkData = ResultOf<typeof FieldWork>;

/**
 * The field view's list, in one request: the work with an appointment (soonest first, those
 * overdue at the top) and the open work still without one (oldest order first).
 */
export const FieldListQuery = graphql(
  `
    query FieldList($first: Int!) {
      appointments: customerSubscriptions(first: $first, orderBy: APPOINTMENT_AT, filter: { statuses: [SCHEDULED] }) {
        edges {
          node {
            ...FieldWork
          }
        }
      }
      unscheduled: customerSubscriptions(
        first: $first
        orderBy: ORDERED_AT
        filter: { statuses: [ASSIGNED, REJECTED] }
      ) {
        edges {
          node {
            ...FieldWork
          }
        }
      }
    }
  `,
  [FieldWork],
);

/** One piece of work, as it now stands (its page, and the fresh version a held report is retried with). */
export const FieldWorkQuery = graphql(
  `
    query FieldWorkItem($id: ID!) {
      customerSubscription(id: $id) {
        ...FieldWork
      }
    }
  `,
  [FieldWork],
);

/** What a report needs: the photo kinds required, the limits, the thresholds of each network class, the work items in force. */
export const FieldSettingsQuery = graphql(`
  query FieldSettings($on: LocalDate) {
    fieldSettings {
      requiredPhotoKinds
      maxPhotosPerReport
      maxPhotoBytes
      positionToleranceMetres
      qualityThresholds {
        networkClass
        minReceivedPowerDbm
        maxReceivedPowerDbm
        maxSpliceLossDb
      }
    }
    workItems(on: $on) {
      code
      designation
      unit
    }
  }
`);

export type FieldSettingsData = ResultOf<typeof FieldSettingsQuery>;

export const FieldReportMutation = graphql(`
  mutation FieldReportInstallation($input: ReportInstallationInput!) {
    reportInstallation(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const FieldMarkFailedMutation = graphql(`
  mutation FieldMarkInstallationFailed($input: MarkInstallationFailedInput!) {
    markInstallationFailed(input: $input) {
      customerSubscription {
        id
        version
        status
      }
    }
  }
`);

export const FieldScheduleMutation = graphql(`
  mutation FieldScheduleInstallation($input: ScheduleInstallationInput!) {
    scheduleInstallation(input: $input) {
      customerSubscription {
        id
        version
        status
        appointmentAt
        earliestInstallationDay
      }
    }
  }
`);
