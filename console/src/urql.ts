import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { goToSignIn, session } from './lib/session.ts';

/**
 * The console's urql client: queries and mutations over HTTP at `/graphql` (same origin: the API
 * serves the console, and Vite proxies it in development), subscriptions over WebSocket (graphql-ws)
 * on the same path. The sign-in token goes with every request; an UNAUTHENTICATED answer (expired or
 * revoked session) sends the user to the sign-in page.
 */
export function createUrqlClient(): Client {
  const wsUrl = new URL('/graphql', window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsClient = createWsClient({
    url: wsUrl.toString(),
    lazy: true,
    retryAttempts: Infinity,
    connectionParams: () => {
      const token = session.token();
      return token ? { authorization: `Bearer ${token}` } : {};
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
        onError(error) {
          const unauthenticated = error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
          if ((unauthenticated || (error.response as Response | undefined)?.status === 401) && session.token()) goToSignIn();
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
