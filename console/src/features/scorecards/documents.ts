import { graphql } from '../../lib/graphql.ts';

/** Everything the scorecard page shows of a scorecard, for the query and for the live subscription alike. */
export const ScorecardFigures = graphql(`
  fragment ScorecardFigures on Scorecard {
    contractorId
    wilayaCode
    from
    to
    accepted
    firstTimeRight
    firstTimeRightRate
    decided
    rejected
    rejectionRate
    topReserves {
      reserve
      count
    }
    failed
    failureRate
    failuresByReason {
      reason
      count
    }
    qualityMargin {
      measured
      averageDb
      worstDb
    }
    steps {
      step
      owner
      ended
      onTime
      onTimeShare
      medianMinutes
      p90Minutes
    }
    rankMonth
    ranks {
      wilayaCode
      figure
      rank
      rankedFirms
    }
  }
`);

export const ScorecardQuery = graphql(
  `
    query Scorecard($contractorId: ID, $wilayaCode: String, $window: ScorecardWindow!, $month: String) {
      scorecard(contractorId: $contractorId, wilayaCode: $wilayaCode, window: $window, month: $month) {
        ...ScorecardFigures
      }
    }
  `,
  [ScorecardFigures],
);

export const ScorecardSubscription = graphql(
  `
    subscription ScorecardChanged($contractorId: ID, $wilayaCode: String, $window: ScorecardWindow!, $month: String) {
      scorecardChanged(contractorId: $contractorId, wilayaCode: $wilayaCode, window: $window, month: $month) {
        ...ScorecardFigures
      }
    }
  `,
  [ScorecardFigures],
);

/** A scorecard month by month (the trend's charts): its volume, its first time right and its steps' times. */
export const ScorecardTrendQuery = graphql(`
  query ScorecardTrend($contractorId: ID, $wilayaCode: String) {
    scorecardTrend(contractorId: $contractorId, wilayaCode: $wilayaCode, months: 12) {
      from
      accepted
      firstTimeRightRate
      steps {
        step
        owner
        ended
        onTime
      }
    }
  }
`);

/** The firm whose scorecard is shown, to name it in the heading and in the picker. */
export const ScorecardFirmQuery = graphql(`
  query ScorecardFirm($id: ID!) {
    contractor(id: $id) {
      id
      legalName
      tradeName
      nif
    }
  }
`);
