import { graphql } from '../lib/graphql.ts';

/** What a CSV import answers (`CsvImport` reads it): the rows read, created and skipped, or the problems found. */
export const ImportReportFields = graphql(`
  fragment ImportReportFields on ImportReport {
    rows
    created
    skipped
    errorCount
    errors {
      line
      field
      reasonCode
      reasonParams
    }
  }
`);

/** The active firms offered by the contractor picker: a short page matching what was typed (legal name, trade name or NIF). */
export const ContractorChoicesQuery = graphql(`
  query ContractorChoices($search: String, $wilayaCode: String) {
    contractors(first: 20, filter: { search: $search, status: ACTIVE, wilayaCode: $wilayaCode }) {
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          legalName
          tradeName
          nif
        }
      }
    }
  }
`);

/** The global search of the header: the records whose identifier or searched fields hold the text, each with what names it. */
export const GlobalSearchQuery = graphql(`
  query GlobalSearch($text: String!) {
    search(text: $text, first: 8) {
      match
      kind
      contractor {
        id
        legalName
        nif
      }
      site {
        id
        code
        name
      }
      customerSubscription {
        id
        orderReference
        status
      }
      invoice {
        id
        number
        period
        contractor {
          id
          legalName
        }
      }
    }
  }
`);

/** A step's service-level clock, as `ServiceLevelClocks` shows it (on a customer subscription and an invoice). */
export const ServiceLevelClockFields = graphql(`
  fragment ServiceLevelClockFields on ServiceLevelClock {
    step
    owner
    startedAt
    endedAt
    timeBasis
    targetMinutes
    dueAt
    elapsedMinutes
    lateMinutes
    state
  }
`);
