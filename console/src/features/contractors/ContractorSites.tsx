import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount, formatPercent } from '../../lib/format.ts';
import { siteStatusLabels } from '../sites/labels.ts';
import { ContractorSitesQuery } from './documents.ts';

const pageSize = 10;

/** The sites assigned to a contractor, 10 at a time, each with its progress and a link to it. */
export function ContractorSites({ contractorId }: { contractorId: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: ContractorSitesQuery,
    variables: { contractorId, first: pageSize, after: cursors.at(-1) ?? null },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.sites;

  return (
    <section aria-labelledby="contractor-sites">
      <h2 id="contractor-sites">{t('Ses sites')}</h2>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection &&
        (connection.edges.length === 0 ? (
          <p className="state">{t('Aucun site n’est attribué à ce contractant.')}</p>
        ) : (
          <>
            <p className="muted">{t('Sites : {{count}}', { count: formatCount(connection.totalCount) })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Code')}</th>
                  <th scope="col">{t('Nom')}</th>
                  <th scope="col">{t('Commune')}</th>
                  <th scope="col">{t('Statut')}</th>
                  <th scope="col" className="number">
                    {t('Réceptionnés / objectif')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="contractor-site-row">
                    <td>
                      <Link to={`/sites/${node.id}`}>{node.code}</Link>
                    </td>
                    <td>{node.name}</td>
                    <td>
                      {node.commune.name} ({node.wilaya.code})
                    </td>
                    <td>{t(siteStatusLabels[node.status] ?? node.status)}</td>
                    <td className="number">
                      {formatCount(node.acceptedConnections)} / {formatCount(node.targetConnections)} ({formatPercent(node.progress)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager cursors={cursors} onChange={setCursors} pageInfo={connection.pageInfo} />
          </>
        ))}
    </section>
  );
}
