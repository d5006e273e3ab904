import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { fieldLabel, problemsOf } from '../lib/errors.ts';
import { Skeleton, type SkeletonShape } from './Skeleton.tsx';

/**
 * What a page shows while its data loads (a skeleton of `shape`, the outline of what comes), or when
 * it could not be loaded: in words a user understands.
 */
export function QueryState({
  fetching,
  error,
  retry,
  shape,
}: {
  fetching: boolean;
  error?: CombinedError | undefined;
  retry: () => void;
  shape?: SkeletonShape;
}) {
  const { t } = useTranslation();
  if (error) {
    // A refusal the user can act on (a bad filter, something not found or not theirs) says what it is.
    const coded = error.graphQLErrors.filter((e) => e.extensions?.['code'] !== 'INTERNAL_SERVER_ERROR');
    const message = error.networkError
      ? t('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.')
      : coded.length > 0
        ? problemsOf(error)
            .map((problem) =>
              problem.field
                ? t('{{label}} : {{value}}', { label: fieldLabel(problem.field), value: problem.message })
                : problem.message,
            )
            .join(' ')
        : t('Le serveur n’a pas pu répondre à cette demande.');
    const reference = error.graphQLErrors.map((e) => e.extensions?.['correlationId']).find(Boolean);
    return (
      <div role="alert" className="state state-error">
        <p>{message}</p>
        {typeof reference === 'string' && reference !== '' && (
          <p className="muted">{t('Référence : {{reference}}', { reference })}</p>
        )}
        <button type="button" onClick={retry}>
          {t('Réessayer')}
        </button>
      </div>
    );
  }
  if (fetching) return <Skeleton shape={shape} />;
  return null;
}
