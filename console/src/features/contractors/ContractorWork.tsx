import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatAlgiersDateTime, formatCount } from '../../lib/format.ts';
import { customerSubscriptionStatusLabels } from '../work/labels.ts';
import { ContractorWorkQuery } from './documents.ts';

const pageSize = 10;

/**
 * A contractor's work (the customer subscriptions assigned to it), 10 at a time, filtered by status;
 * `counts` (the contractor's work by status) are shown beside each status to choose from.
 */
export function ContractorWork({ contractorId, counts }: { contractorId: string; counts: readonly { status: string; count: number }[] }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: ContractorWorkQuery,
    variables: { contractorId, status: (status || null) as never, first: pageSize, after: cursors.at(-1) ?? null },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.customerSubscriptions;
  const countOf = (value: string) => counts.find((entry) => entry.status === value)?.count ?? 0;

  return (
    <section aria-labelledby="contractor-work">
      <h2 id="contractor-work">{t('Ses raccordements')}</h2>
      <div className="filters">
        <label className="field">
          {t('Statut des raccordements')}
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value);
              setCursors([]);
            }}
          >
            <option value="">{t('Tous')}</option>
            {Object.entries(customerSubscriptionStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)} ({formatCount(countOf(value))})
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState fetching={result.fetching && !connection} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {connection &&
        (connection.edges.length === 0 ? (
          <p className="state">{status ? t('Aucun raccordement de ce contractant dans ce statut.') : t('Aucun raccordement n’est confié à ce contractant.')}</p>
        ) : (
          <>
            <p className="muted">{t('Raccordements : {{count}}', { count: formatCount(connection.totalCount) })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Commande')}</th>
                  <th scope="col">{t('Statut')}</th>
                  <th scope="col">{t('Depuis le')}</th>
                  <th scope="col">{t('Commune')}</th>
                  <th scope="col">{t('Site')}</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="contractor-work-row">
                    <td>
                      <Link to={`/raccordements/${node.id}`}>{node.orderReference}</Link>
                    </td>
                    <td>{t(customerSubscriptionStatusLabels[node.status] ?? node.status)}</td>
                    <td>{formatAlgiersDateTime(node.statusChangedAt)}</td>
                    <td>
                      {node.commune.name} ({node.wilaya.code})
                    </td>
                    <td>{node.site?.code ?? '—'}</td>
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
