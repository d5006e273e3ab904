import { createChangeLog, startChangeLogPruning } from './common/change-log.js';
import { startJobQueue } from './common/job-queue.js';
import { jobCrontab, jobTasks } from './jobs.js';
import { logConsumers } from './log-consumers.js';
import { startIdempotencyKeyPruning } from './common/idempotency.js';
import './modules/loaders.js';
import { DashboardFeed } from './modules/dashboard/dashboard.feed.js';
import { defaultBuyer } from './modules/invoice/invoice-document.js';
import { countInvoiceChanges } from './modules/invoice/invoice.events.js';
import { startMonthClose } from './modules/invoice/month-close.job.js';
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createLogger } from './common/logger.js';
import { Metrics } from './common/metrics.js';
import type { Config } from './config.js';
import type { Settings } from './context.js';
import { defaultQualityThresholds } from './modules/customer-subscription/installation-quality.js';
import { openDatabase, waitForDatabase, type DatabaseHandle } from './database/database.js';
import { initOrm } from './entities.js';
import { loadStartingPriceSchedule, PriceCache } from './modules/invoice/price-schedule.service.js';
import { recordAllScorecards, scorecardsNeverCounted } from './modules/scorecard/scorecard.recorder.js';
import { loadStartingServiceLevels } from './modules/service-level/service-level.service.js';
import { createPhotoStore } from './modules/photo/photo.store.js';
import { importShippedReferenceData } from './modules/reference-data/reference-data.import.js';
import { referenceData } from './modules/reference-data/reference-data.cache.js';
import { watchReferenceData } from './modules/reference-data/reference-data.events.js';
import { buildRaccordSchema } from './schema.js';
import { loadDemoData } from './seeders/demo-data.js';
import { createAuthRuntime } from './modules/auth/auth.runtime.js';
import { bootstrapAdministrator } from './modules/auth/auth.service.js';
import { requestAuthentication } from './modules/auth/request-authentication.js';
import { invoiceDocumentRoutes } from './modules/invoice/invoice-document.routes.js';
import type { PhotoLimits } from './modules/photo/photo-limits.js';
import { photoRoutes } from './modules/photo/photo.routes.js';
import { configureWebhooks } from './modules/webhook/webhook.settings.js';
import { createApolloServer } from './transport/graphql-http.js';
import { attachGraphQLWebSocket } from './transport/graphql-ws.js';
import { startDebugMetrics } from './transport/debug-metrics.js';
import { createExpressApp } from './transport/http.js';
import { answerWhileStarting, type StartingReason } from './transport/starting.js';

/** The mutations whose request may be large: the CSV imports, whose file travels as their `csv` argument. */
const importMutations: readonly string[] = ['importContractors', 'importCustomerSubscriptions'];

/** A running Raccord: API at `${url}/graphql` (HTTP and WebSocket), console at `${url}/`. */
export interface App {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  readonly port: number;
  readonly orm: MikroORM;
  /** This process's figures, served on `GET /metrics` when METRICS_TOKEN is set. */
  readonly metrics: Metrics;
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
  /**
   * Stops the wait for a database that does not answer yet (DATABASE_URL): `createApp` then undoes
   * what it started and rejects with the signal's reason.
   */
  readonly signal?: AbortSignal;
}

/** The rules' settings from `config`: those the API, the month close and the demo data apply alike. */
function ruleSettings(config: Config): Settings {
  return {
    qualityThresholds: config.QUALITY_THRESHOLDS ?? defaultQualityThresholds,
    retentionPercent: config.RETENTION_PERCENT,
    paymentTermsDays: config.PAYMENT_TERMS_DAYS,
    rolloutDeadline: config.ROLLOUT_DEADLINE,
    idempotencyKeyTtlHours: config.IDEMPOTENCY_KEY_TTL_HOURS,
    positionToleranceMetres: config.FIELD_POSITION_TOLERANCE_METRES,
    buyer: config.INVOICE_BUYER ?? defaultBuyer,
  };
}

