import { readFragment } from 'gql.tada';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CombinedError, useClient } from 'urql';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import type { OutboxEntry, StoredProblem } from './db.ts';
import { FieldWork, FieldWorkQuery } from './documents.ts';
import { useField } from './FieldRoutes.tsx';
import { fieldLabelOf } from './field-names.ts';
import { useLive } from './live.ts';
import { discardEntry, retryEntry, userEntries } from './outbox.ts';
import { algiersDateTime } from './format.ts';

/** The stored problems of an entry in the console's words: the API's coded errors as `problemsOf` says them. */
export function translatedProblems(problems: readonly StoredProblem[], t: TFunction): FieldProblem[] {
  const coded = problems.filter((problem) => problem.code !== 'NETWORK');
  const unreachable =
    coded.length < problems.length ? [{ field: null, message: t('Pas de réseau : l’envoi reprendra tout seul.') }] : [];
  if (coded.length === 0) return unreachable;
  const error = new CombinedError({
    graphQLErrors: coded.map((problem) => ({
      message: problem.message,
      extensions: {
        code: problem.code,
        field: problem.field,
        ...(problem.reasonCode === undefined ? {} : { reasonCode: problem.reasonCode }),
        ...(problem.reasonParams === undefined ? {} : { reasonParams: problem.reasonParams }),
        ...(problem.problems ? { problems: problem.problems } : {}),
      },
    })),
  });
  return [...unreachable, ...problemsOf(error)];
}

/** How many entries wait, in a sentence with the right plural. */
function waitingSentence(count: number, t: TFunction): string {
  return new Intl.PluralRules(currentLanguage()).select(count) === 'one'
    ? t('{{count}} rapport en attente d’envoi', { count })
    : t('{{count}} rapports en attente d’envoi', { count });
}

/**
 * The signed-in user's outbox as they see it (another user's stays hidden): how many reports wait to go out, and each one held
 * because the server refused it, with the reason in words and the choice to try again against the
 * work as it now stands or to give it up (after a confirmation). Nothing leaves without one of them.
 */
export function OutboxPanel({ customerSubscriptionId }: { customerSubscriptionId?: string }) {
  const { t } = useTranslation();
  const { db, user, sender, lastPass } = useField();
  const client = useClient();
  const entries = useLive(() => userEntries(db, user.id), [user.id]);
  const [busy, setBusy] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [retryProblems, setRetryProblems] = useState<Record<number, FieldProblem[]>>({});
  if (!entries || entries.length === 0) return null;
  const shown = customerSubscriptionId
    ? entries.filter((entry) => entry.customerSubscriptionId === customerSubscriptionId)
    : entries;
  const waiting = entries.filter((entry) => entry.state === 'waiting');
  const blocked = shown.filter((entry) => entry.state === 'blocked');

  async function retry(entry: OutboxEntry) {
    setBusy(entry.id!);
    const result = await client
      .query(FieldWorkQuery, { id: entry.customerSubscriptionId }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(null);
    const work = result.data?.customerSubscription ? readFragment(FieldWork, result.data.customerSubscription) : null;
    if (!work) {
      setRetryProblems({
        ...retryProblems,
        [entry.id!]: result.error
          ? problemsOf(result.error)
          : [
              {
                field: null,
                message: t(
                  'Ce travail n’est plus dans votre périmètre : il a pu être annulé ou confié à une autre équipe.',
                ),
              },
            ],
      });
      return;
    }
    setRetryProblems({ ...retryProblems, [entry.id!]: [] });
    await retryEntry(db, entry.id!, work.version);
    void sender.flush({ force: true });
  }

  async function discard(entry: OutboxEntry) {
    await discardEntry(db, entry.id!);
    setConfirming(null);
  }

  return (
    <section className="field-outbox" aria-labelledby="field-outbox-heading">
      <h2 id="field-outbox-heading" className="visually-hidden">
        {t('Envois en attente')}
      </h2>
      {waiting.length > 0 && (
        <p role="status" className="field-outbox-count" data-testid="field-outbox-count">
          {waitingSentence(waiting.length, t)}
          {lastPass === 'later' && (
            <span className="field-outbox-note">{t('Pas de réseau : l’envoi reprendra tout seul.')}</span>
          )}
        </p>
      )}
      {lastPass === 'signed-out' && waiting.length > 0 && (
        <p role="alert" className="field-alert">
          {t('Votre session a expiré : reconnectez-vous pour envoyer vos rapports. Ils restent sur ce téléphone.')}{' '}
          <Link to="/login?next=%2Fterrain">{t('Se reconnecter')}</Link>
        </p>
      )}
      {blocked.map((entry) => (
        <article key={entry.id} className="field-held" data-testid="field-held-entry">
          <h3>
            {entry.kind === 'report' ? t('Rapport d’installation refusé') : t('Déclaration d’échec refusée')} —{' '}
            {entry.customerName} ({entry.orderReference})
          </h3>
          <p className="muted">
            {t('Enregistré le {{instant}} (heure d’Alger)', { instant: algiersDateTime(entry.savedAt) })}
          </p>
          <ul className="field-problems" role="alert">
            {[...translatedProblems(entry.problems, t), ...(retryProblems[entry.id!] ?? [])].map((problem) => (
              <li key={`${problem.field}-${problem.message}`}>
                {problem.field
                  ? t('{{label}} : {{value}}', { label: t(fieldLabelOf(problem.field)), value: problem.message })
                  : problem.message}
              </li>
            ))}
          </ul>
          {confirming === entry.id ? (
            <div className="field-actions">
              <p>{t('Supprimer ce rapport et ses photos de ce téléphone ? Ils ne pourront plus être envoyés.')}</p>
              <button type="button" className="field-button danger" onClick={() => void discard(entry)}>
                {t('Oui, supprimer')}
              </button>
              <button type="button" className="field-button secondary" onClick={() => setConfirming(null)}>
                {t('Non, garder')}
              </button>
            </div>
          ) : (
            <div className="field-actions">
              <button
                type="button"
                className="field-button"
                disabled={busy === entry.id}
                onClick={() => void retry(entry)}
              >
                {t('Réessayer avec l’état actuel')}
              </button>
              <button type="button" className="field-button secondary" onClick={() => setConfirming(entry.id!)}>
                {t('Supprimer…')}
              </button>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
