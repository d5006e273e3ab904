import type { Client, CombinedError } from 'urql';
import type { ErrorCode } from '../../lib/graphql.ts';
import { session } from '../../lib/session.ts';
import type { OutboxEntry, StoredPhoto, StoredProblem } from './db.ts';
import { FieldMarkFailedMutation, FieldReportMutation } from './documents.ts';
import type { Attempt, Transport } from './outbox.ts';

/** API error codes that come and go: trying the same request again later may succeed. */
const transientCodes = new Set<string>([
  'INTERNAL_SERVER_ERROR',
  'TOO_MANY_ATTEMPTS',
  'SERVICE_UNAVAILABLE',
] satisfies ErrorCode[]);

/** A transient trouble with no answer from the server (no network, a proxy's error page). */
const unreachable: StoredProblem = { code: 'NETWORK', field: null, message: 'network' };

/** What an API error body (`{ errors: [{ message, extensions: { code, field } }] }`) says, as stored problems. */
export function problemsOfBody(body: unknown): StoredProblem[] {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((error: { message?: unknown; extensions?: Record<string, unknown> }) =>
    storedProblem(typeof error.message === 'string' ? error.message : '', error.extensions),
  );
}

/** An API error as the outbox keeps it: its code, field and message, and a BAD_USER_INPUT's coded reasons. */
function storedProblem(message: string, extensions: Record<string, unknown> | undefined): StoredProblem {
  return {
    code: String(extensions?.['code'] ?? ''),
    field: typeof extensions?.['field'] === 'string' ? extensions['field'] : null,
    message,
    ...(typeof extensions?.['reasonCode'] === 'string' ? { reasonCode: extensions['reasonCode'] } : {}),
    ...(typeof extensions?.['reasonParams'] === 'object' && extensions['reasonParams'] !== null
      ? { reasonParams: extensions['reasonParams'] as Record<string, string> }
      : {}),
    ...(Array.isArray(extensions?.['problems']) ? { problems: extensions['problems'] } : {}),
  };
}

/**
 * What an HTTP answer to a photo's upload means for the outbox: 200 or 201 done (200: the same
 * upload again), 401 a session to open again, 408, 429 and 5xx transient, other refusals for good.
 */
export function attemptOfUpload(status: number, body: unknown): Attempt {
  if (status === 200 || status === 201) return { outcome: 'done' };
  if (status === 401) return { outcome: 'signed-out' };
  const problems = problemsOfBody(body);
  if (status === 408 || status === 429 || status >= 500)
    return { outcome: 'transient', problem: problems[0] ?? { code: `HTTP_${status}`, field: null, message: '' } };
  return {
    outcome: 'refused',
    problems: problems.length > 0 ? problems : [{ code: `HTTP_${status}`, field: null, message: '' }],
  };
}

/**
 * What a mutation's error means for the outbox: no answer or a server error is transient; an
 * ended session waits for a sign-in; any other coded refusal (INVALID_TRANSITION, NOT_FOUND,
 * CONFLICT, BAD_USER_INPUT…) would be refused again and waits for the technician.
 */
export function attemptOfError(error: CombinedError | undefined): Attempt {
  if (!error) return { outcome: 'done' };
  if (error.graphQLErrors.length === 0) {
    const status = (error.response as Response | undefined)?.status;
    return status === 401 ? { outcome: 'signed-out' } : { outcome: 'transient', problem: unreachable };
  }
  const problems = error.graphQLErrors.map((graphQLError) =>
    storedProblem(graphQLError.message, graphQLError.extensions),
  );
  if (problems.some((problem) => problem.code === 'UNAUTHENTICATED')) return { outcome: 'signed-out' };
  if (problems.every((problem) => transientCodes.has(problem.code)))
    return { outcome: 'transient', problem: problems[0]! };
  return { outcome: 'refused', problems };
}

/** The file name an upload gives its image, by its type. */
function fileNameOf(photo: StoredPhoto): string {
  const extension = photo.blob.type === 'image/png' ? 'png' : photo.blob.type === 'image/webp' ? 'webp' : 'jpg';
  return `${photo.kind.toLowerCase()}-${photo.id}.${extension}`;
}

/**
 * The outbox's way to the server: `PUT /photos/<uuid>` (multipart, with the session's token) for a
 * photo, the urql client for the mutation, with the entry's photo ids and idempotency key.
 */
export function httpTransport(client: Client): Transport {
  return {
    async uploadPhoto(photo) {
      const token = session.token();
      if (!token) return { outcome: 'signed-out' };
      const form = new FormData();
      form.append('customerSubscriptionId', photo.customerSubscriptionId);
      form.append('kind', photo.kind);
      form.append('takenAt', photo.takenAt);
      if (photo.position) {
        form.append('latitude', String(photo.position.latitude));
        form.append('longitude', String(photo.position.longitude));
        form.append('accuracyMetres', String(photo.position.accuracyMetres));
      }
      form.append('file', photo.blob, fileNameOf(photo));
      let response: Response;
      try {
        response = await fetch(`/photos/${encodeURIComponent(photo.id)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
      } catch {
        return { outcome: 'transient', problem: unreachable };
      }
      const body: unknown = await response.json().catch(() => null);
      return attemptOfUpload(response.status, body);
    },
    async send(entry: OutboxEntry) {
      if (!session.token()) return { outcome: 'signed-out' };
      const input = { ...entry.input, photoIds: [...entry.photoIds], idempotencyKey: entry.idempotencyKey };
      const result =
        entry.kind === 'report'
          ? await client
              .mutation(FieldReportMutation, { input: input as never }, { requestPolicy: 'network-only' })
              .toPromise()
          : await client
              .mutation(FieldMarkFailedMutation, { input: input as never }, { requestPolicy: 'network-only' })
              .toPromise();
      return attemptOfError(result.error);
    },
  };
}
