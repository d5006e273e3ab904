import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { RaccordPostgreSqlDriver } from '../database/entity-manager.js';
import type { QueryObserver } from '../database/orm-logger.js';

/** Distinct GraphQL operation names kept as label values; further names are counted as `other`. */
export const maxOperationLabels = 200;

/** What tarn (knex's pool, under MikroORM) tells of its connections. */
interface PoolStatistics {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/** A connection (primary or replica) whose pool the metrics read. */
interface WatchedPool {
  readonly name: string;
  readonly pool: () => PoolStatistics | undefined;
  readonly execute: <T>(sql: string) => Promise<T[]>;
}

/**
 * The figures one Raccord process exposes on `GET /metrics` (Prometheus text format, prom-client),
 * in a registry of its own (several apps may run in one process under test). Names and units:
 *
 * - `raccord_http_request_duration_seconds{route, operation, type, status}`: HTTP requests; for
 *   `/graphql`, `operation` is the GraphQL operationName (never the query; `anonymous` without one;
 *   `other` past `maxOperationLabels` distinct names) and `type` query, mutation or subscription.
 * - `raccord_graphql_errors_total{code, transport}`: errors sent to clients, by `extensions.code`.
 * - `raccord_db_query_duration_seconds{pool}`, `raccord_db_query_errors_total{pool}`: SQL statements
 *   run by MikroORM, on `primary` or `replica-1`…; `raccord_db_pool_{used,idle,waiting,max}{pool}`:
 *   the connection pools, read at scrape time; `raccord_db_replica_lag_seconds{pool}`: how far each
 *   replica's replay is behind (0 when it has replayed all it received), absent on a server that is
 *   not a replica.
 * - `raccord_websocket_connections`, `raccord_websocket_operations`: open sockets and the operations
 *   (subscriptions mostly) running on them.
 * - `raccord_events_published_total{topic}` (written to the change log by this process's changes),
 *   `raccord_events_received_total{topic}` (read from the change log by this process, for its
 *   subscribers), `raccord_change_log_listening` (1 while this process listens to the log's
 *   notifications), `raccord_change_log_listener_disconnects_total`.
 * - `raccord_acceptances_total`, `raccord_invoice_transitions_total{change}` (SUBMITTED, APPROVED,
 *   REVISION_REQUESTED, PAYMENT_RECORDED, CREDITED): counted when committed, on the process that
 *   committed them; add them up across processes.
 * - `raccord_month_close_runs_total{outcome}`, `raccord_month_close_invoices_submitted_total`,
 *   `raccord_month_close_last_success_timestamp_seconds`.
 * - `raccord_invoices_overdue`, `raccord_invoices_overdue_oldest_days`: approved invoices not paid in
 *   full past their due date (Algiers), read from the database at scrape time (the same for every
 *   process: alert on `max`).
 * - prom-client's Node.js figures: `nodejs_eventloop_lag_p99_seconds` and
 *   `nodejs_eventloop_lag_max_seconds` (perf_hooks' monitorEventLoopDelay, reset at each scrape),
 *   heap, garbage collection, `process_cpu_seconds_total`, open file descriptors.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'raccord_http_request_duration_seconds',
    help: 'HTTP requests, by route, GraphQL operation name and type, and status code',
    labelNames: ['route', 'operation', 'type', 'status'] as const,
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'raccord_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code and transport (http, ws)',
    labelNames: ['code', 'transport'] as const,
    registers: [this.registry],
  });

  private readonly dbQueryDuration = new Histogram({
    name: 'raccord_db_query_duration_seconds',
    help: 'SQL statements run through MikroORM, by pool (primary, replica-1…)',
    labelNames: ['pool'] as const,
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5, 1, 5, 15],
    registers: [this.registry],
  });

  private readonly dbQueryErrors = new Counter({
    name: 'raccord_db_query_errors_total',
    help: 'SQL statements that failed, by pool',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'raccord_events_published_total',
    help: 'Events of committed changes written to the change log by this process, by topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly eventsReceived = new Counter({
    name: 'raccord_events_received_total',
    help: "Events read from the change log by this process for its subscribers (every process's, its own included), by topic",
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });

  readonly changeLogListening = new Gauge({
    name: 'raccord_change_log_listening',
    help: '1 while this process listens to the change log (LISTEN on its database connection), 0 while it reconnects',
    registers: [this.registry],
  });

  readonly changeLogListenerDisconnects = new Counter({
    name: 'raccord_change_log_listener_disconnects_total',
    help: 'Times this process lost its connection listening to the change log',
    registers: [this.registry],
  });

  readonly acceptances = new Counter({
    name: 'raccord_acceptances_total',
    help: 'Installations accepted (and billed) by this process, counted once committed',
    registers: [this.registry],
  });

  readonly invoiceTransitions = new Counter({
    name: 'raccord_invoice_transitions_total',
    help: 'Invoice changes committed by this process, by change (SUBMITTED, APPROVED, REVISION_REQUESTED, PAYMENT_RECORDED, CREDITED)',
    labelNames: ['change'] as const,
    registers: [this.registry],
  });

  readonly monthCloseRuns = new Counter({
    name: 'raccord_month_close_runs_total',
    help: 'Runs of the month-close job (DRAFT invoices of ended months submitted), by outcome (ok, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly monthCloseInvoicesSubmitted = new Counter({
    name: 'raccord_month_close_invoices_submitted_total',
    help: 'DRAFT invoices submitted by the month-close job of this process',
    registers: [this.registry],
  });

  readonly monthCloseLastSuccess = new Gauge({
    name: 'raccord_month_close_last_success_timestamp_seconds',
    help: 'When the month-close job of this process last ran through (Unix time)',
    registers: [this.registry],
  });

  private readonly operationNames = new Set<string>();
  private readonly pools: WatchedPool[] = [];
  private webSockets: () => { connections: number; operations: number } = () => ({ connections: 0, operations: 0 });
  private overdue: (() => Promise<{ invoices: number; oldestDays: number }>) | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.poolGauge('raccord_db_pool_used', 'Connections of the pool lent to a statement or a transaction', (pool) =>
      pool.numUsed(),
    );
    this.poolGauge('raccord_db_pool_idle', 'Connections of the pool open and free', (pool) => pool.numFree());
    this.poolGauge(
      'raccord_db_pool_waiting',
      'Requests waiting for a connection of the pool (the pool is exhausted)',
      (pool) => pool.numPendingAcquires(),
    );
    this.poolGauge('raccord_db_pool_max', 'Most connections the pool may open (DB_POOL_MAX)', (pool) => pool.max);
    const pools = this.pools;
    new Gauge({
      name: 'raccord_db_replica_lag_seconds',
      help: "How far each read replica's replay is behind its primary (0 when it has replayed all it received)",
      labelNames: ['pool'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.all(
          pools
            .filter((pool) => pool.name !== 'primary')
            .map(async (pool) => {
              const [row] = await pool.execute<{ lag: string | null }>(
                `select case when not pg_is_in_recovery() then null
                             when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
                             else extract(epoch from now() - pg_last_xact_replay_timestamp()) end as lag`,
              );
              if (row?.lag !== null && row?.lag !== undefined) this.set({ pool: pool.name }, Number(row.lag));
            }),
        );
      },
    });
    const webSockets = () => this.webSockets();
    new Gauge({
      name: 'raccord_websocket_connections',
      help: 'WebSocket connections open (graphql-ws, signed in or anonymous)',
      registers: [this.registry],
      collect() {
        this.set(webSockets().connections);
      },
    });
    new Gauge({
      name: 'raccord_websocket_operations',
      help: 'Operations running on the open WebSockets (subscriptions, mostly)',
      registers: [this.registry],
      collect() {
        this.set(webSockets().operations);
      },
    });
    const overdue = () => this.overdue?.();
    const oldest = new Gauge({
      name: 'raccord_invoices_overdue_oldest_days',
      help: 'Days past its due date of the oldest approved invoice not paid in full (Algiers), 0 when none',
      registers: [this.registry],
    });
    new Gauge({
      name: 'raccord_invoices_overdue',
      help: 'Approved invoices not paid in full past their due date (Algiers)',
      registers: [this.registry],
      async collect() {
        const figures = await overdue();
        if (!figures) return;
        this.set(figures.invoices);
        oldest.set(figures.oldestDays);
      },
    });
  }

  private poolGauge(name: string, help: string, read: (pool: PoolStatistics) => number): void {
    const pools = this.pools;
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        for (const pool of pools) {
          const statistics = pool.pool();
          if (statistics) this.set({ pool: pool.name }, read(statistics));
        }
      },
    });
  }

  /** The label of a GraphQL operation name: itself for the first `maxOperationLabels` names seen, then `other`; `anonymous` without one. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= maxOperationLabels) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** The observer MikroORM's logger calls for each SQL statement (see `ormOptions`). */
  readonly onQuery: QueryObserver = ({ tookMs, connection, connectionName, failed }) => {
    const pool = connection === 'read' ? (connectionName ?? 'replica') : 'primary';
    if (failed) this.dbQueryErrors.inc({ pool });
    else this.dbQueryDuration.observe({ pool }, tookMs / 1000);
  };

