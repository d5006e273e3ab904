import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express from 'express';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, extname, join } from 'node:path';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { normalAddress, trustsProxy, type TrustProxy } from '../common/client-address.js';
import { ErrorCode } from '../common/errors.js';
import type { Metrics } from '../common/metrics.js';
import { consoleBuildDir } from '../common/paths.js';
import type { Context } from '../context.js';
import type { Authentication, HttpRoutes, RequestContext, TransportCaller } from './application.js';
import { mountDebugMetrics, type DebugMetrics } from './debug-metrics.js';
import { graphqlBody } from './body-limits.js';
import { mountExplorer } from './explorer.js';
import { databaseUnavailableError, internalError, unavailableRetryAfterSeconds } from './errors.js';
import { contextCreationError } from './graphql-http.js';
import { isDatabaseUnavailable } from '../database/database.js';
import { requestScope, type RequestScope } from './request-scope.js';
import { securityHeaders } from './security-headers.js';

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is well formed, else a new UUID. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

/** Whether `path` is one of `route` ("/photos/:id": a parameter stands for one non-empty segment). */
function onRoute(route: string, path: string): boolean {
  const expected = route.split('/');
  const given = path.split('/');
  return (
    expected.length === given.length &&
    expected.every((part, index) => (part.startsWith(':') ? given[index] !== '' : part === given[index]))
  );
}

/**
 * The route of a request as the metrics name it: a few fixed paths, or the path of one of `routes`
 * with its parameters (`/photos/:id`), never an id; anything else is the console.
 */
function routeNamer(routes: readonly HttpRoutes[]): (request: express.Request) => string {
  const named = routes.flatMap((route) => route.paths);
  return (request) => {
    // originalUrl: under a mounted middleware (`/graphql`), `path` is relative to the mount point.
    const path = new URL(request.originalUrl, 'http://raccord.invalid').pathname;
    if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
    return named.find((route) => onRoute(route, path)) ?? 'console';
  };
}

