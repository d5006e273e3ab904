import { graphql } from '../../lib/graphql.ts';

/** Where a wilaya or the country stands against the deadline: the "Objectif 2027" panel and the wilaya table's column. */
export const RolloutFigures = graphql(`
  fragment RolloutFigures on RolloutProjection {
    deadline
    targetConnections
    acceptedTotal
    remaining
    paceFrom
    paceTo
    weeklyPace
    weeklyPaceLow
    weeklyPaceHigh
    earliestCompletion
    latestCompletion
    neededWeeklyPace
    status
  }
`);

/** Everything the dashboard page shows, for the query and for the live subscription alike. */
export const DashboardFigures = graphql(
  `
    fragment DashboardFigures on Dashboard {
      wilaya {
        code
        name
        nameAr
      }
      computedAt
      today
      acceptedToday
      acceptedThisMonth
      acceptedTotal
      targetConnections
      progress
      backlog {
        status
        customerSubscriptions
      }
      firstTimeRightRate
      firstTimeRightRateThisMonth
      medianDaysToAcceptance
      awaitingApproval {
        invoices
        amount {
          centimes
        }
        oldestDays
        averageDays
      }
      approvedUnpaid {
        invoices
        amount {
          centimes
        }
        oldestDays
        averageDays
      }
      acceptancesByDay {
        day
        accepted
      }
      wilayas {
        wilaya {
          code
          name
          nameAr
        }
        acceptedTotal
        targetConnections
        progress
        projection {
          ...RolloutFigures
        }
        openWork
        reportsAwaitingAcceptance
        oldestReportWaitDays
        lateWork
        approvedUnpaid {
          invoices
          amount {
            centimes
          }
          oldestDays
        }
      }
      projection {
        ...RolloutFigures
      }
    }
  `,
  [RolloutFigures],
);

export const DashboardQuery = graphql(
  `
    query Dashboard($wilayaCode: String) {
      dashboard(wilayaCode: $wilayaCode) {
        ...DashboardFigures
      }
    }
  `,
  [DashboardFigures],
);

export const DashboardSubscription = graphql(
  `
    subscription DashboardChanged($wilayaCode: String) {
      dashboardChanged(wilayaCode: $wilayaCode) {
        ...DashboardFigures
      }
    }
  `,
  [DashboardFigures],
);

/** A wilaya's sites and open work as points, for its map. */
export const WilayaMapQuery = graphql(`
  query WilayaMap($wilayaCode: String!) {
    wilayaMap(wilayaCode: $wilayaCode) {
      sites {
        latitude
        longitude
        status
        sites
      }
      openWork {
        latitude
        longitude
        status
        customerSubscriptions
      }
      sitesWithoutPosition
      openWorkWithoutPosition
      truncated
    }
  }
`);
