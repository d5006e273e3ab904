import { initGraphQLTada } from 'gql.tada';
import type { introspection } from '../graphql-env.d.ts';

/**
 * `graphql(…)` for the console's documents, typed from `schema/schema.graphql` (through the generated
 * `graphql-env.d.ts`): a document that does not fit the schema fails `npm run typecheck`.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Instants travel as ISO 8601 strings in UTC, e.g. "2026-11-29T17:04:05.000Z"; calendar dates as "2026-11-29".
  scalars: { DateTimeISO: string; LocalDate: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';

/** The codes of `errors[].extensions.code`: the schema's ErrorCode enum (no document selects it, so gql.tada types it here). */
export type ErrorCode = introspection['types']['ErrorCode']['enumValues'];

/** What an API key may do: the schema's ApiKeyScope enum. */
export type ApiKeyScope = introspection['types']['ApiKeyScope']['enumValues'];

/** Why a value was refused: `extensions.reasonCode` of a BAD_USER_INPUT, the schema's InputReason enum. */
export type InputReason = introspection['types']['InputReason']['enumValues'];