/** Whether an Authorization header carries `token` as a Bearer token (compared in constant time). */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`));
}

/**
 * `GET /metrics`: this process's figures in Prometheus' text format, only to a scraper that sends
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). Without METRICS_TOKEN they are not
 * served at all (404): the figures name operations and volumes that are nobody else's business.
 */
function metricsRoute(metrics: Metrics, token: string | undefined): express.RequestHandler {
  return async (request, response, next) => {
    if (!token) {
      response.status(404).json({
        errors: [
          {
            message: 'Metrics are not served: set METRICS_TOKEN to serve them',
            extensions: { code: ErrorCode.NOT_FOUND },
          },
        ],
      });
      return;
    }
    if (!bearerMatches(request.headers.authorization, token)) {
      response
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
        .json({
          errors: [
            { message: 'Send Authorization: Bearer <METRICS_TOKEN>', extensions: { code: ErrorCode.UNAUTHENTICATED } },
          ],
        });
      return;
    }
    try {
      const text = await metrics.registry.metrics();
      response.status(200).type(metrics.registry.contentType).setHeader('Cache-Control', 'no-store').send(text);
    } catch (error) {
      next(error);
    }
  };
}

/** The configuration the HTTP server reads (each variable is described in config.ts). */
export interface HttpConfig {
  readonly NODE_ENV: string;
  readonly METRICS_TOKEN?: string | undefined;
  readonly MAX_BODY_BYTES: number;
  readonly MAX_IMPORT_BODY_BYTES: number;
  readonly TRUST_PROXY?: TrustProxy | undefined;
}

/**
 * The Express application: request logging with a request id (no headers), request durations in
 * `metrics`, `/healthz`, `/readyz`, `/metrics`, `/debug/metrics` (only with `debugMetrics`), `/graphql` (Apollo),
 * the modules' `routes` (the PDFs, the photos), the console at `/`, and errors before GraphQL answered in
 * GraphQL's shape. Each operation's caller is authenticated from its Authorization header by
 * `authentication`, which also makes its context. `isStopping()` makes `/readyz` answer 503 while the
 * server drains.
 */
export function createExpressApp<Caller extends TransportCaller>(options: {
  config: HttpConfig;
  logger: Logger;
  orm: MikroORM;
  apollo: ApolloServer<Context>;
  authentication: Authentication<Caller>;
  /** The mutations whose request may be up to MAX_IMPORT_BODY_BYTES (see `graphqlBody`). */
  importMutations: readonly string[];
  /** The modules' routes beside the API, with the same Authorization header. */
  routes: readonly HttpRoutes[];
  metrics: Metrics;
  isStopping: () => boolean;
  /** Counters for benchmarks (DEBUG_METRICS): served at `/debug/metrics` when given. */
  debugMetrics?: DebugMetrics | null;
}): express.Express {
  const { config, logger, orm, apollo, authentication, routes, metrics, isStopping } = options;
  const routeOf = routeNamer(routes);
  // On the primary, whatever the operation: a logout or a revoked key holds at once on every process.
  // Documents too: a replica a little behind could print an invoice just submitted without its number.
  const contextOf: RequestContext = async (request) =>
    authentication.contextOf(await authentication.authenticate(request.headers.authorization), {
      requestId: String(request.id),
      logger: request.log,
      ipAddress: request.ip ? normalAddress(request.ip) : null,
    });
  const app = express();
  app.use(securityHeaders(join(consoleBuildDir, 'index.html')));
  // `req.ip`, the address sign-in limits count by: the client named by the proxies of TRUST_PROXY.
  const trust = config.TRUST_PROXY ?? null;
  app.set('trust proxy', (address: string, hop: number) => trustsProxy(trust, address, hop));
  app.use(
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
  app.use((request, response, next) => {
    const scope: RequestScope = { requestId: String(request.id), logger: request.log };
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      metrics.httpRequestDuration.observe(
        {
          route: routeOf(request),
          operation: scope.operation?.name ?? '',
          type: scope.operation?.type ?? '',
          status: String(response.statusCode),
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    requestScope.run(scope, next);
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (request, response) => {
    if (isStopping()) {
      response.status(503).json({ status: 'stopping', code: 'STOPPING' });
      return;
    }
    try {
      await orm.em.fork().getConnection().execute('select 1');
      response.json({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check: database did not answer');
      response.status(503).json({ status: 'database unavailable', code: 'DATABASE_UNAVAILABLE' });
    }
  });
  app.get('/metrics', metricsRoute(metrics, config.METRICS_TOKEN));
  if (options.debugMetrics) mountDebugMetrics(app, options.debugMetrics);
  if (config.NODE_ENV !== 'production') mountExplorer(app);
  // `all`, not `use`: a mounted middleware would answer every path below /graphql too.
  app.all(
    '/graphql',
    graphqlBody({
      authentication,
      importMutations: options.importMutations,
      maxBodyBytes: config.MAX_BODY_BYTES,
      maxImportBodyBytes: config.MAX_IMPORT_BODY_BYTES,
    }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return await contextOf(req);
        } catch (error) {
          throw contextCreationError(error);
        }
      },
    }),
  );
  const moduleRoutes = express.Router();
  for (const route of routes) route.mount(moduleRoutes, contextOf);
  app.use(moduleRoutes);
  app.use(apiPaths, notFound);
  serveConsole(app);
  app.use(notFound);
  app.use(httpErrorHandler());
  return app;
}

/** The API's own paths: anything under them that no route answered is a JSON 404, never a console page. */
const apiPaths = [
  '/api',
  '/graphql',
  '/invoices',
  '/credit-notes',
  '/photos',
  '/healthz',
  '/readyz',
  '/metrics',
  '/debug',
];

/** A path no route answers (nor the console, for a page): 404 in GraphQL's error shape with NOT_FOUND. */
const notFound: express.RequestHandler = (request, response) => {
  const path = new URL(request.originalUrl, 'http://raccord.invalid').pathname.slice(0, 200);
  response.status(404).json({
    errors: [{ message: `Nothing at ${request.method} ${path}`, extensions: { code: ErrorCode.NOT_FOUND } }],
  });
};

/**
 * Errors raised before GraphQL runs (a body that is not JSON, compressed wrongly, in an unsupported
 * charset): answered in GraphQL's error shape with BAD_REQUEST, never Express's HTML page (a body
 * too large is answered by `graphqlBody`). Anything else is masked to INTERNAL_SERVER_ERROR with the
 * request id, and logged whole.
 */
function httpErrorHandler(): express.ErrorRequestHandler {
  return (error: { status?: number; type?: string }, request, response, next) => {
    if (response.headersSent) return next(error);
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500 && isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'the database did not answer');
      response.setHeader('Retry-After', String(unavailableRetryAfterSeconds));
      response.status(503).json({ errors: [databaseUnavailableError] });
      return;
    }
    if (status === 500) {
      request.log.error({ err: error }, 'unexpected error');
      response.status(500).json({ errors: [internalError(String(request.id))] });
      return;
    }
    const message =
      error.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : 'The request could not be read (check its content type, charset and encoding)';
    request.log.warn({ errorType: error.type, status }, message);
    response.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] });
  };
}

/**
 * Files of the console's build whose name stays the same from one build to the next, checked again at
 * every use: the pages, the service worker (a browser must see a new service
 * worker as soon as it is deployed) and the web app manifest. Every other file's name carries a hash
 * of its content and is cached for a year.
 */
const revalidated = /^(.*\.html|sw\.js|manifest\.webmanifest)$/;

/** Serves the console's production build at `/`, with `index.html` for its client-side routes. */
function serveConsole(app: express.Express): void {
  const indexFile = join(consoleBuildDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.get('/', (_request, response) => {
      response.status(503).type('text/plain').send('The console is not built: run `npm run build`, then restart.\n');
    });
    return;
  }
  // The console's files compressed on the way out (gzip, when the browser accepts it): a phone on a
  // slow mobile network loads the field view in a third of the bytes. GraphQL answers are left as they are.
  app.use(compression());
  app.use(
    express.static(consoleBuildDir, {
      index: 'index.html',
      setHeaders: (response, path) => {
        response.setHeader(
          'Cache-Control',
          revalidated.test(basename(path)) ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    }),
  );
  app.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (extname(request.path) !== '' || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
