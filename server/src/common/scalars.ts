import { GraphQLDateTimeISO, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';

/** An instant, sent as an ISO 8601 string in UTC with milliseconds, e.g. `"2026-11-29T09:30:00.000Z"`. */
export const DateTime = GraphQLDateTimeISO;

/** A calendar date with no time of day or zone, `"YYYY-MM-DD"` (e.g. a site's planned start). */
export const LocalDate = GraphQLLocalDate;

/** Any JSON value (used for the before/after values of an audited field). */
export const JSONValue = GraphQLJSON;
