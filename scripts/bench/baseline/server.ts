import { execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { errors as joseErrors, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase, type Database } from './database.js';
import { domainError, type BaselineContext, type BaselineViewer } from './context.js';
import { baselineSchema } from './schema.js';

/** How the baseline is started. */
export interface BaselineOptions {
  /** PostgreSQL of Raccord's database (the baseline has no schema of its own: it reads and writes Raccord's tables). */
  readonly databaseUrl: string;
  /** Raccord's AUTH_TOKEN_SECRET: the baseline verifies Raccord's tokens (HS256, jose) and their sessions. */
  readonly authTokenSecret: string;
  readonly host?: string;
  /** 0 (default) takes a free port. */
  readonly port?: number;
  readonly poolMax?: number;
  readonly maxBodyBytes?: number;
  /** Raccord's RETENTION_PERCENT, for the drafts acceptInstallation opens. */
  readonly retentionPercent?: string;
}

/** A running baseline. */
export interface Baseline {
  readonly url: string;
  stop(): Promise<void>;
}

const documentCacheSize = 1000;

/** Parsed and validated documents by query text (graphql-js parse + validate run once per text). */
class DocumentCache {
  private readonly entries = new Map<string, DocumentNode | readonly GraphQLError[]>();

  constructor(private readonly check: (document: DocumentNode) => readonly GraphQLError[]) {}

  get(query: string): DocumentNode | readonly GraphQLError[] {
    const cached = this.entries.get(query);
    if (cached) return cached;
    let entry: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query);
      const problems = this.check(document);
      entry = problems.length > 0 ? problems : document;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      entry = [error];
    }
    if (this.entries.size >= documentCacheSize) this.entries.clear();
    this.entries.set(query, entry);
    return entry;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `The request body is larger than ${limit} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The viewer of an `Authorization: Bearer <token>` header, as Raccord checks it: the JWT verified
 * with jose (HS256, issuer "raccord"), then its session and user read in one statement (open,
 * unexpired, user enabled). The baseline serves administrators only.
 */
async function authenticate(
  db: Database,
  secret: Uint8Array,
  authorization: string | undefined,
): Promise<BaselineViewer> {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/.exec(authorization?.trim() ?? '');
  if (!match) throw domainError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
  let payload: { sub?: string; sid?: unknown };
  try {
    ({ payload } = await jwtVerify(match[1]!, secret, { issuer: 'raccord', algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof joseErrors.JOSEError)
      throw domainError('UNAUTHENTICATED', 'The token is invalid, expired or revoked');
    throw error;
  }
  if (typeof payload.sid !== 'string' || !/^[0-9a-f-]{36}$/.test(payload.sid))
    throw domainError('UNAUTHENTICATED', 'The token is invalid');
  const [row] = await db.query(
    `select u.id, u.email, u.display_name, u.role, u.wilaya_codes, u.is_contractor_admin
       from session s join app_user u on u.id = s.user_id
      where s.id = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
    [payload.sid],
  );
  if (!row || row['id'] !== payload.sub)
    throw domainError('UNAUTHENTICATED', 'The token is invalid, expired or revoked');
  if (row['role'] !== 'ADMIN') throw domainError('FORBIDDEN', 'The baseline serves administrators only');
  return {
    id: row['id'],
    email: row['email'],
    displayName: row['display_name'],
    role: row['role'],
    wilayaCodes: row['wilaya_codes'],
    isContractorAdmin: row['is_contractor_admin'],
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Errors as Raccord shows them: domain errors keep their code, anything else is masked. */
function formatErrors(result: ExecutionResult, requestId: string): ExecutionResult {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map((error) => {
      const original = error.originalError;
      if (!original || original instanceof GraphQLError) return error;
      process.stderr.write(
        `baseline: unexpected error (request ${requestId}): ${original.stack ?? String(original)}\n`,
      );
      return new GraphQLError('Internal server error', {
        path: error.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: requestId },
      });
    }),
  };
}

/**
 * Starts the hand-written baseline: Node `http`, graphql-js (`parse` and `validate` once per query
 * text, `execute` each time) and `pg` with hand-written SQL, on Raccord's database. Serves
 * `POST /graphql`, `GET /readyz`, and the same `GET /debug/metrics` / `POST /debug/metrics/reset` as
 * Raccord's DEBUG_METRICS (SQL statements, event-loop delay, resident memory).
 */
export async function startBaseline(options: BaselineOptions): Promise<Baseline> {
  const db = openDatabase(options.databaseUrl, options.poolMax ?? 10);
  const secret = new TextEncoder().encode(options.authTokenSecret);
  const { schema, rootValue } = baselineSchema();
  const documents = new DocumentCache((document) => validate(schema, document));
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let since = new Date();
  const snapshot = () => ({
    sqlStatements: db.statements(),
    eventLoopDelayMaxMs: delay.count === 0 ? 0 : Number((delay.max / 1e6).toFixed(1)),
    eventLoopDelayP99Ms: delay.count === 0 ? 0 : Number((delay.percentile(99) / 1e6).toFixed(1)),
    rssBytes: process.memoryUsage.rss(),
    since: since.toISOString(),
  });

  const graphql = async (request: IncomingMessage): Promise<ExecutionResult> => {
    const requestId =
      typeof request.headers['x-request-id'] === 'string'
        ? request.headers['x-request-id'].slice(0, 128)
        : randomUUID();
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(await readBody(request, maxBodyBytes)) as typeof body;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'The request body is not valid JSON');
    }
    if (typeof body.query !== 'string') throw new HttpError(400, 'The request has no query');
    const document = documents.get(body.query);
    if (Array.isArray(document)) return { errors: document };
    try {
      const viewer = await authenticate(db, secret, request.headers.authorization);
      const contextValue: BaselineContext = {
        db,
        viewer,
        requestId,
        retentionPercent: options.retentionPercent ?? '5',
      };
      const result = await execute({
        schema,
        document: document as DocumentNode,
        rootValue,
        contextValue,
        variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
        operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      });
      return formatErrors(result, requestId);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
  };

  const server = createServer((request, response) => {
    const path = request.url?.split('?')[0];
    if (request.method === 'POST' && path === '/graphql') {
      graphql(request).then(
        (result) => send(response, 200, result),
        (error: unknown) => {
          if (error instanceof HttpError) {
            send(response, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
            return;
          }
          process.stderr.write(
            `baseline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
          );
          send(response, 500, {
            errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          });
        },
      );
    } else if (request.method === 'GET' && path === '/readyz') {
      db.query('select 1').then(
        () => send(response, 200, { status: 'ready' }),
        () => send(response, 503, { status: 'database unavailable' }),
      );
    } else if (request.method === 'GET' && path === '/debug/metrics') {
      send(response, 200, snapshot());
    } else if (request.method === 'POST' && path === '/debug/metrics/reset') {
      const before = snapshot();
      db.resetCount();
      delay.reset();
      since = new Date();
      send(response, 200, before);
    } else {
      send(response, 404, { errors: [{ message: 'Not found' }] });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    async stop() {
      delay.disable();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
}
