import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { CombinedError } from 'urql';
import { formatCount } from '../lib/format.ts';
import { EmptyState } from './EmptyState.tsx';
import { Pager } from './Pager.tsx';
import { QueryState } from './QueryState.tsx';

/** The URL's search parameter holding the end cursor of each page read before the one shown (see `Pager`). */
const cursorParam = 'apres';

/**
 * A list page's filters and page, kept in the URL's search parameters: a filtered list, on any of its
 * pages, can be shared and reloaded, and the browser's back and forward buttons go through the
 * filters and pages it was shown with. `filter(name)` reads a filter, its value in `defaults` when
 * the URL has none; `setFilter` writes one (left out of the URL when it is the default) and goes
 * back to the first page. `cursors` are the end cursors of the pages before the one shown (see
 * `Pager`); `after` is the cursor the list's query reads after. `filtered` says whether any filter
 * narrows the list, and `clearFilters` lifts them all (the whole list, its first page).
 */
export function useListFilters(defaults: Readonly<Record<string, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const filter = (name: string) => params.get(name) ?? defaults[name] ?? '';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === (defaults[name] ?? '')) next.delete(name);
    else next.set(name, value);
    next.delete(cursorParam);
    setParams(next);
  };
  const cursors = params.getAll(cursorParam);
  const setCursors = (pages: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(cursorParam);
    for (const cursor of pages) next.append(cursorParam, cursor);
    setParams(next);
  };
  // A filter with a default (not everything) is cleared by an empty value in the URL.
  const clearFilters = () => {
    const names = Object.keys(defaults).filter((name) => defaults[name] !== '');
    setParams(new URLSearchParams(names.map((name) => [name, ''])));
  };
  const filtered = [...new Set([...params.keys(), ...Object.keys(defaults)])]
    .filter((name) => name !== cursorParam)
    .some((name) => filter(name) !== '');
  return { filter, setFilter, filtered, clearFilters, cursors, setCursors, after: cursors.at(-1) ?? null };
}

/** How long a search field waits after the last keystroke before it changes the list. */
const searchDelayMs = 300;

/**
 * A list's free-text filter: `value` is the filter as the URL holds it; what is typed goes to
 * `onChange` once typing pauses (one entry of the browser's history per search, not per keystroke),
 * and the field shows the URL's value again when back or forward changes it.
 */
export function SearchFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const [typed, setTyped] = useState(value);
  const sent = useRef(value);
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setTyped(value);
    }
  }, [value]);
  useEffect(() => {
    if (typed === sent.current) return undefined;
    const timer = setTimeout(() => {
      sent.current = typed;
      change.current(typed);
    }, searchDelayMs);
    return () => clearTimeout(timer);
  }, [typed]);
  return (
    <label className="field">
      {label}
      <input
        dir="auto"
        type="search"
        maxLength={100}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
    </label>
  );
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
  /** What an empty page shows: a sentence (why it is empty), or an `EmptyState` that also says what to do next. */
  empty: ReactNode;
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
      <QueryState shape="table" fetching={result.fetching && !connection} error={result.error} retry={retry} />
      {connection && (
        <>
          <p className="muted" role="status">
            {count(formatCount(connection.totalCount))}
          </p>
          {connection.edges.length === 0 ? (
            typeof empty === 'string' ? (
              <EmptyState title={empty} />
            ) : (
              empty
            )
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
