import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { formatCount } from '../lib/format.ts';
import { Pager } from './Pager.tsx';
import { QueryState } from './QueryState.tsx';

/**
 * A titled part of a page that lists a keyset-paginated connection a page at a time: `filters` under
 * the title, the loading and error states, `empty` when the list has nothing, else its `count`, the
 * page's rows (`children`, given the page's nodes) and the pager. `cursors` (see `Pager`) stay with
 * the caller, whose query reads the page after the last one.
 */
export function PagedSection<Node>({
  id,
  title,
  filters,
  result,
  retry,
  connection,
  empty,
  count,
  cursors,
  onCursorsChange,
  children,
}: {
  id: string;
  title: string;
  filters?: ReactNode;
  result: { fetching: boolean; error?: CombinedError | undefined };
  retry: () => void;
  connection:
    | {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
        edges: readonly { node: Node }[];
      }
    | undefined;
  empty: string;
  /** The sentence that counts the whole list, given its formatted total. */
  count: (total: string) => string;
  cursors: readonly string[];
  onCursorsChange: (cursors: string[]) => void;
  children: (nodes: Node[]) => ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {filters}
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={retry} />
      {connection &&
        (connection.edges.length === 0 ? (
          <p className="state">{empty}</p>
        ) : (
          <>
            <p className="muted">{count(formatCount(connection.totalCount))}</p>
            {children(connection.edges.map((edge) => edge.node))}
            <Pager cursors={cursors} onChange={onCursorsChange} pageInfo={connection.pageInfo} />
          </>
        ))}
    </section>
  );
}
