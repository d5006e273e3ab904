import { readFragment } from 'gql.tada';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PagedSection } from '../../components/PagedList.tsx';
import { PagedSites } from '../sites/documents.ts';
import { siteColumns, SitesTable } from '../sites/SitesTable.tsx';
import { ContractorSitesQuery } from './documents.ts';

const pageSize = 10;
const columns = [siteColumns.code, siteColumns.name, siteColumns.commune, siteColumns.status, siteColumns.progress];

/** The sites assigned to a contractor, 10 at a time, each with its progress and a link to it. */
export function ContractorSites({ contractorId }: { contractorId: string }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const [result, reexecute] = useQuery({
    query: ContractorSitesQuery,
    variables: { contractorId, first: pageSize, after: cursors.at(-1) ?? null },
    requestPolicy: 'cache-and-network',
  });

  return (
    <PagedSection
      id="contractor-sites"
      title={t('Ses sites')}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={readFragment(PagedSites, result.data?.sites)}
      empty={t('Aucun site n’est attribué à ce contractant.')}
      count={(total) => t('Sites : {{count}}', { count: total })}
      cursors={cursors}
      onCursorsChange={setCursors}
    >
      {(sites) => <SitesTable sites={sites} columns={columns} rowTestId="contractor-site-row" />}
    </PagedSection>
  );
}
