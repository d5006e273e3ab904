import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import { MeQuery } from '../auth/documents.ts';
import { ApproveContractorMutation, ContractorQuery, ReactivateContractorMutation, SuspendContractorMutation } from './documents.ts';
import { contractorStatusLabels, fiscalRegimeLabels, legalFormLabels } from './labels.ts';

/** The status changes an administrator may make from each status, and their words. */
const actionsFrom: Record<string, { action: 'approve' | 'suspend' | 'reactivate'; label: string }[]> = {
  PENDING_APPROVAL: [{ action: 'approve', label: 'Agréer' }],
  ACTIVE: [{ action: 'suspend', label: 'Suspendre' }],
  SUSPENDED: [{ action: 'reactivate', label: 'Réactiver' }],
  TERMINATED: [],
};

/** One contractor: its identity, where it works, and (for an administrator) its status changes, each with a reason. */
export function ContractorPage() {
  const { id = '' } = useParams();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: ContractorQuery, variables: { id } });
  const [approval, approve] = useMutation(ApproveContractorMutation);
  const [suspension, suspend] = useMutation(SuspendContractorMutation);
  const [reactivation, reactivate] = useMutation(ReactivateContractorMutation);
  const [action, setAction] = useState<'approve' | 'suspend' | 'reactivate' | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const contractor = result.data?.contractor;
  const busy = approval.fetching || suspension.fetching || reactivation.fetching;

  if (result.data && !contractor) {
    return (
      <section>
        <h1>Contractant introuvable</h1>
        <p>
          Aucun contractant n’a l’identifiant « {id} », ou il est hors de votre périmètre. <Link to="/contractants">Retour aux contractants</Link>
        </p>
      </section>
    );
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!contractor || !action) return;
    if (reason.trim() === '') {
      setProblems([{ field: 'reason', message: 'Indiquez la raison : elle est gardée dans l’historique.' }]);
      return;
    }
    const input = { id: contractor.id, expectedVersion: contractor.version, reason };
    const run = { approve, suspend, reactivate }[action];
    const outcome = await run({ input });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setAction(null);
    setReason('');
  }

  return (
    <section>
      <p>
        <Link to="/contractants">← Contractants</Link>
      </p>
      <QueryState fetching={result.fetching && !contractor} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {contractor && (
        <>
          <h1>{contractor.legalName}</h1>
          <p>
            <span className={`status status-${contractor.status.toLowerCase()}`} data-testid="contractor-status">
              {contractorStatusLabels[contractor.status] ?? contractor.status}
            </span>{' '}
            <span className="muted">
              depuis le {formatAlgiersDateTime(contractor.statusChangedAt)}
              {contractor.statusReason ? ` — ${contractor.statusReason}` : ''}
            </span>
          </p>
          <dl className="details">
            <dt>Nom commercial</dt>
            <dd>{contractor.tradeName ?? '—'}</dd>
            <dt>Forme juridique</dt>
            <dd>{legalFormLabels[contractor.legalForm] ?? contractor.legalForm}</dd>
            <dt>Régime fiscal</dt>
            <dd>{fiscalRegimeLabels[contractor.fiscalRegime] ?? contractor.fiscalRegime}</dd>
            <dt>NIF</dt>
            <dd>{contractor.nif}</dd>
            <dt>NIS</dt>
            <dd>{contractor.nis}</dd>
            <dt>RC</dt>
            <dd>{contractor.rcNumber ?? '—'}</dd>
            <dt>Article d’imposition</dt>
            <dd>{contractor.taxArticle}</dd>
            <dt>Adresse</dt>
            <dd>
              {contractor.address}, {contractor.commune.name}, {contractor.commune.wilaya.code} {contractor.commune.wilaya.name}
            </dd>
            <dt>RIB / RIP</dt>
            <dd>{contractor.bankAccount ?? 'non visible pour votre rôle'}</dd>
            <dt>Wilayas d’intervention</dt>
            <dd>
              {contractor.operatingWilayas.map((wilaya) => (
                <span key={wilaya.code} className="tag">
                  {wilaya.code} {wilaya.name} <span lang="ar">{wilaya.nameAr}</span>
                </span>
              ))}
            </dd>
            <dt>Équipes</dt>
            <dd>{contractor.teamCapacity}</dd>
          </dl>

          {me.data?.me?.role === 'ADMIN' && (actionsFrom[contractor.status] ?? []).length > 0 && (
            <div className="actions">
              {(actionsFrom[contractor.status] ?? []).map((choice) => (
                <button key={choice.action} type="button" onClick={() => setAction(choice.action)} aria-pressed={action === choice.action}>
                  {choice.label}
                </button>
              ))}
            </div>
          )}
          {action && (
            <form onSubmit={confirm} className="reason-form">
              <label htmlFor="transition-reason">Raison (gardée dans l’historique)</label>
              <textarea id="transition-reason" value={reason} onChange={(event) => setReason(event.target.value)} rows={3} />
              {problems.map((problem) => (
                <p key={`${problem.field}-${problem.message}`} role="alert" className="field-problem">
                  {problem.message}
                </p>
              ))}
              <div className="form-actions">
                <button type="submit" disabled={busy}>
                  Confirmer
                </button>
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
