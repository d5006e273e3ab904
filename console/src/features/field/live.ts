import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * The value of a query on the field view's IndexedDB database, kept up to date as the database
 * changes (Dexie's liveQuery): undefined until its first result.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
    // The query is rebuilt each render; `deps` say when it asks something else (as useMemo's do).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
