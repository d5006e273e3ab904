import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  GraphQLError,
  execute,
  getVariableValues,
  printSchema,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../common/errors.js';

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];

/** Compiled operations kept per process: Raccord's clients send a few dozen documents, third parties more. */
export const compiledOperationsKept = 500;

/**
 * What the executor needs of Apollo's request: the validated document, its operation (undefined when
 * `operationName` names none of the document's, or none was named in a document of several) and the
 * raw variables.
 */
export interface OperationToExecute {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode | undefined;
  readonly operationName: string | null;
  readonly queryHash: string;
  readonly variables: Record<string, unknown> | undefined;
  readonly context: unknown;
}

/**
 * Executes queries through graphql-jit: each document is compiled once into a function that runs
 * the same resolvers without graphql-js's per-field interpretation (docs/benchmarks.md). Variables
 * are coerced by graphql-js first, so a bad variable gets graphql-js's own error, which Apollo and
 * `formatGraphQLError` turn into BAD_USER_INPUT as before. Mutations keep graphql-js: it runs them
 * one after the other and stops at the first that fails with a non-null payload, where graphql-jit
 * runs on (seven aliased `login`s would count as seven attempts of the sign-in limit). A subscription
 * sent over HTTP is refused with BAD_REQUEST: subscriptions are served over WebSocket.
 */
export function compiledExecutor(schema: GraphQLSchema): (operation: OperationToExecute) => Promise<ExecutionResult> {
  const compiled = new LRUCache<string, CompiledQuery>({ max: compiledOperationsKept });
  return async ({ document, operation, operationName, queryHash, variables, context }) => {
    if (operation?.operation === 'subscription') return { errors: [subscriptionOverHttp()] };
    if (operation?.operation !== 'query') {
      // A mutation; or no operation found, which graphql-js names and Apollo answers with OPERATION_RESOLUTION_FAILURE.
      return execute({
        schema,
        document,
        contextValue: context,
        variableValues: variables,
        operationName,
      }) as Promise<ExecutionResult>;
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const key = `${operationName ?? ''}:${queryHash}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      query = result;
      compiled.set(key, query);
    }
    const result = await query.query(undefined, context, withDefaults(operation, variables ?? {}));
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
}

/**
 * The variables with the default of each the client left out, as it could have sent it: graphql-jit
 * refuses a non-null variable left out even when it has a default, which graphql-js applies.
 */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const result = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && result[name] === undefined)
      result[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return result;
}

/** A subscription sent over HTTP, where graphql-js would run its resolvers once with no event. */
function subscriptionOverHttp(): GraphQLError {
  return new GraphQLError(
    'Subscriptions are served over WebSocket (the graphql-ws protocol, at this same /graphql address), not over HTTP',
    { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } },
  );
}

/**
 * A resolver's error as graphql-js would have raised it: graphql-jit's own errors leave
 * `extensions` undefined when the thrown error has none, where graphql-js (and Apollo, which reads
 * `extensions.code` to format every error) expects an object.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}

/**
 * The schema handed to Apollo Server through its gateway interface, the one way Apollo Server 4
 * and 5 let an application choose its executor: Apollo still parses, validates and runs every
 * plugin, then calls `compiledExecutor` instead of graphql-js's `execute`.
 */
export function compiledGateway(schema: GraphQLSchema): Gateway {
  const executor = compiledExecutor(schema);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        executor: (request) =>
          executor({
            document: request.document,
            operation: request.operation,
            operationName: request.operationName,
            queryHash: request.queryHash,
            variables: request.request.variables,
            context: request.context,
          }),
      };
    },
    async stop() {},
  };
}
