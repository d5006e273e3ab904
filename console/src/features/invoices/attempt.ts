import type { CombinedError } from 'urql';

/**
 * An input of a money-moving mutation fixed for one attempt, with its idempotency key: generated
 * when the attempt starts and sent again, with the very same input, on retry, so that a request
 * that did go through is not applied twice (server/src/common/idempotency.ts hashes the input).
 */
export function startAttempt<Input extends object>(input: Input): Input & { readonly idempotencyKey: string } {
  return { ...input, idempotencyKey: crypto.randomUUID() };
}

/**
 * Whether a failed attempt may have gone through unanswered (the network failed, the server said
 * nothing): then the same attempt is sent again; any answer of the server ends the attempt.
 */
export function unanswered(error: CombinedError): boolean {
  return Boolean(error.networkError) && error.graphQLErrors.length === 0;
}
