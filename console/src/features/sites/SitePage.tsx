import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCount, formatPercent } from '../../lib/format.ts';
import { MeQuery } from '../auth/documents.ts';
import {
  AssignSiteMutation,
  CloseSiteMutation,
  CompleteSiteMutation,
  EligibleContractorsQuery,
  ResumeSiteMutation,
  SiteChangedSubscription,
  SiteQuery,
  StartSiteMutation,
  SuspendSiteMutation,
} from './documents.ts';
import { siteStatusLabels } from './labels.ts';

type Action = 'assign' | 'start' | 'complete' | 'close' | 'suspend' | 'resume';

/** What may be done to a site in each status (the server's lifecycle), and the words for it. */
const actionsFrom: Record<string, { action: Action; label: string }[]> = {
  PLANNED: [
    { action: 'assign', label: 'Affecter' },
    { action: 'suspend', label: 'Suspendre' },
  ],
  ASSIGNED: [
    { action: 'assign', label: 'Réaffecter' },
    { action: 'start', label: 'Démarrer' },
    { action: 'suspend', label: 'Suspendre' },
  ],
  IN_PROGRESS: [
    { action: 'complete', label: 'Terminer' },
    { action: 'suspend', label: 'Suspendre' },
  ],
  COMPLETED: [{ action: 'close', label: 'Clore' }],
  SUSPENDED: [{ action: 'resume', label: 'Reprendre' }],
  CLOSED: [],
};

const managers = ['ADMIN', 'DOT_MANAGER'];

/** One site: place, firm, progress against its target, and (for an administrator or DOT manager) its lifecycle. Live through `siteChanged`. */
export function SitePage() {
  const { id = '' } = useParams();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: SiteQuery, variables: { id } });
  const [live] = useSubscription({ query: SiteChangedSubscription, variables: { siteId: id } });
  const site = result.data?.site;
  const [contractors] = useQuery({ query: EligibleContractorsQuery, variables: { wilayaCode: site?.wilaya.code ?? '' }, pause: !site });
  const [, assign] = useMutation(AssignSiteMutation);
  const [, start] = useMutation(StartSiteMutation);
  const [, complete] = useMutation(CompleteSiteMutation);
  const [, close] = useMutation(CloseSiteMutation);
  const [, suspend] = useMutation(SuspendSiteMutation);
  const [, resume] = useMutation(ResumeSiteMutation);
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [contractorId, setContractorId] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  // Each change (and the RESYNC a subscription starts with) reads the site again.
  useEffect(() => {
    if (live.data) reexecute({ requestPolicy: 'network-only' });
  }, [live.data, reexecute]);

  if (result.data && !site) {
    return (
      <section>
        <h1>Site introuvable</h1>
        <p>
          Aucun site n’a l’identifiant « {id} », ou il est hors de votre périmètre. <Link to="/sites">Retour aux sites</Link>
        </p>
      </section>
    );
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!site || !action) return;
    if (action === 'assign' && !contractorId) {
      setProblems([{ field: 'contractorId', message: 'Choisissez le contractant.' }]);
      return;
    }
    if (action !== 'assign' && reason.trim() === '') {
      setProblems([{ field: 'reason', message: 'Indiquez la raison : elle est gardée dans l’historique.' }]);
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
        <Link to="/sites">← Sites</Link>
      </p>
      <QueryState fetching={result.fetching && !site} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {site && (
        <>
          <h1>
            Site {site.code} — {site.name}
          </h1>
          <p>
            <span className="status" data-testid="site-status">
              {siteStatusLabels[site.status] ?? site.status}
            </span>{' '}
            <span className="muted">
              depuis le {formatAlgiersDateTime(site.statusChangedAt)}
              {site.statusReason ? ` — ${site.statusReason}` : ''}
            </span>
          </p>
          <dl className="details">
            <dt>Lieu</dt>
            <dd>
              {site.commune.name} <span lang="ar">{site.commune.nameAr}</span>, {site.wilaya.code} {site.wilaya.name}
            </dd>
            <dt>Contractant</dt>
            <dd data-testid="site-contractor">{site.contractor ? <Link to={`/contractants/${site.contractor.id}`}>{site.contractor.legalName}</Link> : '—'}</dd>
            <dt>Avancement</dt>
            <dd data-testid="site-progress">
              {formatCount(site.acceptedConnections)} {site.acceptedConnections > 1 ? 'raccordements réceptionnés' : 'raccordement réceptionné'} sur{' '}
              {formatCount(site.targetConnections)} ({formatPercent(site.progress)})
            </dd>
          </dl>
          {managers.includes(me.data?.me?.role ?? '') && (
            <div className="actions">
              {(actionsFrom[site.status] ?? []).map((choice) => (
                <button key={choice.action} type="button" onClick={() => setAction(choice.action)} aria-pressed={action === choice.action}>
                  {choice.label}
                </button>
              ))}
            </div>
          )}
          {action && (
            <form onSubmit={confirm} className="reason-form">
              {action === 'assign' && (
                <>
                  <label htmlFor="site-contractor-choice">Contractant (actifs dans la wilaya)</label>
                  <select id="site-contractor-choice" value={contractorId} onChange={(event) => setContractorId(event.target.value)}>
                    <option value="">Choisir…</option>
                    {(contractors.data?.contractors.edges ?? []).map(({ node }) => (
                      <option key={node.id} value={node.id}>
                        {node.legalName}
                      </option>
                    ))}
                  </select>
                </>
              )}
              <label htmlFor="site-reason">{action === 'assign' ? 'Raison (facultative)' : 'Raison (gardée dans l’historique)'}</label>
              <textarea id="site-reason" value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
              {problems.map((problem) => (
                <p key={`${problem.field}-${problem.message}`} role="alert" className="field-problem">
                  {problem.message}
                </p>
              ))}
              <div className="form-actions">
                <button type="submit">Confirmer</button>
                <button type="button" onClick={() => setAction(null)}>
                  Annuler
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}
