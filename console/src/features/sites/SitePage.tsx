import { useState, type FormEvent } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ContractorPicker } from '../../components/ContractorPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCount, formatPercent } from '../../lib/format.ts';
import { msg } from '../../lib/i18n.ts';
import { useReadAgainOnChange } from '../../lib/live.ts';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import {
  AssignSiteMutation,
  CloseSiteMutation,
  CompleteSiteMutation,
  ResumeSiteMutation,
  SiteChangedSubscription,
  SiteQuery,
  StartSiteMutation,
  SuspendSiteMutation,
} from './documents.ts';
import { SiteCustomerSubscriptions } from './SiteCustomerSubscriptions.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

type Action = 'assign' | 'start' | 'complete' | 'close' | 'suspend' | 'resume';

/** The site's actions, in the order of their buttons; which the viewer may do now is the API's `viewerCan`. */
const actions: readonly Action[] = ['assign', 'start', 'complete', 'close', 'suspend', 'resume'];

/** The words of each action's button; assigning a site that has a firm gives it to another. */
const actionLabels: Record<Action, string> = {
  assign: msg('Affecter'),
  start: msg('Démarrer'),
  complete: msg('Terminer'),
  close: msg('Clore'),
  suspend: msg('Suspendre'),
  resume: msg('Reprendre'),
};

/** The action form's fields shown beside a control; a problem of another goes to its alert. */
const fields = ['contractorId', 'reason'];

/**
 * One site: place, firm, progress against its target, its customer subscriptions, and its lifecycle's
 * actions the API says the viewer may take (`viewerCan`). Live through `siteChanged`.
 */
export function SitePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: SiteQuery, variables: { id } });
  useReadAgainOnChange({ query: SiteChangedSubscription, variables: { siteId: id } }, reexecute);
  const site = result.data?.site;
  const allowed = site ? actions.filter((candidate) => site.viewerCan[candidate]) : [];
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [contractorId, setContractorId] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [assignment, assign] = useMutation(AssignSiteMutation);
  const [starting, start] = useMutation(StartSiteMutation);
  const [completion, complete] = useMutation(CompleteSiteMutation);
  const [closing, close] = useMutation(CloseSiteMutation);
  const [suspension, suspend] = useMutation(SuspendSiteMutation);
  const [resumption, resume] = useMutation(ResumeSiteMutation);
  const submitting = [assignment, starting, completion, closing, suspension, resumption].some(
    (state) => state.fetching,
  );
  const { scope, alert } = useFocusFirstProblem(problems);

  if (result.data && !site) {
    return (
      <section>
        <h1>{t('Site introuvable')}</h1>
        <p>
          {t('Aucun site n’a l’identifiant « {{id}} », ou il est hors de votre périmètre.', { id })}{' '}
          <Link to="/sites">{t('Retour aux sites')}</Link>
        </p>
      </section>
    );
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!site || !action) return;
    if (action === 'assign' && !contractorId) {
      setProblems([{ field: 'contractorId', message: t('Choisissez le contractant.') }]);
      return;
    }
    if (action !== 'assign' && reason.trim() === '') {
      setProblems([{ field: 'reason', message: t('Indiquez la raison : elle est gardée dans l’historique.') }]);
      return;
    }
    const base = { id: site.id, expectedVersion: site.version };
    const outcome =
      action === 'assign'
        ? await assign({ input: { ...base, contractorId, reason: reason.trim() || null } })
        : await { start, complete, close, suspend, resume }[action]({ input: { ...base, reason } });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setAction(null);
    setReason('');
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <section>
      <p>
        <BackLink to="/sites">{t('Sites')}</BackLink>
      </p>
      <QueryState
        shape="details"
        fetching={result.fetching && !site}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {site && (
        <>
          <h1>{t('Site {{code}} — {{name}}', { code: site.code, name: site.name })}</h1>
          <p>
            <StatusBadge family="site" status={site.status} testId="site-status" />{' '}
            <span className="muted">
              {t('depuis le {{instant}}', { instant: formatAlgiersDateTime(site.statusChangedAt) })}
              {site.statusReason ? ` — ${site.statusReason}` : ''}
            </span>
          </p>
          <dl className="details">
            <dt>{t('Lieu')}</dt>
            <dd>
              <bdi>
                {site.commune.name} <span lang="ar">{site.commune.nameAr}</span>, {site.wilaya.code} {site.wilaya.name}
              </bdi>
            </dd>
            <dt>{t('Contractant')}</dt>
            <dd data-testid="site-contractor">
              <bdi>
                {site.contractor ? (
                  <Link to={`/contractants/${site.contractor.id}`}>{site.contractor.legalName}</Link>
                ) : (
                  '—'
                )}
              </bdi>
            </dd>
            <dt>{t('Avancement')}</dt>
            <dd data-testid="site-progress">
              <bdi>
                {t('Réceptionnés : {{accepted}} sur {{target}} ({{progress}})', {
                  accepted: formatCount(site.acceptedConnections),
                  target: formatCount(site.targetConnections),
                  progress: formatPercent(site.progress),
                })}
              </bdi>
            </dd>
          </dl>
          {allowed.length > 0 && (
            <div className="actions">
              {allowed.map((choice) => (
                <button
                  key={choice}
                  type="button"
                  onClick={() => {
                    setAction(choice);
                    setProblems([]);
                  }}
                  aria-pressed={action === choice}
                >
                  {choice === 'assign' && site.contractor ? t('Réaffecter') : t(actionLabels[choice])}
                </button>
              ))}
            </div>
          )}
          {action && (
            <form ref={scope} onSubmit={confirm} className="reason-form" noValidate>
              {action === 'assign' && (
                <>
                  <label htmlFor="site-contractor-choice" id="site-contractor-choice-label">
                    {t('Contractant (actifs dans la wilaya)')}
                  </label>
                  <ContractorPicker
                    id="site-contractor-choice"
                    wilayaCode={site.wilaya.code}
                    value={contractorId}
                    onChange={setContractorId}
                    {...problemProps('site-contractor-choice', problemOf(problems, 'contractorId'))}
                  />
                  <ProblemNote id="site-contractor-choice" problem={problemOf(problems, 'contractorId')} />
                </>
              )}
              <label htmlFor="site-reason">
                {action === 'assign' ? t('Raison (facultative)') : t('Raison (gardée dans l’historique)')}
              </label>
              <textarea
                dir="auto"
                id="site-reason"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                rows={2}
                {...problemProps('site-reason', problemOf(problems, 'reason'))}
              />
              <ProblemNote id="site-reason" problem={problemOf(problems, 'reason')} />
              <ProblemsAlert ref={alert} problems={problems} fields={fields} />
              <div className="form-actions">
                <button type="submit" disabled={submitting}>
                  {t('Confirmer')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setAction(null);
                    setProblems([]);
                  }}
                >
                  {t('Annuler')}
                </button>
              </div>
            </form>
          )}

          <SiteCustomerSubscriptions siteId={site.id} />
        </>
      )}
    </section>
  );
}