async function prepareDatabase(config: Config, orm: MikroORM, logger: Logger): Promise<void> {
  if (config.MIGRATE_ON_START) {
    const applied = await orm.migrator.up();
    logger.info({ applied: applied.map((migration) => migration.name) }, `migrations: ${applied.length} applied`);
  } else {
    const pending = await orm.migrator.getPendingMigrations();
    if (pending.length > 0) {
      throw new Error(
        `${pending.length} migrations are not applied to the database (${pending.map((m) => m.name).join(', ')}): ` +
          'apply them (npm run migration:up, or start once with MIGRATE_ON_START=true)',
      );
    }
  }
  if (config.LOAD_REFERENCE_DATA_ON_START) {
    const report = await importShippedReferenceData(orm.em.fork());
    for (const row of report.rejected)
      logger.warn({ line: row.line, reason: row.reason }, 'reference data: row not imported');
    for (const row of report.positions.rejected)
      logger.warn({ line: row.line, reason: row.reason }, 'reference data: commune centre not imported');
    logger.info(
      {
        wilayas: report.wilayas,
        dairas: report.dairas,
        communes: report.communes,
        communesPlaced: report.positions.placed,
        rejected: report.rejected.length + report.positions.rejected.length,
      },
      'reference data loaded',
    );
    await loadStartingPriceSchedule(orm);
    await loadStartingServiceLevels(orm);
  }
  if (
    config.ADMIN_EMAIL &&
    config.ADMIN_PASSWORD &&
    (await bootstrapAdministrator(orm, config.ADMIN_EMAIL, config.ADMIN_PASSWORD))
  ) {
    logger.info({ email: config.ADMIN_EMAIL }, 'first administrator created from ADMIN_EMAIL');
  }
  if (config.LOAD_DEMO_DATA_ON_START && (await loadDemoData(orm, logger, { settings: ruleSettings(config) }))) {
    logger.info('demo data loaded on the empty database (LOAD_DEMO_DATA_ON_START=false to start empty)');
  }
  if (await scorecardsNeverCounted(orm.em.fork())) {
    const records = await recordAllScorecards(orm, ruleSettings(config).qualityThresholds);
    logger.info({ records }, 'scorecards counted from the work already there');
  }
}

/** Listens on `HOST:PORT`; resolves once it does. */
function listen(httpServer: Server, config: Config): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
}

/** Stops listening and closes the connections still open. */
function closeServer(httpServer: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!httpServer.listening) return resolve();
    httpServer.close(() => resolve());
    httpServer.closeAllConnections();
  });
}

/**
 * Starts Raccord with `config`: listens at once, answering `/healthz` (200), `/readyz` (503, `starting`)
 * and every other request with a coded 503 (SERVICE_UNAVAILABLE) until it is ready; opens the database
 * (embedded when `DATABASE_URL` is unset; else waits for it to answer, trying again with backoff until
 * `options.signal` aborts), applies
 * migrations (or, with MIGRATE_ON_START=false, refuses to start while some are pending), loads
 * reference data and, on an empty database, the demo (each unless turned off), and serves on `HOST:PORT` (`PORT=0` takes a free port):
 * - `POST /graphql` (and GET for queries): GraphQL over HTTP (Apollo Server 5);
 * - `ws://…/graphql`: GraphQL over WebSocket (graphql-ws protocol), same schema, limits and context;
 * - `GET /healthz`: 200 while the process runs; `GET /readyz`: 200 when the database answers, else 503;
 * - `GET /metrics`: Prometheus figures, with `Authorization: Bearer <METRICS_TOKEN>` (404 while it is unset);
 * - with DEBUG_METRICS, `GET /debug/metrics` and `POST /debug/metrics/reset`: SQL statements and event-loop delay, for benchmarks;
 * - `GET /invoices/:id/pdf`, `GET /credit-notes/:id/pdf`: the documents as PDF, under `Query.invoice`'s access rule;
 * - `PUT /photos/:id`, `GET /photos/:id`, `GET /photos/:id/thumbnail`: photos of the work, kept in the photo store (PHOTO_STORAGE);
 * - `GET /`: the console's production build (`dist/console`), when built;
 * - every 10 minutes, DRAFT invoices of a month that has ended (Algiers) are submitted.
 * - the change log: this process's subscribers and the log's consumers (`log-consumers.ts`), read from
 *   the database, and every hour the events older than CHANGE_LOG_RETENTION_DAYS pruned;
 * - the job queue (`jobs.ts`: mail, webhooks), worked in this process as in every other one, and its
 *   daily tasks (`jobCrontab`: API keys about to expire).
 *
 * Whatever fails during start-up is undone (listener, ORM and embedded database closed) before it throws.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  let starting: StartingReason = 'DATABASE_UNAVAILABLE';
  const answerStarting = answerWhileStarting(() => starting);
  const httpServer = createServer(answerStarting);
  await listen(httpServer, config);
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  logger.info({ url }, 'answering health checks while starting');
  let database: DatabaseHandle | undefined;
  let orm: MikroORM | undefined;
  try {
    database = await openDatabase(config, logger);
    const metrics = new Metrics();
    orm = await initOrm({
      databaseUrl: database.url,
      replicaUrls: config.DATABASE_REPLICA_URLS,
      logger,
      poolMax: config.DB_POOL_MAX,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      onQuery: metrics.onQuery,
    });
    if (config.DATABASE_REPLICA_URLS.length > 0)
      logger.info(
        { replicas: config.DATABASE_REPLICA_URLS.length },
        'GraphQL queries read from the replicas (DATABASE_REPLICA_URLS)',
      );
    if (!database.embedded) {
      const connected = orm;
      await waitForDatabase(() => connected.checkConnection(), logger, options.signal);
    }
    starting = 'DATABASE_PREPARING';
    await prepareDatabase(config, orm, logger);
    return await serve(config, logger, orm, database, metrics, { httpServer, answerStarting, url, port });
  } catch (error) {
    await closeServer(httpServer);
    await orm?.close();
    await database?.stop();
    throw error;
  }
}

/**
 * Builds what serves the API on `listening.httpServer` (listening already at `url`, answering with
 * `answerStarting` until then), and starts the background jobs.
 */
