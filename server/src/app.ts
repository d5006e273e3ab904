import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { ErrorCode, isUnexpectedError } from './common/errors.js';
import { createLogger } from './common/logger.js';
import { consoleBuildDir } from './common/paths.js';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { openDatabase, type DatabaseHandle } from './database/database.js';
import { initOrm } from './database/orm.js';
import { importShippedReferenceData } from './modules/reference-data/reference-data.import.js';
import { buildRaccordSchema } from './schema.js';

/** A running Raccord: API at `${url}/graphql` (HTTP and WebSocket), console at `${url}/`. */
export interface App {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  readonly port: number;
  readonly orm: MikroORM;
  /**
   * Stops gracefully: refuses new connections, lets requests in flight finish (up to
   * `SHUTDOWN_TIMEOUT_MS`), closes WebSockets (code 1001), closes the ORM, then stops the embedded
   * PostgreSQL if there is one. Safe to call more than once.
   */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Logger to use instead of a new one on stdout (tests pass one that captures lines). */
  readonly logger?: Logger;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is well formed, else a new UUID. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

function internalError(correlationId: string): GraphQLFormattedError {
  return {
    message: `Internal server error. Quote this reference when reporting it: ${correlationId}`,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, correlationId },
  };
}

/**
 * Masks unexpected errors on HTTP: logged whole with the request id, sent as
 * `INTERNAL_SERVER_ERROR` with a `correlationId` (the request id, also in the `X-Request-Id` header).
 */
const errorMaskingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (isUnexpectedError(error)) contextValue.logger.error({ err: unwrapResolverError(error) }, 'unexpected error');
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
          error.extensions?.['code'] === ErrorCode.INTERNAL_SERVER_ERROR ? internalError(contextValue.requestId) : error,
        );
      },
    };
  },
};

async function prepareDatabase(config: Config, orm: MikroORM, logger: Logger): Promise<void> {
  if (config.MIGRATE_ON_START) {
    const applied = await orm.migrator.up();
    logger.info({ applied: applied.map((migration) => migration.name) }, `migrations: ${applied.length} applied`);
  }
  if (config.LOAD_REFERENCE_DATA_ON_START) {
    const report = await importShippedReferenceData(orm.em.fork());
    for (const row of report.rejected) logger.warn({ line: row.line, reason: row.reason }, 'reference data: row not imported');
    logger.info(
      { wilayas: report.wilayas, dairas: report.dairas, communes: report.communes, rejected: report.rejected.length },
      'reference data loaded',
    );
  }
}

