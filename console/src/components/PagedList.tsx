import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { CombinedError } from 'urql';
import { formatCount } from '../lib/format.ts';
import { Pager } from './Pager.tsx';
import { QueryState } from './QueryState.tsx';

/**
 * A list page's filters, kept in the URL's search parameters (a filtered list can be shared and
 * reloaded), and its pages (`cursors`, see `Pager`). `filter(name)` reads a filter, its value in
 * `defaults` when the URL has none; `setFilter` writes one (left out of the URL when it is the
 * default) and goes back to the first page. `after` is the cursor the list's query reads after.
 */
export function useListFilters(defaults: Readonly<Record<string, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const filter = (name: string) => params.get(name) ?? defaults[name] ?? '';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === (defaults[name] ?? '')) next.delete(name);
    else next.set(name, value);
    setCursors([]);
    setParams(next, { replace: true });
  };
  return { filter, setFilter, cursors, setCursors, after: cursors.at(-1) ?? null };
}

/** What `PagedList` takes: the query's state and retry, the connection, its sentences, the cursors and the rows. */
interface PagedListProps<Node> {
  result: { fetching: boolean; error?: CombinedError | undefined };
  retry: () => void;
  connection:
    | {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
        edges: readonly { node: Node }[];
      }
    | undefined;
  /** The sentence that counts the whole list, given its formatted total. */
  count: (total: string) => string;
  empty: string;
  cursors: readonly string[];
  onCursorsChange: (cursors: string[]) => void;
  children: (nodes: Node[]) => ReactNode;
}

/**
 * A keyset-paginated list a page at a time: the loading and error states (with a retry), the
 * sentence that counts the whole list (`count`, given its formatted total), `empty` when the page has
 * nothing, else the page's rows (`children`, given the page's nodes), and the pager (which still
 * offers the first page when a page past the end is empty).
 */
export function PagedList<Node>({
  result,
  retry,
  connection,
  count,
  empty,
  cursors,
  onCursorsChange,
  children,
}: PagedListProps<Node>) {
  return (
    <>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={retry} />
      {connection && (
        <>
          <p className="muted" role="status">
            {count(formatCount(connection.totalCount))}
          </p>
          {connection.edges.length === 0 ? (
            <p className="state">{empty}</p>
          ) : (
            children(connection.edges.map((edge) => edge.node))
          )}
          <Pager cursors={cursors} onChange={onCursorsChange} pageInfo={connection.pageInfo} />
        </>
      )}
    </>
  );
}

/** A titled part of a page holding a `PagedList`: its heading (`title`, id `id`), then `filters`, then the list. */
export function PagedSection<Node>({
  id,
  title,
  filters,
  ...list
}: PagedListProps<Node> & { id: string; title: string; filters?: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {filters}
      <PagedList {...list} />
    </section>
  );
}
