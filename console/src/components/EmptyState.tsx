import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a list shows when it has nothing: why (`title`), what comes next or what the viewer may do
 * (`next`), and the actions themselves (`actions`: links or buttons the page offers only when the API
 * says the viewer may use them).
 */
export function EmptyState({ title, next, actions }: { title: string; next?: string; actions?: ReactNode }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <p className="empty-state-title">{title}</p>
      {next && <p>{next}</p>}
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

/** A filtered list with nothing that matches (`title`): the way back to the whole list. */
export function NoMatch({ title, onClear }: { title: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={title}
      next={t('Élargissez les filtres, ou effacez-les pour revoir toute la liste.')}
      actions={
        <button type="button" onClick={onClear}>
          {t('Effacer les filtres')}
        </button>
      }
    />
  );
}
