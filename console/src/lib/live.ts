import { useEffect } from 'react';
import { useSubscription, type AnyVariables, type UseQueryExecute, type UseSubscriptionArgs } from 'urql';

/**
 * Keeps a page's query as the record now stands: each event of `subscription` — the RESYNC it starts
 * with, a change, a REMOVED — reads the query again from the network, so a change made elsewhere shows
 * without a reload and a record the viewer may no longer see turns into the page's "not found".
 * Reading again rather than using the event's record keeps the page's own fields and their rules in one query.
 */
export function useReadAgainOnChange<Data, Variables extends AnyVariables>(
  subscription: UseSubscriptionArgs<Variables, Data>,
  reexecute: UseQueryExecute,
): void {
  const [live] = useSubscription(subscription);
  useEffect(() => {
    if (live.data) reexecute({ requestPolicy: 'network-only' });
  }, [live.data, reexecute]);
}
