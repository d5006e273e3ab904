import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
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
  /** Estimated work: each field 1, times the size of the lists it is under (see `listOf`). */
  maxComplexity: 20_000,
} as const;

/**
 * Complexity of a list field of at most `size` items (or of `first` items for a connection):
 * `size × (1 + complexity of each item)`.
 */
export function listOf(size: number): ComplexityEstimator {
  return ({ args, childComplexity }) => {
    const first = typeof args['first'] === 'number' && args['first'] > 0 ? args['first'] : undefined;
    return (first ?? size) * (1 + childComplexity);
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
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    // Variables that do not coerce: execution refuses them with its own BAD_USER_INPUT, before any resolver.
    return;
  }
  if (complexity > queryLimits.maxComplexity) {
    throw new GraphQLError(
      `This query would cost ${complexity}, over the limit of ${queryLimits.maxComplexity}: ask for fewer items (first) or fewer nested lists`,
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
