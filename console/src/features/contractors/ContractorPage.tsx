import { useState, type FormEvent } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import { msg } from '../../lib/i18n.ts';
import { ContractorHistory } from './ContractorHistory.tsx';
import { ContractorInvoices } from './ContractorInvoices.tsx';
import { ContractorNotFound } from './ContractorNotFound.tsx';
import { ContractorSites } from './ContractorSites.tsx';
import { ContractorWork } from './ContractorWork.tsx';
import {
  ApproveContractorMutation,
  ContractorQuery,
  ReactivateContractorMutation,
  SuspendContractorMutation,
} from './documents.ts';
import { fiscalRegimeLabels, legalFormLabels } from './labels.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

type Action = 'approve' | 'suspend' | 'reactivate';

/** The status changes offered here and their words; which the viewer may make now is the API's `viewerCan`. */
const actions: readonly { action: Action; label: string }[] = [
  { action: 'approve', label: msg('Agréer') },
  { action: 'suspend', label: msg('Suspendre') },
  { action: 'reactivate', label: msg('Réactiver') },
];

/**
 * One contractor: its identity, where it works, its sites, work, invoices and history; the link to
 * change it and its status changes (each with a reason) when the API says the viewer may (`viewerCan`).
 */
export function ContractorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: ContractorQuery, variables: { id } });
  const [approval, approve] = useMutation(ApproveContractorMutation);
  const [suspension, suspend] = useMutation(SuspendContractorMutation);
  const [reactivation, reactivate] = useMutation(ReactivateContractorMutation);
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope, alert } = useFocusFirstProblem(problems);
  const contractor = result.data?.contractor;
  const busy = approval.fetching || suspension.fetching || reactivation.fetching;
  const allowed = contractor ? actions.filter((choice) => contractor.viewerCan[choice.action]) : [];

  if (result.data && !contractor) return <ContractorNotFound id={id} />;

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!contractor || !action) return;
    if (reason.trim() === '') {
      setProblems([{ field: 'reason', message: t('Indiquez la raison : elle est gardée dans l’historique.') }]);
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
        <BackLink to="/contractants">{t('Contractants')}</BackLink>
      </p>
      <QueryState
        shape="details"
        fetching={result.fetching && !contractor}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {contractor && (
        <>
          <div className="dashboard-heading">
            <h1>{contractor.legalName}</h1>
            {contractor.viewerCan.update && (
              <Link className="button" to={`/contractants/${contractor.id}/modifier`}>
                {t('Modifier')}
              </Link>
            )}
          </div>
          <p>
            <StatusBadge family="contractor" status={contractor.status} testId="contractor-status" />{' '}
            <span className="muted">
              {t('depuis le {{date}}', { date: formatAlgiersDateTime(contractor.statusChangedAt) })}
              {contractor.statusReason ? ` — ${contractor.statusReason}` : ''}
            </span>
          </p>
          <dl className="details">
            <dt>{t('Nom commercial')}</dt>
            <dd>
              <bdi>{contractor.tradeName ?? '—'}</bdi>
            </dd>
            <dt>{t('Forme juridique')}</dt>
            <dd>
              <bdi>{t(legalFormLabels[contractor.legalForm] ?? contractor.legalForm)}</bdi>
            </dd>
            <dt>{t('Régime fiscal')}</dt>
            <dd>
              <bdi>{t(fiscalRegimeLabels[contractor.fiscalRegime] ?? contractor.fiscalRegime)}</bdi>
            </dd>
            <dt>{t('NIF')}</dt>
            <dd>
              <bdi>{contractor.nif}</bdi>
            </dd>
            <dt>{t('NIS')}</dt>
            <dd>
              <bdi>{contractor.nis}</bdi>
            </dd>
            {contractor.autoEntrepreneurCardNumber ? (
              <>
                <dt>{t('N° de carte d’auto-entrepreneur')}</dt>
                <dd>
                  <bdi>{contractor.autoEntrepreneurCardNumber}</bdi>
                </dd>
              </>
            ) : (
              <>
                <dt>{t('RC')}</dt>
                <dd>
                  <bdi>{contractor.rcNumber ?? '—'}</bdi>
                </dd>
              </>
            )}
            <dt>{t('Article d’imposition')}</dt>
            <dd>
              <bdi>{contractor.taxArticle}</bdi>
            </dd>
            <dt>{t('Adresse')}</dt>
            <dd>
              <bdi>
                {contractor.address}, {contractor.commune.name}, {contractor.commune.wilaya.code}{' '}
                {contractor.commune.wilaya.name}
              </bdi>
            </dd>
            <dt>{t('RIB / RIP')}</dt>
            <dd>
              <bdi>{contractor.bankAccount ?? t('non visible pour votre rôle')}</bdi>
            </dd>
            <dt>{t('Wilayas d’intervention')}</dt>
            <dd>
              <bdi>
                {contractor.operatingWilayas.map((wilaya) => (
                  <span key={wilaya.code} className="tag">
                    {wilaya.code} {wilaya.name} <span lang="ar">{wilaya.nameAr}</span>
                  </span>
                ))}
              </bdi>
            </dd>
            <dt>{t('Équipes')}</dt>
            <dd>
              <bdi>{contractor.teamCapacity}</bdi>
            </dd>
            <dt>{t('Contacts')}</dt>
            <dd>
              <bdi>
                {contractor.contacts.length === 0
                  ? '—'
                  : contractor.contacts.map((contact) => (
                      <span key={`${contact.name}-${contact.phone ?? ''}`} className="tag">
                        {[contact.name, contact.role, contact.phone, contact.email].filter(Boolean).join(' · ')}
                      </span>
                    ))}
              </bdi>
            </dd>
          </dl>

          {allowed.length > 0 && (
            <div className="actions">
              {allowed.map((choice) => (
                <button
                  key={choice.action}
                  type="button"
                  onClick={() => setAction(choice.action)}
                  aria-pressed={action === choice.action}
                >
                  {t(choice.label)}
                </button>
              ))}
            </div>
          )}
          {action && (
            <form ref={scope} onSubmit={confirm} className="reason-form">
              <label htmlFor="transition-reason">{t('Raison (gardée dans l’historique)')}</label>
              <textarea
                dir="auto"
                id="transition-reason"
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                rows={3}
                {...problemProps('transition-reason', problemOf(problems, 'reason'))}
              />
              <ProblemNote id="transition-reason" problem={problemOf(problems, 'reason')} />
              <ProblemsAlert ref={alert} problems={problems} fields={['reason']} />
              <div className="form-actions">
                <button type="submit" disabled={busy}>
                  {t('Confirmer')}
                </button>
                <button type="button" onClick={() => setAction(null)}>
                  {t('Annuler')}
                </button>
              </div>
            </form>
          )}

          <ContractorSites contractorId={contractor.id} />
          <ContractorWork contractorId={contractor.id} counts={contractor.workCounts} />
          <ContractorInvoices contractorId={contractor.id} />
          <ContractorHistory contractorId={contractor.id} version={contractor.version} />
        </>
      )}
    </section>
  );
}