  /** Counts the events of a committed transaction by topic (the invoice module counts acceptances and invoice changes). */
  countCommitted(events: readonly { readonly topic: string }[]): void {
    for (const event of events) this.eventsPublished.inc({ topic: event.topic });
  }

  /** Reads the pools of `orm` (primary and replicas) at each scrape, and the overdue invoices from its primary. */
  watchDatabase(orm: MikroORM): void {
    const driver = orm.em.getDriver();
    const connections = [
      { name: 'primary', connection: driver.getConnection('write') },
      ...(driver instanceof RaccordPostgreSqlDriver
        ? driver.replicaConnections().map((connection, index) => ({ name: `replica-${index + 1}`, connection }))
        : []),
    ];
    for (const { name, connection } of connections) {
      this.pools.push({
        name,
        pool: () => (connection.getKnex().client as { pool?: PoolStatistics }).pool,
        execute: (sql) => connection.execute(sql),
      });
    }
    const primary = driver.getConnection('write');
    this.overdue = async () => {
      const [row] = await primary.execute<{ invoices: string; oldest: string | null }[]>(
        `select count(*)::text as invoices, max((now() at time zone 'Africa/Algiers')::date - due_on)::text as oldest
           from invoice where status in ('APPROVED', 'PARTIALLY_PAID') and due_on < (now() at time zone 'Africa/Algiers')::date`,
      );
      return { invoices: Number(row?.invoices ?? 0), oldestDays: Number(row?.oldest ?? 0) };
    };
  }

  /** Reads the open WebSockets and their operations at each scrape. */
  watchWebSockets(read: () => { connections: number; operations: number }): void {
    this.webSockets = read;
  }
}
