import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  getNamedType,
  isObjectType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
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
  /** Estimated work: the SQL statements an answer needs and the records it may hold (see `costModel`). */
  maxComplexity: 20_000,
} as const;

/**
 * What one SQL statement counts, in records: a round trip to PostgreSQL, its planning and a
 * connection of the pool held meanwhile cost about what reading and sending a few tens of records do.
 */
export const statementCost = 20;

/** The cost model in one sentence, as the QUERY_TOO_COMPLEX message and docs/api.md ("Limits") give it. */
export const costModel =
  `each SQL statement counts ${statementCost} and each record the answer may hold (an object with an id) 1, ` +
  'the values a record holds nothing more (a value read by a statement of its own: that statement, once per ' +
  'level); a list holds its size (a connection’s first, else the list’s cap) for each item of its parent, and ' +
  'is read in one statement per level of the query (a nested list or record is batched for all its parents), ' +
  'except a paginated list (first), read once per parent';

/**
 * The two walks of an operation: `answer` counts what grows with the answer (records, and the
 * statements run once per parent), `levels` what runs once however many parents there are (the
 * batched statements). Their sum is the cost.
 */
type Walk = 'answer' | 'levels';

/** The walk an estimator is called in, from the context `checkComplexity` passes. */
function walkOf(context: Record<string, unknown> | undefined): Walk {
  return context?.['walk'] === 'levels' ? 'levels' : 'answer';
}

/** Whether a field's items are records (an object type with an `id`: a row), rather than values held by one. */
function holdsRecords(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'id' in type.getFields();
}

/** Whether a list is paginated (takes `first`): each parent's page is its own statement, not batched with the others. */
function paginated(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((argument) => argument.name === 'first');
}

/**
 * Cost of a field that is not a list with a cap of its own: a record 1 in the answer and one
 * statement per level (the DataLoader reads it for all the parents at once); a value (an amount,
 * page info, an edge) or a scalar nothing beyond what it holds.
 */
const recordEstimator: ComplexityEstimator = ({ field, childComplexity, context }) => {
  if (!holdsRecords(field)) return childComplexity;
  return (walkOf(context) === 'answer' ? 1 : statementCost) + childComplexity;
};

/**
 * Cost of a list field of at most `size` items (or of `first` items for a connection): in the
 * answer, its size times one item's cost (1 for a record and what it holds; at least 1); a statement
 * once per level, or once per parent when paginated. `size` may depend on the field's arguments.
 */
export function listOf(size: number | ((args: Record<string, unknown>) => number)): ComplexityEstimator {
  return ({ args, field, childComplexity, context }) => {
    if (walkOf(context) === 'levels') return (paginated(field) ? 0 : statementCost) + childComplexity;
    const first = typeof args['first'] === 'number' && args['first'] > 0 ? args['first'] : undefined;
    const items = first ?? (typeof size === 'number' ? size : size(args));
    return (
      (paginated(field) ? statementCost : 0) + items * Math.max(1, (holdsRecords(field) ? 1 : 0) + childComplexity)
    );
  };
}

/**
 * `listOf`, for a list that `statements` statements of its own read (a search through several
 * tables): the statements beyond the first counted with the answer.
 */
export function listReadBy(
  statements: number,
  size: number | ((args: Record<string, unknown>) => number),
): ComplexityEstimator {
  const list = listOf(size);
  return (options) =>
    (list(options) ?? 0) + (walkOf(options.context) === 'answer' ? (statements - 1) * statementCost : 0);
}

/**
 * Cost of a value its record does not hold, read by a statement of its own batched for all the
 * records of its level (a DataLoader): nothing in the answer, one statement per level.
 */
export const batchedValue: ComplexityEstimator = ({ childComplexity, context }) =>
  (walkOf(context) === 'levels' ? statementCost : 0) + childComplexity;

/** Cost of a record read by its parent's statement (a connection's node): 1 in the answer, no statement of its own. */
export const readWithParent: ComplexityEstimator = ({ childComplexity, context }) =>
  (walkOf(context) === 'answer' ? 1 : 0) + childComplexity;

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
 * A subscription's root field may not be skipped or included conditionally: with it skipped there is
 * nothing to subscribe to, and graphql-js 16 throws a TypeError, which graphql-ws answers by closing
 * the socket (4500). The GraphQL specification's newer drafts forbid it in their "Single root field"
 * rule, which graphql-js 17's SingleFieldSubscriptionsRule checks; graphql-js 16 does not.
 */
export const NoConditionalSubscriptionRootRule: ValidationRule = (context) => {
  const conditional = (selectionSet: SelectionSetNode, seen: Set<string>): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.directives?.some((directive) => ['skip', 'include'].includes(directive.name.value))) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT) return conditional(selection.selectionSet, seen);
      if (selection.kind !== Kind.FRAGMENT_SPREAD || seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      return fragment ? conditional(fragment.selectionSet, seen) : false;
    });
  return {
    OperationDefinition(operation) {
      if (operation.operation === 'subscription' && conditional(operation.selectionSet, new Set()))
        context.reportError(
          new GraphQLError('A subscription must not use @skip or @include on its root field', { nodes: operation }),
        );
    },
  };
};

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
    NoConditionalSubscriptionRootRule,
    ...(production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

/**
 * The estimated cost of an operation (see `costModel`).
 * @throws GraphQLError when its variables do not coerce to their types
 */
export function complexityOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number {
  const walk = (walk: Walk) =>
    getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      ...(operationName ? { operationName } : {}),
      estimators: [fieldExtensionsEstimator(), recordEstimator],
      context: { walk },
    });
  return walk('answer') + walk('levels');
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
    complexity = complexityOf(schema, document, variables, operationName);
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
