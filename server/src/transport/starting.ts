import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../common/errors.js';

/** Why `/readyz` answers 503 while Raccord starts: the database does not answer yet, or it is being prepared. */
export type StartingReason = 'DATABASE_UNAVAILABLE' | 'DATABASE_PREPARING';

/** Seconds a client is told to wait (`Retry-After`) before it asks again while Raccord starts. */
const retryAfterSeconds = 5;

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * The HTTP answers of a Raccord that listens but is not ready yet (its database does not answer, or
 * start-up is applying migrations and loading data): `GET /healthz` 200; `GET /readyz` 503 with
 * `{ status: "starting", code: reason() }`; anything else 503 with `Retry-After`, in GraphQL's error
 * shape with SERVICE_UNAVAILABLE. Nothing of the failure itself is told.
 */
export function answerWhileStarting(reason: () => StartingReason) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://raccord.invalid').pathname;
    if (path === '/healthz') return answer(response, 200, { status: 'ok' });
    if (path === '/readyz') return answer(response, 503, { status: 'starting', code: reason() });
    response.setHeader('Retry-After', String(retryAfterSeconds));
    answer(response, 503, {
      errors: [
        {
          message: 'Raccord is starting and cannot serve requests yet: try again in a few seconds',
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
        },
      ],
    });
  };
}
