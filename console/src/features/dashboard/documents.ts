import { graphql } from '../../lib/graphql.ts';

/** Everything the dashboard page shows, for the query and for the live subscription alike. */
export const DashboardFigures = graphql(`
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
    }
  }
`);

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