async function serve(
  config: Config,
  logger: Logger,
  orm: MikroORM,
  database: DatabaseHandle,
  metrics: Metrics,
  listening: { httpServer: Server; answerStarting: RequestListener; url: string; port: number },
): Promise<App> {
  const { httpServer } = listening;
  const schema = await buildRaccordSchema();
  const auth = await createAuthRuntime(config, orm);
  metrics.watchDatabase(orm);
  const events = createChangeLog({
    orm,
    databaseUrl: database.url,
    logger,
    metrics,
    consumers: logConsumers(ruleSettings(config)),
  });
  await events.start();
  events.onCommitted((committed) => countInvoiceChanges(metrics, committed));
  const dashboards = new DashboardFeed(orm, events, logger, config.DASHBOARD_QUERY_MAX_AGE_MS);
  dashboards.start();
  // Read once now, and again after a reference import (by any process) changes it.
  const stopWatchingReferenceData = watchReferenceData(events, orm.em);
  await referenceData(orm.em.fork());
  const photoLimits: PhotoLimits = {
    maxBytes: config.PHOTO_MAX_BYTES,
    maxPixels: config.PHOTO_MAX_PIXELS,
    maxPerReport: config.PHOTO_MAX_PER_REPORT,
  };
  const settings: Settings = {
    ...ruleSettings(config),
    photos: photoLimits,
    smsAvailable: config.SMS_URL !== undefined,
    passwordReset: {
      available: config.SMTP_URL !== undefined && config.PUBLIC_URL !== undefined,
      ttlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
    },
    events,
    dashboards,
    prices: new PriceCache(),
  };
  const photoStore = createPhotoStore(config);
  logger.info({ photoStore: photoStore.description }, `photos stored on ${photoStore.description}`);
  const authentication = requestAuthentication(orm, auth, settings);
  const webSocket = attachGraphQLWebSocket({ httpServer, schema, config, logger, authentication, metrics });
  const apollo = createApolloServer({ schema, config, logger, httpServer, metrics, onDrain: webSocket.dispose });
  await apollo.start();
  let stopping = false;
  const debugMetrics = config.DEBUG_METRICS ? startDebugMetrics(orm) : null;
  // Ready: the API takes over from the answers given while starting.
  httpServer.off('request', listening.answerStarting);
  httpServer.on(
    'request',
    createExpressApp({
      config,
      logger,
      orm,
      apollo,
      authentication,
      importMutations,
      routes: [invoiceDocumentRoutes, photoRoutes(photoStore, photoLimits)],
      metrics,
      isStopping: () => stopping,
      debugMetrics,
    }),
  );
  const monthClose = startMonthClose(orm, logger, settings, metrics);
  configureWebhooks({
    disableAfterDays: config.WEBHOOK_DISABLE_AFTER_DAYS,
    allowPrivateAddresses: config.NODE_ENV !== 'production',
  });
  const jobs = await startJobQueue({
    connectionString: database.url,
    tasks: jobTasks(config, { orm }),
    crontab: jobCrontab,
    logger,
  });
  const changeLogPruning = startChangeLogPruning(events, logger, config.CHANGE_LOG_RETENTION_DAYS);
  const idempotencyKeyPruning = startIdempotencyKeyPruning(orm, logger, config.IDEMPOTENCY_KEY_TTL_HOURS);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      logger.info('stopping: draining requests in flight');
      try {
        await apollo.stop();
        await monthClose.stop();
        await jobs.stop();
        await changeLogPruning.stop();
        await idempotencyKeyPruning.stop();
      } finally {
        debugMetrics?.stop();
        stopWatchingReferenceData();
        await dashboards.stop();
        await events.close();
        await orm.close();
        await database.stop();
        logger.info('stopped');
      }
    })();
    return stopped;
  };

  return { url: listening.url, port: listening.port, orm, metrics, stop };
}
