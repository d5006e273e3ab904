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
import { ErrorCode } from '../common/errors.js';
import type { Metrics } from '../common/metrics.js';
import { consoleBuildDir } from '../common/paths.js';
import type { Config } from '../config.js';
import { createContext, type Context, type Settings } from '../context.js';
import type { AuthRuntime } from '../modules/auth/auth.runtime.js';
import { authenticate } from '../modules/auth/auth.service.js';
import { requireOperationAccess } from '../modules/auth/permissions.js';
import type { InvoiceDocument } from '../modules/invoice/invoice-document.js';
import { creditNoteDocument, invoiceDocument } from '../modules/invoice/invoice-document.service.js';
import { renderInvoicePdf } from '../modules/invoice/invoice-pdf.js';
import { defaultPhotoLimits } from '../modules/photo/photo-limits.js';
import { mountPhotoRoutes } from '../modules/photo/photo.routes.js';
import type { PhotoStore } from '../modules/photo/photo.store.js';
import { mountDebugMetrics, type DebugMetrics } from './debug-metrics.js';
import { graphqlBody } from './body-limits.js';
import { mountExplorer } from './explorer.js';
import { answerRefusal, internalError } from './errors.js';
import { requestScope, type RequestScope } from './request-scope.js';

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is well formed, else a new UUID. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

/** The route of a request as the metrics name it: a few fixed paths, never an id. */
function routeOf(request: express.Request): string {
  // originalUrl: under a mounted middleware (`/graphql`), `path` is relative to the mount point.
  const path = new URL(request.originalUrl, 'http://raccord.invalid').pathname;
  if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
  if (/^\/invoices\/[^/]+\/pdf$/.test(path)) return '/invoices/:id/pdf';
  if (/^\/credit-notes\/[^/]+\/pdf$/.test(path)) return '/credit-notes/:id/pdf';
  if (/^\/photos\/[^/]+$/.test(path)) return '/photos/:id';
  if (/^\/photos\/[^/]+\/thumbnail$/.test(path)) return '/photos/:id/thumbnail';
  return 'console';
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

/**
 * The Express application: request logging with a request id (no headers), request durations in
 * `metrics`, `/healthz`, `/readyz`, `/metrics`, `/debug/metrics` (only with `debugMetrics`), `/graphql` (Apollo), the PDFs, the photos (`/photos/:id`), the console at `/`, and errors
 * before GraphQL answered in GraphQL's shape. `isStopping()` makes `/readyz` answer 503 while the
 * server drains.
 */
export function createExpressApp(options: {
  config: Config;
  logger: Logger;
  orm: MikroORM;
  apollo: ApolloServer<Context>;
  auth: AuthRuntime;
  settings: Settings;
  metrics: Metrics;
  /** Where photos of the work are stored, served at `/photos/:id`. */
  photoStore: PhotoStore;
  isStopping: () => boolean;
  /** Counters for benchmarks (DEBUG_METRICS): served at `/debug/metrics` when given. */
  debugMetrics?: DebugMetrics | null;
}): express.Express {
  const { config, logger, orm, apollo, auth, settings, metrics, photoStore, isStopping } = options;
  const app = express();
  app.disable('x-powered-by');
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
  app.get('/metrics', metricsRoute(metrics, config.METRICS_TOKEN));
  if (options.debugMetrics) mountDebugMetrics(app, options.debugMetrics);
  if (config.NODE_ENV !== 'production') mountExplorer(app);
  app.use(
    '/graphql',
    graphqlBody({
      orm,
      auth,
      maxBodyBytes: config.MAX_BODY_BYTES,
      maxImportBodyBytes: config.MAX_IMPORT_BODY_BYTES,
    }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        // On the primary, whatever the operation: a logout or a revoked key holds at once on every process.
        const viewer = await authenticate(orm.em.fork(), auth, req.headers.authorization);
        return createContext(orm, String(req.id), req.log, { viewer, auth, settings, ipAddress: req.ip ?? null });
      },
    }),
  );
  // Documents read from the primary: a replica a little behind could print an invoice just submitted without its number.
  const documentContext = async (request: express.Request): Promise<Context> => {
    const viewer = await authenticate(orm.em.fork(), auth, request.headers.authorization);
    return createContext(orm, String(request.id), request.log, {
      viewer,
      auth,
      settings,
      ipAddress: request.ip ?? null,
    });
  };
  app.get('/invoices/:id/pdf', documentRoute(documentContext, invoiceDocument, 'facture'));
  app.get('/credit-notes/:id/pdf', documentRoute(documentContext, creditNoteDocument, 'avoir'));
  mountPhotoRoutes(app, {
    contextOf: documentContext,
    store: photoStore,
    limits: settings.photos ?? defaultPhotoLimits,
  });
  serveConsole(app);
  app.use(httpErrorHandler());
  return app;
}

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
 * GET route serving a document (invoice or credit note) as a PDF, under the access rule of
 * `Query.invoice`: the same Authorization header as the API; 401 or 403 in GraphQL's error shape
 * when it is refused, 404 when there is no such document the viewer may see.
 */
function documentRoute(
  contextOf: (request: express.Request) => Promise<Context>,
  load: (context: Context, id: string) => Promise<InvoiceDocument | null>,
  filePrefix: string,
): express.RequestHandler<{ id: string }> {
  return async (request, response, next) => {
    try {
      const context = await contextOf(request);
      requireOperationAccess(context, 'Query', 'invoice');
      const document = /^[1-9]\d{0,17}$/.test(request.params.id) ? await load(context, request.params.id) : null;
      if (!document) {
        response.status(404).json({
          errors: [
            {
              message: `No ${filePrefix} with id "${request.params.id.slice(0, 40)}"`,
              extensions: { code: ErrorCode.NOT_FOUND },
            },
          ],
        });
        return;
      }
      const pdf = await renderInvoicePdf(document);
      response
        .status(200)
        .type('application/pdf')
        .setHeader(
          'Content-Disposition',
          `inline; filename="${filePrefix}-${document.number ?? `brouillon-${request.params.id}`}.pdf"`,
        )
        .setHeader('Cache-Control', 'private, no-store')
        .send(pdf);
    } catch (error) {
      answerRefusal(error, response, next);
    }
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
