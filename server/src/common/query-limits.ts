import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getNamedType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from './errors.js';

/**
 * Limits on what one GraphQL operation may ask, the same on HTTP and WebSocket: checked before any
 * resolver runs, so a hostile query costs a parse and a validation, never SQL.
 */
export const queryLimits = {
  /** Nesting of selections (a connection's `edges { node { … } }` counts two). */
  maxDepth: 10,
  /** Aliased fields in one operation. */
  maxAliases: 15,
  /** Lexical tokens of the document (graphql-js stops parsing past it). */
  maxTokens: 3000,
  /** Directives in one operation. */
  maxDirectives: 20,
  /** Estimated work: the records the answer would hold (see `costModel`). */
  maxComplexity: 20_000,
} as const;

/** The cost model in one sentence, as the QUERY_TOO_COMPLEX message and docs/api.md ("Limits") give it. */
export const costModel =
  'each record (an object with an id) counts 1 and the values it holds nothing more; ' +
  'a list counts 1 plus its size (a connection’s first, else the list’s cap) times the cost of one item';

/** Whether a field's items are records (an object type with an `id`: a row), rather than values held by one. */
function holdsRecords(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'id' in type.getFields();
}

/**
 * Cost of a field that is not a list with a cap of its own: a record 1 (one row, nested relations
 * batched by the DataLoader into one query per level), a value (an amount, page info, an edge) or
 * a scalar nothing beyond what it holds.
 */
const recordEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  (holdsRecords(field) ? 1 : 0) + childComplexity;

/**
 * Cost of a list field of at most `size` items (or of `first` items for a connection): 1 for the
 * list's query, plus its size times one item's cost (1 for a record and what it holds; at least 1).
 * `size` may depend on the field's arguments.
 */
export function listOf(size: number | ((args: Record<string, unknown>) => number)): ComplexityEstimator {
  return ({ args, field, childComplexity }) => {
    const first = typeof args['first'] === 'number' && args['first'] > 0 ? args['first'] : undefined;
    const items = first ?? (typeof size === 'number' ? size : size(args));
    return 1 + items * Math.max(1, (holdsRecords(field) ? 1 : 0) + childComplexity);
  };
}

/**
 * Apollo Server's share: graphql-armor's depth, alias and directive limits; suggestions off in
 * production. The token limit is graphql-js's own (`parseOptions.maxTokens`): armor's throws from a
 * plugin hook, which Apollo answers with a 500.
 */
export function apolloArmor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth },
    maxAliases: { n: queryLimits.maxAliases },
    maxTokens: { enabled: false },
    maxDirectives: { n: queryLimits.maxDirectives },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/**
 * The validation rules WebSocket operations get, as Apollo's on HTTP; introspection refused in
 * production. The armor rules report their refusal as validation errors instead of throwing (a throw
 * inside graphql-ws's handler would close the whole socket).
 */
export function webSocketValidationRules(production: boolean): ValidationRule[] {
  const report = {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: queryLimits.maxDepth, ...report }),
    maxAliasesRule({ n: queryLimits.maxAliases, ...report }),
    maxDirectivesRule({ n: queryLimits.maxDirectives, ...report }),
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

/**
 * Refuses an operation whose estimated complexity passes `queryLimits.maxComplexity`.
 * @throws GraphQLError QUERY_TOO_COMPLEX with `complexity` and `maximum`
 */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): void {
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [fieldExtensionsEstimator(), recordEstimator],
    });
  } catch {
    // Variables that do not coerce: execution refuses them with its own BAD_USER_INPUT, before any resolver.
    return;
  }
  if (complexity > queryLimits.maxComplexity) {
    throw new GraphQLError(
      `This query would cost ${complexity}, over the limit of ${queryLimits.maxComplexity} (${costModel}): ask for fewer items (first) or fewer nested lists`,
      {
        extensions: {
          code: ErrorCode.QUERY_TOO_COMPLEX,
          complexity,
          maximum: queryLimits.maxComplexity,
          http: { status: 400 },
        },
      },
    );
  }
}
