import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { goToSignIn, session } from './lib/session.ts';

/** Close codes with which the server ends a WebSocket whose session ended (4401) or was refused (4403). */
function sessionEnded(event: unknown): boolean {
  const code = (event as { code?: unknown } | null)?.code;
  return code === 4401 || code === 4403;
}

type LiveState = 'online' | 'reconnecting';

/** Whether the live connection (graphql-ws) is up, for the banner that says when it is not. */
export const liveConnection = (() => {
  let state: LiveState = 'online';
  const listeners = new Set<() => void>();
  return {
    get: (): LiveState => state,
    set(next: LiveState) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
})();

/**
 * The console's urql client: queries and mutations over HTTP at `/graphql` (same origin: the API
 * serves the console, and Vite proxies it in development), subscriptions over WebSocket (graphql-ws)
 * on the same path. The sign-in token goes with every request; an UNAUTHENTICATED answer (expired or
 * revoked session) sends the user to the sign-in page.
 */
export function createUrqlClient(): Client {
  const wsUrl = new URL('/graphql', window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  // The token the socket signed in with: a session that ends is that one, not a later user's on the same page.
  let socketToken: string | null = null;
  const wsClient = createWsClient({
    url: wsUrl.toString(),
    lazy: true,
    retryAttempts: Infinity,
    // Try again whatever broke the connection (a server restarting refuses it for a while), except a
    // session the server ended or refused: that user signs in again.
    shouldRetry: (event) => !sessionEnded(event),
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 10_000))),
    connectionParams: () => {
      const token = session.token();
      socketToken = token;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: () => liveConnection.set('online'),
      closed: (event) => {
        if (sessionEnded(event)) {
          // A logout closes its sockets at once (4401); someone who signed in since keeps their session.
          if (session.token() && session.token() === socketToken) goToSignIn();
          return;
        }
        // 1000: the client closed an idle connection itself (no live page open): nothing is lost.
        liveConnection.set((event as { code?: unknown } | null)?.code === 1000 ? 'online' : 'reconnecting');
      },
    },
  });
  return new Client({
    url: '/graphql',
    // POST with a JSON body: the API's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => {
      const token = session.token();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
    exchanges: [
      mapExchange({
        // Each operation remembers whose token it went with: an answer to a user who signed out since is not the next one's.
        onOperation: (operation) => ({
          ...operation,
          context: { ...operation.context, sentWithToken: session.token() },
        }),
        onError(error, operation) {
          const unauthenticated = error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
          const current = session.token();
          if (
            (unauthenticated || (error.response as Response | undefined)?.status === 401) &&
            current &&
            operation.context['sentWithToken'] === current
          )
            goToSignIn();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: wsClient.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}
