import {
  GraphQLError,
  Kind,
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { clientAddress, type TrustProxy } from '../common/client-address.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { oncePerEvent } from '../common/events.js';
import { mapStream } from '../common/streams.js';
import type { Metrics } from '../common/metrics.js';
import { checkComplexity, queryLimits, webSocketValidationRules } from '../common/query-limits.js';
import type { Context } from '../context.js';
import { readFromReplicas } from '../database/entity-manager.js';
import { isDatabaseUnavailable } from '../database/database.js';
import type { Authentication, SessionEnds, TransportCaller } from './application.js';
import { formatGraphQLError, internalError, withoutSuggestions } from './errors.js';

/**
 * Whether a WebSocket upgrade may come from this page: a client with no Origin (not a browser), a
 * page served by Raccord itself, or an origin of ALLOWED_ORIGINS. A browser page from elsewhere is
 * refused: it would ride on the user's connection.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return parsed.host === host || allowed.some((entry) => new URL(entry).origin === parsed.origin);
}

/**
 * Operations (subscriptions, mostly) one WebSocket may run at once: a screen needs a handful, and
 * each one costs the server memory and work on every event.
 */
export const maxOperationsPerSocket = 50;

/** Close code of a socket whose session or key ended (or expired): graphql-ws clients do not retry it; sign in again. */
export const sessionEndedCloseCode = 4401;

/**
 * Close code of a socket whose sign-in could not be checked (the database did not answer):
 * 1013 "Try Again Later", which graphql-ws clients retry, unlike 4401, 4403, 4500 and 1011.
 */
export const tryAgainLaterCloseCode = 1013;

/** Whether an authentication failed because the token or key is refused, rather than because it could not be checked. */
function isRefusal(error: unknown): boolean {
  const code = error instanceof DomainError ? error.extensions['code'] : undefined;
  return code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.FORBIDDEN;
}

/** A socket signed in with a token or a key, as its session is watched. */
interface WatchedSession<Caller> {
  readonly caller: Caller;
  /** Stops its deliveries and closes it (4401). */
  end(): void;
}

/**
 * Watches a socket signed in with a token or a key: it ends (`end`: `ended` is called, which stops
 * its deliveries, and it closes with 4401) when its token or key expires, or when a check finds the
 * session or key revoked or the user disabled — a check every WS_SESSION_CHECK_SECONDS, the safety
 * net behind the ends the change log brings. A check that fails for another
 * reason (the database down) keeps the socket open: the next one tries again.
 */
function watchSession<Caller extends TransportCaller>(options: {
  socket: import('ws').WebSocket;
  caller: Caller;
  check: () => Promise<Caller | null>;
  checkEveryMs: number;
  ended: () => void;
  logger: Logger;
}): WatchedSession<Caller> {
  const { socket, caller, check, logger } = options;
  const end = () => {
    clearTimeout(expiry);
    clearInterval(recheck);
    options.ended();
    if (socket.readyState === socket.OPEN) socket.close(sessionEndedCloseCode, 'Session ended: sign in again');
  };
  const checkNow = () => {
    check().then(
      (current) => {
        if (!current) end();
      },
      (error: unknown) => {
        if (isRefusal(error)) end();
        else logger.warn({ err: error }, 'websocket session check failed: the socket stays open, checked again later');
      },
    );
  };
  const expiry = caller.expiresAt ? setTimeout(end, Math.max(0, caller.expiresAt.getTime() - Date.now())) : undefined;
  const recheck = setInterval(checkNow, options.checkEveryMs);
  expiry?.unref();
  recheck.unref();
  socket.once('close', () => {
    clearTimeout(expiry);
    clearInterval(recheck);
  });
  return { caller, end };
}

/**
 * A subscription's `results` as graphql-ws sends them, until `ended()` says the caller's session
 * ended: a result that comes after is not sent, and the stream stops. `sent` sends a result itself
 * when it can (one without errors: its shared frame) and says so; any other is yielded, and graphql-ws
 * sends it (through `onNext`). Returning it stops `results` at once, even while it waits for its next
 * result, and nothing is sent after.
 */
function delivered(
  results: AsyncIterable<ExecutionResult>,
  ended: () => boolean,
  sent: (result: ExecutionResult) => Promise<boolean>,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = results[Symbol.asyncIterator]();
  let returned = false;
  const finished = async (): Promise<IteratorResult<ExecutionResult>> => {
    returned = true;
    await iterator.return?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => {
      for (;;) {
        if (returned || ended()) return finished();
        const result = await iterator.next();
        if (result.done) return result;
        if (returned || ended()) return finished();
        if (!(await sent(result.value))) return result;
      }
    },
    return: finished,
  };
}

/** The JSON of each result without errors that was sent, in UTF-8: made once, however many sockets it goes to. */
const payloadBytes = new WeakMap<ExecutionResult, Buffer>();

/** What a `next` message of operation `id` starts with, as graphql-ws writes it: made once per operation. */
function nextFrameHead(id: string): Buffer {
  return Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
}

const nextFrameEnd = Buffer.from('}');

/**
 * The `next` message carrying `result` (no errors) of the operation whose frame starts with `head`,
 * its payload serialised and encoded once: a socket's frame is a copy of bytes, where a string would
 * be measured and encoded to UTF-8 again on every socket.
 */
function nextFrame(head: Buffer, result: ExecutionResult): Buffer {
  let payload = payloadBytes.get(result);
  if (payload === undefined) payloadBytes.set(result, (payload = Buffer.from(JSON.stringify(result))));
  return Buffer.concat([head, payload, nextFrameEnd]);
}

/** Sends `frame` (a text message's UTF-8) on `socket` as graphql-ws's adapter does: nothing once the socket is no longer open. */
function send(socket: import('ws').WebSocket, frame: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.readyState !== socket.OPEN) return resolve();
    socket.send(frame, { binary: false }, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * The root fields of an operation ("Subscription.invoiceChanged"), or null when one is selected
 * through a fragment (not listed: the caller's visibility then counts them as personal).
 */
function rootFieldsOf(schema: GraphQLSchema, operation: OperationDefinitionNode): string[] | null {
  const type = schema.getRootType(operation.operation);
  if (!type) return null;
  const fields: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    fields.push(`${type.name}.${selection.name.value}`);
  }
  return fields;
}

/** The configuration the WebSocket server reads (each variable is described in config.ts). */
export interface WebSocketConfig {
  readonly NODE_ENV: string;
  readonly MAX_WS_MESSAGE_BYTES: number;
  readonly ALLOWED_ORIGINS: readonly string[];
  readonly WS_SESSION_CHECK_SECONDS: number;
  readonly TRUST_PROXY?: TrustProxy | undefined;
}

/**
 * GraphQL over WebSocket (graphql-ws protocol) at `/graphql` on the HTTP server's port. graphql-ws
 * runs none of Apollo's machinery, so each operation gets here what HTTP gets there: parsing with
 * the token limit, validation with the same limits (introspection and suggestions off in
 * production), the caller authenticated again, the complexity check, a context of its own
 * (`authentication.contextOf`: EntityManager fork, loaders, request id),
 * and errors coded and masked the same way (and counted in `metrics`); a query reads from the read
 * replicas, a mutation or a subscription from the primary (see `operationPlugin` for HTTP).
 * A socket signed in ends with 4401 within moments of its session or key ending on any process
 * (`authentication.watchSessionEnds`), none of its results sent after; a sign-in that cannot be
 * checked (database down) closes with 1013, which clients retry, or, on a later check, keeps the socket.
 * Subscribers who run the same operation and see the same share each event's result and its frame (`cohortOf`).
 * Messages are capped at MAX_WS_MESSAGE_BYTES (a larger one closes the socket with 1009). The open
 * sockets and their operations are counted in `metrics`. Returns `dispose()`, which closes every socket (1001) and the server.
 */
export function attachGraphQLWebSocket<Caller extends TransportCaller>(options: {
  httpServer: Server;
  schema: GraphQLSchema;
  config: WebSocketConfig;
  logger: Logger;
  authentication: Authentication<Caller>;
  metrics: Metrics;
}): { dispose: () => Promise<void> } {
  const { httpServer, schema, config, logger, authentication, metrics } = options;
  // The connections accepted and still open (graphql-ws contexts), for the metrics.
  const open = new Set<{ readonly subscriptions: Readonly<Record<string, unknown>> }>();
  metrics.watchWebSockets(() => {
    let operations = 0;
    for (const connection of open) operations += Object.keys(connection.subscriptions).length;
    return { connections: open.size, operations };
  });
  const counted = (error: GraphQLFormattedError) => {
    metrics.graphqlErrors.inc({ code: String(error.extensions?.['code']), transport: 'ws' });
    return error;
  };
  const production = config.NODE_ENV === 'production';
  const rules = [...specifiedRules, ...webSocketValidationRules(production)];
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: config.MAX_WS_MESSAGE_BYTES });
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    if (!originAllowed(request.headers.origin, request.headers.host, config.ALLOWED_ORIGINS)) {
      logger.warn({ origin: request.headers.origin }, 'websocket refused: origin not allowed');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (client) => wsServer.emit('connection', client, request));
  });

  /** The caller named by connection_init's `authorization` ("Bearer <token>", the key in any case), checked again for each operation. */
  const callerOf = (ctx: { connectionParams?: Readonly<Record<string, unknown>> }) => {
    const params = ctx.connectionParams ?? {};
    const authorization =
      params[Object.keys(params).find((key) => key.toLowerCase() === 'authorization') ?? 'authorization'];
    return authentication.authenticate(typeof authorization === 'string' ? authorization : undefined);
  };

  /** Authenticates, parses, validates and prices one operation: its execution arguments, or the errors that refuse it. */
  const prepare = async (
    ctx: { connectionParams?: Readonly<Record<string, unknown>>; extra: { caller?: Caller | null } },
    payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  ) => {
    try {
      ctx.extra.caller = await callerOf(ctx);
    } catch (error) {
      // A refusal as it is; a failure to check (the database down) masked and logged by onError, the socket kept.
      return [
        error instanceof GraphQLError
          ? error
          : new GraphQLError('sign-in check failed', { originalError: error as Error }),
      ];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: queryLimits.maxTokens });
    } catch (error) {
      const message = error instanceof GraphQLError ? error.message : 'The query could not be parsed';
      return [new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } })];
    }
    const errors = validate(schema, document, rules);
    if (errors.length > 0) {
      return errors.map(
        (error) =>
          new GraphQLError(production ? withoutSuggestions(error.message) : error.message, {
            nodes: error.nodes,
            extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
          }),
      );
    }
    if (!getOperationAST(document, payload.operationName)) {
      return [
        new GraphQLError('Unable to identify the operation to run: give operationName', {
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        }),
      ];
    }
    try {
      checkComplexity(schema, document, payload.variables ?? undefined, payload.operationName);
    } catch (error) {
      return [error as GraphQLError];
    }
    return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
  };

  /**
   * The group of subscribers an operation's results are shared with (null: none, its variables are
   * not valid): those running the same document (printed) and operation with the same variables, as
   * coerced, whose viewers see the same (`authentication.visibilityOf`). Each event is executed once
   * for the group, and each result serialised once (`nextFrame`). A subscriber catching up (`after`)
   * reads its events from the database, objects of its own, so it shares only once it is on the live
   * stream, whose events are the same objects for every subscriber; and one whose `after` differs
   * has other variables, hence a group of its own.
   */
  const cohortOf = (args: ExecutionArgs): string | null => {
    const operation = getOperationAST(args.document, args.operationName);
    const variables = getVariableValues(schema, operation?.variableDefinitions ?? [], args.variableValues ?? {});
    if (!operation || 'errors' in variables) return null;
    const key = JSON.stringify(
      [
        print(args.document),
        args.operationName ?? null,
        variables.coerced,
        authentication.visibilityOf(args.contextValue as Context, rootFieldsOf(schema, operation)),
      ],
      (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
    );
    return `graphql-ws result ${createHash('sha256').update(key).digest('base64')}`;
  };

  /**
   * graphql-js's `subscribe`, each event's result made once for the subscriber's group (`cohortOf`),
   * on a copy of the context of the subscriber that asks first (the resolver renews its EntityManager
   * and loaders for the event: `renewForEvent`): the same result object for each of them.
   */
  const subscribeSharing = async (args: ExecutionArgs) => {
    const events = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in events)) return events;
    const cohort = cohortOf(args);
    const executed = (event: unknown, contextValue: unknown) => execute({ ...args, rootValue: event, contextValue });
    return mapStream(events, (event: unknown) =>
      cohort === null || typeof event !== 'object' || event === null
        ? executed(event, args.contextValue)
        : oncePerEvent(event, cohort, () => executed(event, { ...(args.contextValue as Context) })),
    );
  };

  // The sockets signed in, watched until they close, and the sign-ins being checked (told of the ends meanwhile).
  const watched = new Set<WatchedSession<Caller>>();
  const checking = new Set<(ends: SessionEnds<Caller>) => void>();
  const stopWatching = authentication.watchSessionEnds((ends) => {
    for (const note of checking) note(ends);
    const ending = [...watched].filter((session) => ends.includes(session.caller));
    for (const session of ending) {
      session.end();
      // Told once: the same end may come twice (from this process's commit, then through the bus).
      watched.delete(session);
    }
    if (ending.length > 0)
      logger.info({ reason: ends.reason, sockets: ending.length }, 'sessions ended: websockets closed');
  });

  const disposable = useServer<
    Record<string, unknown>,
    { caller?: Caller | null; starting?: Set<string>; ended?: boolean }
  >(
    {
      schema,
      subscribe: subscribeSharing,
      onConnect: async (ctx) => {
        const endsMeanwhile: SessionEnds<Caller>[] = [];
        const note = (ends: SessionEnds<Caller>) => endsMeanwhile.push(ends);
        checking.add(note);
        try {
          ctx.extra.caller = await callerOf(ctx);
        } catch (error) {
          if (!isRefusal(error)) {
            // The database did not answer: a code the client retries, never one it takes as final.
            logger.error({ err: error }, 'websocket refused for now: its sign-in could not be checked');
            ctx.extra.socket.close(tryAgainLaterCloseCode, 'Try again later: the sign-in could not be checked');
            return false;
          }
          // Say why, as HTTP does (graphql-ws's own refusal is a bare 4403 Forbidden).
          const reason = error instanceof DomainError ? error.message : 'Forbidden';
          ctx.extra.socket.close(
            4403,
            Buffer.byteLength(reason) <= 123 ? reason : 'Forbidden: the token or API key is not valid',
          );
          return false;
        } finally {
          checking.delete(note);
        }
        const caller = ctx.extra.caller;
        if (caller) {
          const session = watchSession({
            socket: ctx.extra.socket,
            caller,
            check: () => callerOf(ctx),
            checkEveryMs: config.WS_SESSION_CHECK_SECONDS * 1000,
            ended: () => (ctx.extra.ended = true),
            logger,
          });
          watched.add(session);
          ctx.extra.socket.once('close', () => watched.delete(session));
          // An end that committed while the sign-in was checked: the check may have read the session before it.
          if (endsMeanwhile.some((ends) => ends.includes(caller))) {
            session.end();
            return false;
          }
        }
        open.add(ctx);
        ctx.extra.socket.once('close', () => open.delete(ctx));
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        // graphql-ws lets a client complete an id and subscribe it again while the first subscribe is
        // still being set up; both would then run, one of them out of sight of the cap and of the
        // socket's close. One set-up per id at a time.
        const starting = (ctx.extra.starting ??= new Set<string>());
        if (starting.has(id)) {
          return [
            new GraphQLError(`Operation ${id} is still starting: wait for it, or use another id`, {
              extensions: { code: ErrorCode.BAD_REQUEST },
            }),
          ];
        }
        // graphql-ws has registered this operation already.
        if (Object.keys(ctx.subscriptions).length > maxOperationsPerSocket) {
          return [
            new GraphQLError(
              `At most ${maxOperationsPerSocket} subscriptions may run on one connection: end some, or open another connection`,
              {
                extensions: { code: ErrorCode.TOO_MANY_SUBSCRIPTIONS },
              },
            ),
          ];
        }
        starting.add(id);
        const prepared = await prepare(ctx, payload);
        if (Array.isArray(prepared)) starting.delete(id);
        return prepared;
      },
      onOperation: (ctx, id, _payload, _args, result) => {
        ctx.extra.starting?.delete(id);
        // Checked before each result is sent: none leaves once the caller's session ended, even before the socket is closed.
        // A result without errors is sent as its group's frame; one with errors goes through onNext, masked for this socket.
        if (Symbol.asyncIterator in result) {
          const head = nextFrameHead(id);
          return delivered(
            result,
            () => ctx.extra.ended === true,
            async (next) => {
              if (next.errors) return false;
              await send(ctx.extra.socket, nextFrame(head, next));
              return true;
            },
          );
        }
      },
      onComplete: (ctx, id) => {
        ctx.extra.starting?.delete(id);
      },
      context: (ctx, id, payload, args) => {
        const requestId = randomUUID();
        const operationLogger = logger.child({ reqId: requestId });
        operationLogger.info(
          { transport: 'ws', operationId: id, operationName: payload.operationName },
          'websocket operation',
        );
        const context = authentication.contextOf(ctx.extra.caller ?? null, {
          requestId,
          logger: operationLogger,
          ipAddress: clientAddress(ctx.extra.request, config.TRUST_PROXY ?? null),
        });
        if (getOperationAST(args.document, args.operationName)?.operation === 'query') readFromReplicas(context.em);
        return context;
      },
      // An error that ends a subscription (its event stream failed): coded, or masked like any unexpected error.
      onError: (ctx, id, _payload, errors) => {
        const scope = { requestId: randomUUID(), logger: logger.child({ transport: 'ws', operationId: id }) };
        // The client left while an event was on its way: not a fault of the server, and nobody to tell.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) {
          scope.logger.debug({ errors: errors.map((error) => error.message) }, 'websocket closed during an operation');
          return errors.map(() => internalError(scope.requestId));
        }
        return errors.map((error) => counted(formatGraphQLError(error.toJSON(), error, scope, production)));
      },
      onNext: (ctx, id, _payload, args, result) => {
        if (!result.errors) return;
        const context = args.contextValue as Context;
        // An event the database could not resolve (down meanwhile) is not sent half: the socket closes
        // with 1013 before it goes, and the client, resuming after the last position it received, gets it whole.
        if (
          getOperationAST(args.document, args.operationName)?.operation === 'subscription' &&
          result.errors.some(isDatabaseUnavailable)
        ) {
          context.logger.warn({ operationId: id }, 'the database did not answer an event: its socket closes with 1013');
          ctx.extra.socket.close(
            tryAgainLaterCloseCode,
            'the database does not answer: resume after your last position',
          );
          return;
        }
        return {
          ...result,
          errors: result.errors.map((error) => counted(formatGraphQLError(error.toJSON(), error, context, production))),
        };
      },
    },
    wsServer,
  );
  return {
    dispose: () => {
      stopWatching();
      return Promise.resolve(disposable.dispose());
    },
  };
}
