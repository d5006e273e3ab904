import { graphql } from '../../lib/graphql.ts';

export const PriceSchedulesQuery = graphql(`
  query PriceSchedules {
    priceSchedules {
      id
      name
      effectiveFrom
      effectiveTo
      items {
        id
        code
        designation
        unit
        taxCode
        unitPrice {
          amount
          centimes
        }
      }
    }
  }
`);

export const CreatePriceScheduleVersionMutation = graphql(`
  mutation CreatePriceScheduleVersion($input: CreatePriceScheduleVersionInput!) {
    createPriceScheduleVersion(input: $input) {
      id
    }
  }
`);
