import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Metrics } from '../common/metrics.js';
import {
  NoConditionalSubscriptionRootRule,
  apolloArmor,
  checkComplexity,
  queryLimits,
} from '../common/query-limits.js';
import type { Context } from '../context.js';
import { readFromReplicas } from '../database/entity-manager.js';
import { ErrorCode } from '../common/errors.js';
import { compiledGateway } from './compiled-execution.js';
import { isDatabaseUnavailable } from '../database/database.js';
import { databaseUnavailableError, formatGraphQLError, unavailableRetryAfterSeconds } from './errors.js';
import { requestScope } from './request-scope.js';

/** Refuses, before execution, an operation whose estimated complexity is over the limit. */
const complexityPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        checkComplexity(schema, document, request.variables, request.operationName);
      },
    };
  },
};

/** HTTP 503 with `Retry-After`, as Apollo reads them from an error's `extensions.http`. */
const unavailableHttp = () => ({
  status: 503,
  headers: new HeaderMap([['retry-after', String(unavailableRetryAfterSeconds)]]),
});

/**
 * The error a failed context creation throws when the database does not answer (the caller could
 * not be checked): Apollo answers it with HTTP 503 and `Retry-After`, and `formatGraphQLError` with
 * SERVICE_UNAVAILABLE; any other failure as it is.
 */
export function contextCreationError(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new GraphQLError(databaseUnavailableError.message, {
    originalError: error instanceof Error ? error : undefined,
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: unavailableHttp() },
  });
}

/**
 * An operation that produced nothing because the database did not answer (no data, a
 * SERVICE_UNAVAILABLE error) is answered with HTTP 503 and `Retry-After`, as while Raccord starts,
 * so that HTTP clients and proxies retry it.
 */
const unavailablePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data != null || !errors?.some((error) => error.extensions?.['code'] === ErrorCode.SERVICE_UNAVAILABLE))
          return;
        const { status, headers } = unavailableHttp();
        response.http.status = status;
        for (const [name, value] of headers) response.http.headers.set(name, value);
      },
    };
  },
};

/**
 * Once the operation is known: names it for the request's metrics, and sends a query's reads to the
 * read replicas. Only queries: a mutation reads inside its transaction and then answers with what it
 * has just written, which a replica may not have yet (so do its nested fields, resolved after the
 * commit); sign-in and the session or API key check ran before, on the primary, so that a
 * logout or a revoked key takes effect at once on every process.
 */
function operationPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          if (!operation) return;
          const scope = requestScope.getStore();
          if (scope) scope.operation = { name: metrics.operationLabel(operationName), type: operation.operation };
          if (operation.operation === 'query') readFromReplicas(contextValue.em);
        },
      };
    },
  };
}

/**
 * Apollo Server for GraphQL over HTTP: graphql-armor's limits and the complexity check, CSRF
 * prevention (Apollo's default), no batching, introspection off in production, errors formatted
 * and masked by `formatGraphQLError` (and counted in `metrics` by code), Apollo's own log through
 * pino, queries read from the replicas (`operationPlugin`). Draining the HTTP server and `onDrain`
 * (the WebSocket server) are part of `stop()`.
 */
export function createApolloServer(options: {
  schema: GraphQLSchema;
  /** NODE_ENV and SHUTDOWN_TIMEOUT_MS, as config.ts describes them. */
  config: { readonly NODE_ENV: string; readonly SHUTDOWN_TIMEOUT_MS: number };
  logger: Logger;
  httpServer: Server;
  metrics: Metrics;
  onDrain: () => Promise<void>;
}): ApolloServer<Context> {
  const production = options.config.NODE_ENV === 'production';
  const armor = apolloArmor(production);
  const apolloLogger = options.logger.child({ component: 'apollo' });
  return new ApolloServer<Context>({
    gateway: compiledGateway(options.schema),
    introspection: !production,
    // Apollo drops graphql-js's "Did you mean …?" from validation errors; formatGraphQLError from the rest (variables).
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Raccord's clients send whole documents; automatic persisted queries would only add an error path.
    persistedQueries: false,
    // Raccord's main.ts owns the signals: Apollo's own handler would stop only Apollo, then re-raise the signal.
    stopOnTerminationSignals: false,
    validationRules: [...armor.validationRules, NoConditionalSubscriptionRootRule],
    parseOptions: { maxTokens: queryLimits.maxTokens },
    formatError: (formatted, error) => {
      const result = formatGraphQLError(formatted, error, requestScope.getStore(), production);
      options.metrics.graphqlErrors.inc({ code: String(result.extensions?.['code']), transport: 'http' });
      return result;
    },
    logger: {
      debug: (message) => apolloLogger.debug(message),
      info: (message) => apolloLogger.info(message),
      warn: (message) => apolloLogger.warn(message),
      error: (message) => (requestScope.getStore()?.logger ?? apolloLogger).error({ component: 'apollo' }, message),
    },
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS declarations, Raccord loads its ES modules: same objects.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      complexityPlugin,
      operationPlugin(options.metrics),
      unavailablePlugin,
      // Apollo's landing pages load Apollo's sandbox from a CDN: none in production, Raccord's own explorer (explorer.ts) elsewhere.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({
        httpServer: options.httpServer,
        stopGracePeriodMillis: options.config.SHUTDOWN_TIMEOUT_MS,
      }),
      {
        async serverWillStart() {
          return { drainServer: options.onDrain };
        },
      },
    ],
  });
}
