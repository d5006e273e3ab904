import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ContractorPicker } from '../../components/ContractorPicker.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { siteStatusLabels } from '../sites/labels.ts';
import { algiersLocalToIso, isoToAlgiersLocal } from './algiers-time.ts';
import {
  AcceptInstallationMutation,
  AssignCustomerSubscriptionMutation,
  AssignTechnicianMutation,
  CancelCustomerSubscriptionMutation,
  type CustomerSubscriptionQuery,
  MarkInstallationFailedMutation,
  RejectInstallationMutation,
  ScheduleInstallationMutation,
} from './documents.ts';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { failureReasonLabels } from './labels.ts';
import { TechnicianSelect } from './TechnicianSelect.tsx';

type Subscription = NonNullable<ResultOf<typeof CustomerSubscriptionQuery>['customerSubscription']>;
type Action = 'assign' | 'assignTechnician' | 'schedule' | 'accept' | 'reject' | 'fail' | 'cancel';

/** The actions offered here, in the order of their buttons; whether the viewer may do each is the server's `viewerCan`. */
const actions: readonly Action[] = ['assign', 'assignTechnician', 'schedule', 'accept', 'reject', 'fail', 'cancel'];

/** The words of each action's button, by the status it starts from. */
function labelOf(action: Action, status: string): string {
  switch (action) {
    case 'assign':
      return status === 'PENDING' ? msg('Affecter') : msg('Réaffecter');
    case 'assignTechnician':
      return msg('Désigner le technicien');
    case 'schedule':
      return status === 'SCHEDULED' ? msg('Déplacer le rendez-vous') : msg('Planifier le rendez-vous');
    case 'accept':
      return msg('Réceptionner');
    case 'reject':
      return msg('Refuser avec réserves');
    case 'fail':
      return msg('Déclarer en échec');
    case 'cancel':
      return msg('Annuler la commande');
  }
}

/** The fields each action's form shows beside a control; a problem of another goes to its alert. */
const fieldsOf: Record<Action, readonly string[]> = {
  assign: ['contractorId'],
  assignTechnician: ['technicianId'],
  schedule: ['appointmentAt', 'reason'],
  accept: ['overrideReason'],
  reject: ['reserves'],
  fail: ['failureReason', 'reason'],
  cancel: ['reason'],
};

const sitesOpenToWork = ['ASSIGNED', 'IN_PROGRESS'];
const oneYearMs = 366 * 24 * 3600 * 1000;

/**
 * What the viewer may do to a customer subscription (as the server says: `viewerCan`, from its roles,
 * lifecycle and row scope), as buttons, and the form of the one chosen:
 * assign (on a site, only to the site's contractor while the site is open), name the firm's technician
 * who does it (or give it back to the firm as a whole), schedule the appointment
 * in Algiers time, accept or reject an installation, declare a failure or cancel the order. Refusals
 * of the API are said beside their field; `onDone` reads the work again after a change.
 */
