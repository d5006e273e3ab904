import type { LogContext, Logger as OrmLogger, LoggerNamespace } from '@mikro-orm/core';
import type { Logger } from 'pino';

/**
 * Told of each SQL statement MikroORM ran: how long it took (ms), on which connection — `write` (the
 * primary) or `read` (a replica), and its name (`replica-1`…) — and whether it failed.
 */
export type QueryObserver = (statement: {
  tookMs: number;
  connection: 'read' | 'write';
  connectionName: string | undefined;
  failed: boolean;
}) => void;

/**
 * Routes MikroORM's log through pino, so that its lines are JSON like the rest and carry the request
 * id of the operation that ran them (the `reqId` of the EntityManager fork's logger context).
 * SQL statements are logged at `debug` as `{ component: 'orm', sql, tookMs, connection, reqId }`, where
 * `connection` is `write` for the primary and the replica's name (`replica-1`…) for a read replica.
 */
export class PinoOrmLogger implements OrmLogger {
  private debugMode: LoggerNamespace[];

  constructor(
    private readonly logger: Logger,
    debugMode: boolean | LoggerNamespace[] = false,
    private readonly onQuery?: QueryObserver,
  ) {
    this.debugMode = this.normalise(debugMode);
  }

  log(namespace: string, message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace as LoggerNamespace, context)) return;
    const level = context?.level === 'error' ? 'error' : context?.level === 'warning' ? 'warn' : 'debug';
    this.logger[level]({ component: 'orm', namespace, ...this.ids(context) }, message);
  }

  error(namespace: string, message: string, context?: LogContext): void {
    this.logger.error({ component: 'orm', namespace, ...this.ids(context) }, message);
  }

  warn(namespace: string, message: string, context?: LogContext): void {
    this.logger.warn({ component: 'orm', namespace, ...this.ids(context) }, message);
  }

  logQuery(context: LogContext): void {
    const type = context.connection?.type === 'read' ? 'read' : 'write';
    this.onQuery?.({
      tookMs: context.took ?? 0,
      connection: type,
      connectionName: context.connection?.name,
      failed: context.level === 'error',
    });
    if (!this.isEnabled('query', context)) return;
    const level = context.level === 'error' ? 'error' : 'debug';
    const connection = type === 'read' ? (context.connection?.name ?? 'read') : 'write';
    this.logger[level](
      {
        component: 'orm',
        sql: context.query,
        tookMs: context.took,
        results: context.results,
        connection,
        ...this.ids(context),
      },
      'sql',
    );
  }

  setDebugMode(debugMode: boolean | LoggerNamespace[]): void {
    this.debugMode = this.normalise(debugMode);
  }

  isEnabled(namespace: LoggerNamespace, context?: LogContext): boolean {
    if (context?.enabled === false) return false;
    const modes = context?.debugMode ?? this.debugMode;
    return modes.includes(namespace) && this.logger.isLevelEnabled('debug');
  }

  private normalise(debugMode: boolean | LoggerNamespace[]): LoggerNamespace[] {
    if (debugMode === true) return ['query', 'schema', 'discovery', 'info', 'deprecated'];
    return debugMode === false ? [] : debugMode;
  }

  private ids(context?: LogContext): Record<string, unknown> {
    return context?.['reqId'] === undefined ? {} : { reqId: context['reqId'] };
  }
}
