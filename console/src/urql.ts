import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

/**
 * The console's urql client: queries and mutations over HTTP at `/graphql` (same origin: the API
 * serves the console, and Vite proxies it in development), subscriptions over WebSocket (graphql-ws)
 * on the same path.
 */
export function createUrqlClient(): Client {
  const wsUrl = new URL('/graphql', window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const wsClient = createWsClient({ url: wsUrl.toString(), lazy: true, retryAttempts: Infinity });
  return new Client({
    url: '/graphql',
    // POST with a JSON body: the API's CSRF prevention refuses simple GET requests.
    preferGetMethod: false,
    exchanges: [
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
