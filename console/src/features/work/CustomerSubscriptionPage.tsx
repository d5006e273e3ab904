import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import { MeQuery } from '../auth/documents.ts';
import { AcceptInstallationMutation, CustomerSubscriptionQuery, RejectInstallationMutation } from './documents.ts';
import { auditActionLabels, customerSubscriptionStatusLabels } from './labels.ts';

const acceptors = ['ADMIN', 'DOT_MANAGER'];

/**
 * One customer subscription: the customer, the place, the firm, the latest installation report with
 * its measurements and the quality gate's verdict, the timeline of its audit trail; an INSTALLED one
 * is accepted (with a justification when the report is outside the thresholds) or rejected with reserves.
 */
export function CustomerSubscriptionPage() {
  const { id = '' } = useParams();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: CustomerSubscriptionQuery, variables: { id } });
  const [acceptance, accept] = useMutation(AcceptInstallationMutation);
  const [rejection, reject] = useMutation(RejectInstallationMutation);
  const [decision, setDecision] = useState<'accept' | 'reject' | null>(null);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const subscription = result.data?.customerSubscription;
  const report = subscription?.latestInstallationReport;
  const mayDecide = subscription?.status === 'INSTALLED' && acceptors.includes(me.data?.me?.role ?? '');

  if (result.data && !subscription) {
    return (
      <section>
        <h1>Raccordement introuvable</h1>
        <p>
          Aucun raccordement n’a l’identifiant « {id} », ou il est hors de votre périmètre. <Link to="/raccordements">Retour aux raccordements</Link>
        </p>
      </section>
    );
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!subscription || !decision) return;
    const needsText = decision === 'reject' || (report?.qualityIssues.length ?? 0) > 0;
    if (needsText && text.trim() === '') {
      setProblems([{ field: null, message: decision === 'reject' ? 'Indiquez au moins une réserve, une par ligne.' : 'Les mesures sont hors seuils : justifiez la réception.' }]);
      return;
    }
    const outcome =
      decision === 'accept'
        ? await accept({ input: { id: subscription.id, expectedVersion: subscription.version, overrideReason: text.trim() || null } })
        : await reject({ input: { id: subscription.id, expectedVersion: subscription.version, reserves: text.split('\n').map((line) => line.trim()).filter(Boolean) } });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setDecision(null);
    setText('');
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <section>
      <p>
        <Link to="/raccordements">← Raccordements</Link>
      </p>
      <QueryState fetching={result.fetching && !subscription} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {subscription && (
        <>
          <h1>Commande {subscription.orderReference}</h1>
          <p>
            <span className="status" data-testid="customer-subscription-status">
              {customerSubscriptionStatusLabels[subscription.status] ?? subscription.status}
            </span>{' '}
            <span className="muted">
              depuis le {formatAlgiersDateTime(subscription.statusChangedAt)}
              {subscription.statusReason ? ` — ${subscription.statusReason}` : ''}
            </span>
          </p>
          <dl className="details">
            <dt>Client</dt>
            <dd>{subscription.customerName ?? 'non visible pour votre rôle'}</dd>
            <dt>Adresse</dt>
            <dd>
              {subscription.customerAddress ?? '—'}, {subscription.commune.name} <span lang="ar">{subscription.commune.nameAr}</span>, {subscription.wilaya.code}{' '}
              {subscription.wilaya.name}
            </dd>
            <dt>Offre</dt>
            <dd>{subscription.offer}</dd>
            <dt>Commandé le</dt>
            <dd>{formatAlgiersDateTime(subscription.orderedAt)}</dd>
            <dt>Contractant</dt>
            <dd>{subscription.contractor ? <Link to={`/contractants/${subscription.contractor.id}`}>{subscription.contractor.legalName}</Link> : '—'}</dd>
            <dt>Site</dt>
            <dd>{subscription.site ? `${subscription.site.code} — ${subscription.site.name}` : '—'}</dd>
          </dl>

          <h2>Rapport d’installation</h2>
          {!report ? (
            <p className="state">Pas encore de rapport.</p>
          ) : (
            <>
              <dl className="details">
                <dt>Installé le</dt>
                <dd>
                  {formatAlgiersDateTime(report.installedAt)} par {report.technicianName}
                </dd>
                <dt>Classe du réseau</dt>
                <dd>{report.networkClass === 'B_PLUS' ? 'B+' : 'C+'}</dd>
                <dt>Puissance reçue</dt>
                <dd>{report.receivedPowerDbm.replace('.', ',')} dBm</dd>
                <dt>Perte d’épissure</dt>
                <dd>{report.spliceLossDb ? `${report.spliceLossDb.replace('.', ',')} dB` : '—'}</dd>
                <dt>Contrôle qualité</dt>
                <dd data-testid="quality-verdict">
                  {report.qualityIssues.length === 0 ? 'Dans les seuils' : <span className="field-problem">Hors seuils : {report.qualityIssues.join(' ; ')}</span>}
                </dd>
                <dt>Travaux mesurés</dt>
                <dd>{report.lines.map((line) => `${line.code} × ${line.quantity.replace('.', ',')}`).join(' · ')}</dd>
              </dl>
            </>
          )}

          {mayDecide && (
            <div className="actions">
              <button type="button" onClick={() => setDecision('accept')} aria-pressed={decision === 'accept'}>
                Réceptionner
              </button>
              <button type="button" onClick={() => setDecision('reject')} aria-pressed={decision === 'reject'}>
                Refuser avec réserves
              </button>
            </div>
          )}
          {decision && (
            <form onSubmit={confirm} className="reason-form">
              <label htmlFor="decision-text">
                {decision === 'reject' ? 'Réserves (une par ligne)' : 'Justification (obligatoire si hors seuils)'}
              </label>
              <textarea id="decision-text" value={text} onChange={(event) => setText(event.target.value)} rows={3} />
              {problems.map((problem) => (
                <p key={`${problem.field}-${problem.message}`} role="alert" className="field-problem">
                  {problem.message}
                </p>
              ))}
              <div className="form-actions">
                <button type="submit" disabled={acceptance.fetching || rejection.fetching}>
                  Confirmer
                </button>
                <button type="button" onClick={() => setDecision(null)}>
                  Annuler
                </button>
              </div>
            </form>
          )}

          <h2>Historique</h2>
          <ol className="timeline">
            {(result.data?.auditTrail ?? []).map((event) => (
              <li key={event.id} data-testid="timeline-event">
                <span className="muted">{formatAlgiersDateTime(event.occurredAt)}</span> — {auditActionLabels[event.action] ?? event.action}
                {event.toStatus && ` : ${customerSubscriptionStatusLabels[event.toStatus] ?? event.toStatus}`}
                {event.reason && ` (${event.reason})`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
