import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** What is known of the HTTP request being served, wherever the code runs for it. */
export interface RequestScope {
  readonly requestId: string;
  readonly logger: Logger;
  /** The GraphQL operation it runs, once known: its label for the metrics, and query, mutation or subscription. */
  operation?: { readonly name: string; readonly type: string };
}

/**
 * The current request's id and logger, for code that is not handed the context (Apollo's
 * `formatError`, which masks unexpected errors with the request id as correlation id).
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();