export function WorkActions({ subscription, onDone }: { subscription: Subscription; onDone: () => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope: panel, alert } = useFocusFirstProblem(problems);
  // An action's panel takes the keyboard focus on its first field when it opens; Escape closes it.
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')?.focus();
  }, [action, panel]);
  const [text, setText] = useState('');
  const [contractorId, setContractorId] = useState('');
  const [technicianId, setTechnicianId] = useState('');
  const [appointment, setAppointment] = useState('');
  const [failureReason, setFailureReason] = useState('');
  const [assignment, assign] = useMutation(AssignCustomerSubscriptionMutation);
  const [dispatch, assignTechnician] = useMutation(AssignTechnicianMutation);
  const [scheduling, schedule] = useMutation(ScheduleInstallationMutation);
  const [acceptance, accept] = useMutation(AcceptInstallationMutation);
  const [rejection, reject] = useMutation(RejectInstallationMutation);
  const [failure, fail] = useMutation(MarkInstallationFailedMutation);
  const [cancellation, cancel] = useMutation(CancelCustomerSubscriptionMutation);
  const submitting = [assignment, dispatch, scheduling, acceptance, rejection, failure, cancellation].some(
    (state) => state.fetching,
  );
  const site = subscription.site;
  // Work on a site has no choice of contractor: a refusal of it is said in the form's alert.
  const fields = !action || (action === 'assign' && site !== null) ? [] : fieldsOf[action];

  const allowed = actions.filter((candidate) => subscription.viewerCan[candidate]);
  if (allowed.length === 0) return null;
  const qualityOverride = (subscription.latestInstallationReport?.qualityIssues.length ?? 0) > 0;
  // Work on a site goes to the site's contractor, and only while the site is open.
  const siteClosed = site !== null && !sitesOpenToWork.includes(site.status);
  const siteContractor = site && !siteClosed ? site.contractor : null;

  function choose(next: Action) {
    setAction(next);
    setProblems([]);
    setText('');
    setFailureReason('');
    setContractorId('');
    setTechnicianId(subscription.technician?.id ?? '');
    setAppointment(
      next === 'schedule' && subscription.appointmentAt ? isoToAlgiersLocal(subscription.appointmentAt) : '',
    );
  }

  /** What the form itself finds missing or wrong, before asking the API. */
  function checked(): FieldProblem[] {
    switch (action) {
      case 'assign':
        return (site ? siteContractor : contractorId)
          ? []
          : [{ field: 'contractorId', message: t('Choisissez le contractant.') }];
      case 'schedule': {
        if (!appointment)
          return [{ field: 'appointmentAt', message: t('Indiquez la date et l’heure du rendez-vous.') }];
        const instant = algiersLocalToIso(appointment);
        if (!instant) return [{ field: 'appointmentAt', message: t('Cette date et heure n’existe pas à Alger.') }];
        const time = new Date(instant).getTime();
        if (time <= Date.now() || time > Date.now() + oneYearMs)
          return [{ field: 'appointmentAt', message: t('Le rendez-vous doit être à venir, dans l’année.') }];
        if (time <= new Date(subscription.orderedAt).getTime())
          return [{ field: 'appointmentAt', message: t('Le rendez-vous doit suivre la commande.') }];
        return [];
      }
      case 'accept':
        return qualityOverride && text.trim() === ''
          ? [{ field: 'overrideReason', message: t('Les mesures sont hors seuils : justifiez la réception.') }]
          : [];
      case 'reject':
        return text.trim() === ''
          ? [{ field: 'reserves', message: t('Indiquez au moins une réserve, une par ligne.') }]
          : [];
      case 'fail':
        if (!failureReason) return [{ field: 'failureReason', message: t('Choisissez le motif de l’échec.') }];
        return failureReason === 'OTHER' && text.trim() === ''
          ? [{ field: 'reason', message: t('Précisez le motif : « Autre » demande une explication.') }]
          : [];
      case 'cancel':
        return text.trim() === ''
          ? [{ field: 'reason', message: t('Indiquez la raison : elle est gardée dans l’historique.') }]
          : [];
      default:
        return [];
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const found = checked();
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const base = { id: subscription.id, expectedVersion: subscription.version };
    const reason = text.trim() || null;
    const outcome = await (() => {
      switch (action) {
        case 'assign':
          return assign({ input: { ...base, contractorId: siteContractor?.id ?? contractorId } });
        case 'assignTechnician':
          return assignTechnician({ input: { ...base, technicianId: technicianId || null } });
        case 'schedule':
          return schedule({ input: { ...base, appointmentAt: algiersLocalToIso(appointment)!, reason } });
        case 'accept':
          return accept({ input: { ...base, overrideReason: reason } });
        case 'reject':
          return reject({
            input: {
              ...base,
              reserves: text
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            },
          });
        case 'fail':
          return fail({ input: { ...base, failureReason: failureReason as never, reason } });
        case 'cancel':
          return cancel({ input: { ...base, reason: reason ?? '' } });
      }
    })();
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setAction(null);
    onDone();
  }

  const textLabel: Partial<Record<Action, string>> = {
    schedule: t('Raison (facultative, par exemple pourquoi le rendez-vous change)'),
    accept: t('Justification (obligatoire si hors seuils)'),
    reject: t('Réserves (une par ligne)'),
    fail: t('Précisions (obligatoires pour « Autre »)'),
    cancel: t('Raison (gardée dans l’historique)'),
  };
  const textField = action === 'reject' ? 'reserves' : action === 'accept' ? 'overrideReason' : 'reason';

  return (
    <>
      <div className="actions">
        {allowed.map((choice) => (
          <button key={choice} type="button" onClick={() => choose(choice)} aria-pressed={action === choice}>
            {t(labelOf(choice, subscription.status))}
          </button>
        ))}
      </div>
      {action && (
        <form
          ref={panel}
          onSubmit={confirm}
          className="reason-form"
          noValidate
          aria-label={t(labelOf(action, subscription.status))}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.defaultPrevented) setAction(null);
          }}
        >
          {action === 'assign' &&
            (siteClosed ? (
              <p className="state">
                {t(
                  'Ce raccordement fait partie du site {{code}}, dont le statut est « {{status}} » : son travail ne s’affecte que lorsque le site est affecté ou en cours.',
                  {
                    code: site!.code,
                    status: t(siteStatusLabels[site!.status] ?? site!.status),
                  },
                )}{' '}
                <Link to={`/sites/${site!.id}`}>{t('Voir le site')}</Link>
              </p>
            ) : site ? (
              <p>
                {siteContractor
                  ? t('Le travail d’un site va au contractant du site : {{contractor}}.', {
                      contractor: siteContractor.legalName,
                    })
                  : t('Le contractant du site {{code}} n’est pas visible pour votre rôle.', { code: site.code })}
              </p>
            ) : (
              <>
                <label htmlFor="work-contractor" id="work-contractor-label">
                  {t('Contractant (actifs dans la wilaya)')}
                </label>
                <ContractorPicker
                  id="work-contractor"
                  wilayaCode={subscription.wilaya.code}
                  value={contractorId}
                  onChange={setContractorId}
                  {...problemProps('work-contractor', problemOf(problems, 'contractorId'))}
                />
                <ProblemNote id="work-contractor" problem={problemOf(problems, 'contractorId')} />
              </>
            ))}
          {action === 'assign' && subscription.status === 'SCHEDULED' && subscription.appointmentAt && (
            <p className="muted">
              {t('Le rendez-vous du {{instant}} sera annulé : le contractant prendra le sien.', {
                instant: formatAlgiersDateTime(subscription.appointmentAt),
              })}
            </p>
          )}
          {action === 'assignTechnician' && subscription.contractor && (
            <>
              <label htmlFor="work-technician">
                {t('Technicien de {{contractor}}', { contractor: subscription.contractor.legalName })}
              </label>
              <TechnicianSelect
                id="work-technician"
                contractorId={subscription.contractor.id}
                value={technicianId}
                onChange={setTechnicianId}
                {...problemProps('work-technician', problemOf(problems, 'technicianId'))}
              />
              <ProblemNote id="work-technician" problem={problemOf(problems, 'technicianId')} />
            </>
          )}
          {action === 'schedule' && (
            <>
              <label htmlFor="work-appointment">{t('Rendez-vous (heure d’Alger)')}</label>
              <input
                id="work-appointment"
                type="datetime-local"
                value={appointment}
                onChange={(event) => setAppointment(event.target.value)}
                {...problemProps('work-appointment', problemOf(problems, 'appointmentAt'))}
              />
              <ProblemNote id="work-appointment" problem={problemOf(problems, 'appointmentAt')} />
            </>
          )}
          {action === 'fail' && (
            <>
              <label htmlFor="work-failure-reason">{t('Motif de l’échec')}</label>
              <select
                id="work-failure-reason"
                value={failureReason}
                onChange={(event) => setFailureReason(event.target.value)}
                {...problemProps('work-failure-reason', problemOf(problems, 'failureReason'))}
              >
                <option value="">{t('Choisir…')}</option>
                {Object.entries(failureReasonLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {t(label)}
                  </option>
                ))}
              </select>
              <ProblemNote id="work-failure-reason" problem={problemOf(problems, 'failureReason')} />
            </>
          )}
          {textLabel[action] && (
            <>
              <label htmlFor="work-text">{textLabel[action]}</label>
              <textarea
                dir="auto"
                id="work-text"
                value={text}
                onChange={(event) => setText(event.target.value)}
                rows={3}
                {...problemProps('work-text', problemOf(problems, textField))}
              />
              <ProblemNote id="work-text" problem={problemOf(problems, textField)} />
            </>
          )}
          <ProblemsAlert ref={alert} problems={problems} fields={fields} />
          <div className="form-actions">
            {!(action === 'assign' && (siteClosed || (site && !siteContractor))) && (
              <button type="submit" disabled={submitting}>
                {t('Confirmer')}
              </button>
            )}
            <button type="button" onClick={() => setAction(null)}>
              {t('Fermer')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