/**
 * Starts Raccord with `config`: opens the database (embedded when `DATABASE_URL` is unset), applies
 * migrations and loads reference data (unless turned off), and serves on `HOST:PORT` (`PORT=0` takes
 * a free port):
 * - `POST /graphql` (and GET for queries): GraphQL over HTTP (Apollo Server 5);
 * - `ws://…/graphql`: GraphQL over WebSocket (graphql-ws protocol), same schema and context;
 * - `GET /healthz`: 200 while the process runs; `GET /readyz`: 200 when the database answers, else 503;
 * - `GET /`: the console's production build (`dist/console`), when built.
 *
 * Whatever fails during start-up is undone (ORM closed, embedded database stopped) before it throws.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database: DatabaseHandle = await openDatabase(config, logger);
  let orm: MikroORM | undefined;
  try {
    orm = await initOrm({ databaseUrl: database.url, logger, poolMax: config.DB_POOL_MAX });
    await prepareDatabase(config, orm, logger);
    return await serve(config, logger, orm, database);
  } catch (error) {
    await orm?.close();
    await database.stop();
    throw error;
  }
}

async function serve(config: Config, logger: Logger, orm: MikroORM, database: DatabaseHandle): Promise<App> {
  const schema = await buildRaccordSchema();
  const expressApp = express();
  expressApp.disable('x-powered-by');
  const httpServer = createServer(expressApp);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsDisposable = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema,
      // GraphQL over WebSocket skips Apollo: parse and validate here, with the codes HTTP gives.
      onSubscribe: (_ctx, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'The query could not be parsed';
          return [new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } })];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) {
          return errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } }));
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      context: (_ctx, id, payload) => {
        const requestId = randomUUID();
        const operationLogger = logger.child({ reqId: requestId });
        operationLogger.info({ transport: 'ws', operationId: id, operationName: payload.operationName }, 'websocket operation');
        return createContext(orm, requestId, operationLogger);
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return;
        const context = args.contextValue as Context;
        return {
          ...result,
          errors: result.errors.map((error) => {
            if (!isUnexpectedError(error)) return error.toJSON();
            context.logger.error({ err: error.originalError ?? error }, 'unexpected error');
            return internalError(context.requestId);
          }),
        };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.NODE_ENV !== 'production',
    includeStacktraceInErrorResponses: false,
    // Raccord's main.ts owns the signals: Apollo's own handler would stop only Apollo, then re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => (isUnexpectedError(error) ? internalError('') : formatted),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_TIMEOUT_MS }),
      { async serverWillStart() { return { async drainServer() { await wsDisposable.dispose(); } }; } },
      errorMaskingPlugin,
    ],
  });
  await apollo.start();

  let stopping = false;
  expressApp.use(
    pinoHttp({
      logger,
      quietReqLogger: true,
      genReqId: (request, response) => {
        const id = requestIdOf(request);
        response.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/readyz' },
      // Method, path and peer only: headers carry credentials and cookies, never logged.
      serializers: {
        req: (request: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
          remoteAddress: request.remoteAddress,
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
    }),
  );
  expressApp.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  expressApp.get('/readyz', async (request, response) => {
    if (stopping) {
      response.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      await orm.em.fork().getConnection().execute('select 1');
      response.json({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: database did not answer');
      response.status(503).json({ status: 'database unavailable' });
    }
  });
  expressApp.use(
    '/graphql',
    express.json({ limit: config.MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(orm, String(req.id), req.log),
    }),
  );
  serveConsole(expressApp);
  expressApp.use(httpErrorHandler(config.MAX_BODY_BYTES));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      logger.info('stopping: draining requests in flight');
      try {
        await apollo.stop();
      } finally {
        await orm.close();
        await database.stop();
        logger.info('stopped');
      }
    })();
    return stopped;
  };

  return { url: `http://${host}:${port}`, port, orm, stop };
}

/**
 * Errors raised before GraphQL runs (a body that is not JSON, a body over MAX_BODY_BYTES): answered in
 * GraphQL's error shape with a code, never Express's HTML page with a stack. Anything else is
 * masked to INTERNAL_SERVER_ERROR with the request id, and logged whole.
 */
const httpErrorHandler = (maxBodyBytes: number): express.ErrorRequestHandler => (error: { status?: number; type?: string }, request, response, next) => {
  if (response.headersSent) return next(error);
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON'
      : error.type === 'entity.too.large'
        ? `The request body is larger than ${maxBodyBytes} bytes (MAX_BODY_BYTES)`
        : status < 500
          ? 'The request could not be read'
          : undefined;
  if (message === undefined) {
    request.log.error({ err: error }, 'unexpected error');
    response.status(500).json({ errors: [internalError(String(request.id))] });
    return;
  }
  request.log.warn({ errorType: error.type, status }, message);
  response.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] });
};

/** Serves the console's production build at `/`, with `index.html` for its client-side routes. */
function serveConsole(expressApp: express.Express): void {
  const indexFile = join(consoleBuildDir, 'index.html');
  if (!existsSync(indexFile)) {
    expressApp.get('/', (_request, response) => {
      response.status(503).type('text/plain').send('The console is not built: run `npm run build`, then restart.\n');
    });
    return;
  }
  expressApp.use(
    express.static(consoleBuildDir, {
      index: 'index.html',
      setHeaders: (response, path) => {
        response.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    }),
  );
  expressApp.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (extname(request.path) !== '' || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
