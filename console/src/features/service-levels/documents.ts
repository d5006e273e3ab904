import { graphql } from '../../lib/graphql.ts';

export const ServiceLevelSchedulesQuery = graphql(`
  query ServiceLevelSchedules {
    serviceLevelSchedules {
      id
      name
      effectiveFrom
      effectiveTo
      targets {
        id
        step
        owner
        wilayaCode
        targetMinutes
        timeBasis
      }
    }
  }
`);

export const CreateServiceLevelScheduleVersionMutation = graphql(`
  mutation CreateServiceLevelScheduleVersion($input: CreateServiceLevelScheduleVersionInput!) {
    createServiceLevelScheduleVersion(input: $input) {
      serviceLevelSchedule {
        id
      }
    }
  }
`);

export const PublicHolidaysQuery = graphql(`
  query PublicHolidays($year: Int!) {
    publicHolidays(year: $year) {
      id
      day
      name
      removable
    }
  }
`);

export const AddPublicHolidayMutation = graphql(`
  mutation AddPublicHoliday($input: AddPublicHolidayInput!) {
    addPublicHoliday(input: $input) {
      publicHoliday {
        id
      }
    }
  }
`);

export const RemovePublicHolidayMutation = graphql(`
  mutation RemovePublicHoliday($id: ID!) {
    removePublicHoliday(id: $id) {
      publicHoliday {
        id
      }
    }
  }
`);
