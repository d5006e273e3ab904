/**
 * The scorecards of these firms and wilayas, and the national one, moved: work or an invoice they
 * count changed. Every subscriber hears of it (the national scorecard moves with any change); each
 * subscription keeps what its viewer may see.
 */
export interface ScorecardChangedEvent {
  readonly contractorIds: readonly string[];
  readonly wilayaCodes: readonly string[];
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    SCORECARD_CHANGED: ScorecardChangedEvent;
  }
}
