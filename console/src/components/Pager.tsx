import { useTranslation } from 'react-i18next';

/**
 * "Première page" and "Page suivante" for a keyset-paginated list: `cursors` holds the end cursor of
 * each page passed, so the list shows the page after the last one.
 */
export function Pager({
  cursors,
  onChange,
  pageInfo,
}: {
  cursors: readonly string[];
  onChange: (cursors: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
}) {
  const { t } = useTranslation();
  return (
    <div className="pager">
      {cursors.length > 0 && (
        <button type="button" onClick={() => onChange([])}>
          {t('Première page')}
        </button>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <button type="button" onClick={() => onChange([...cursors, pageInfo.endCursor!])}>
          {t('Page suivante')}
        </button>
      )}
    </div>
  );
}
