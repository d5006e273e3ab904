import { readFragment } from 'gql.tada';
import { Link } from 'react-router';
import { Table, type Column } from '../../components/Table.tsx';
import { formatCount, formatPercent } from '../../lib/format.ts';
import type { FragmentOf, ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { SitesTableRow } from './documents.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

type Site = ResultOf<typeof SitesTableRow>;

/** The columns a list of sites may show, each site's code linking to its page. */
export const siteColumns = {
  code: { header: msg('Code'), cell: (site) => <Link to={`/sites/${site.id}`}>{site.code}</Link> },
  name: { header: msg('Nom'), cell: (site) => site.name },
  commune: {
    header: msg('Commune'),
    cell: (site) => (
      <>
        {site.commune.name} ({site.wilaya.code})
      </>
    ),
  },
  contractor: { header: msg('Contractant'), cell: (site) => site.contractor?.legalName ?? '—' },
  status: {
    header: msg('Statut'),
    cell: (site) => <StatusBadge family="site" status={site.status} />,
  },
  progress: {
    header: msg('Réceptionnés / objectif'),
    numeric: true,
    cell: (site) =>
      `${formatCount(site.acceptedConnections)} / ${formatCount(site.targetConnections)} (${formatPercent(site.progress)})`,
  },
} satisfies Record<string, Column<Site>>;

/** Sites (read through `SitesTableRow`) in a table of `columns`, one line a site marked `rowTestId`. */
export function SitesTable({
  sites,
  columns,
  rowTestId,
}: {
  sites: readonly FragmentOf<typeof SitesTableRow>[];
  columns: readonly Column<Site>[];
  rowTestId: string;
}) {
  return <Table rows={readFragment(SitesTableRow, sites)} columns={columns} rowTestId={rowTestId} />;
}
