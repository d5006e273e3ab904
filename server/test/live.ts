import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually, eventuallyTimeoutMs } from './eventually.js';

/** A subscription over graphql-ws and every result it received, in order. */
export interface LiveSubscription<T> {
  /** The `data` of each result, with the time (ms) it arrived. */
  readonly received: { at: number; data: T }[];
  /** Errors the subscription ended with, if any. */
  readonly errors: unknown[];
  /** The close code of each time its socket closed (1000 when the test closed it); the client does not reconnect. */
  readonly closeCodes: number[];
  /** Waits until `count` results arrived (or an error) for up to `ms` (`eventually`'s default); returns how many arrived. */
  waitFor(count: number, ms?: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Subscribes to `query` on `url` (http://…) as the holder of `authorization`, and waits for the
 * server's first result (every Raccord subscription without `after` starts with one: RESYNC, or a
 * dashboard's current figures), so that the subscription is known to be registered when this
 * returns; with `waitForFirst: false` (a subscription resuming `after` a position), it does not wait.
 * @throws when the subscription is refused
 */
export async function subscribe<T>(
  url: string,
  authorization: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { waitForFirst?: boolean } = {},
): Promise<LiveSubscription<T>> {
  const client: Client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization },
    on: { closed: (event) => closeCodes.push((event as { code: number }).code) },
  });
  const closeCodes: number[] = [];
  const received: { at: number; data: T }[] = [];
  const errors: unknown[] = [];
  const waitFor = async (count: number, ms = eventuallyTimeoutMs) => {
    await eventually(
      () => {
        if (received.length < count && errors.length === 0) throw new Error(`${received.length} of ${count} results`);
      },
      { timeout: ms },
    ).catch(() => undefined);
    return received.length;
  };
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        else received.push({ at: Date.now(), data: result.data as T });
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  if (options.waitForFirst !== false) await waitFor(1);
  if (errors.length > 0) {
    await client.dispose();
    throw new Error(`subscription refused: ${JSON.stringify(errors)}`);
  }
  return { received, errors, closeCodes, waitFor, close: async () => void (await client.dispose()) };
}
