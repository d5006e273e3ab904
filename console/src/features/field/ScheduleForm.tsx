import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { algiersLocalToIso, isoToAlgiersLocal } from '../work/algiers-time.ts';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import { FieldScheduleMutation, type FieldWorkData } from './documents.ts';

/** The fields the form shows beside a control; a problem of another goes to its alert. */
const fields = ['appointmentAt', 'reason'];
const oneYearMs = 366 * 24 * 3600 * 1000;

/**
 * Booking or moving the appointment, in Algiers time, agreed with the customer on the phone. It
 * needs the network (the customer and the office must see the new time at once): without it the
 * form says so rather than pretending.
 */
export function ScheduleForm({ work, onDone }: { work: FieldWorkData; onDone: () => void }) {
  const { t } = useTranslation();
  const [appointment, setAppointment] = useState(work.appointmentAt ? isoToAlgiersLocal(work.appointmentAt) : '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [scheduling, schedule] = useMutation(FieldScheduleMutation);
  const { scope, alert } = useFocusFirstProblem(problems);

  function checked(): FieldProblem[] {
    if (!appointment) return [{ field: 'appointmentAt', message: t('Indiquez la date et l’heure du rendez-vous.') }];
    const instant = algiersLocalToIso(appointment);
    if (!instant) return [{ field: 'appointmentAt', message: t('Cette date et heure n’existe pas à Alger.') }];
    const time = new Date(instant).getTime();
    if (time <= Date.now() || time > Date.now() + oneYearMs)
      return [{ field: 'appointmentAt', message: t('Le rendez-vous doit être à venir, dans l’année.') }];
    if (time <= new Date(work.orderedAt).getTime())
      return [{ field: 'appointmentAt', message: t('Le rendez-vous doit suivre la commande.') }];
    return [];
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const found = checked();
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const outcome = await schedule({
      input: {
        id: work.id,
        expectedVersion: work.version,
        appointmentAt: algiersLocalToIso(appointment)!,
        reason: reason.trim() || null,
      },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    onDone();
  }

  return (
    <form
      ref={scope}
      className="field-form"
      onSubmit={(event) => void confirm(event)}
      noValidate
      aria-labelledby="schedule-heading"
    >
      <h2 id="schedule-heading">{work.appointmentAt ? t('Déplacer le rendez-vous') : t('Planifier le rendez-vous')}</h2>
      {!navigator.onLine && (
        <p className="field-alert">{t('Le rendez-vous demande le réseau : réessayez quand il sera revenu.')}</p>
      )}
      <label htmlFor="schedule-at">{t('Rendez-vous (heure d’Alger)')}</label>
      <input
        id="schedule-at"
        type="datetime-local"
        value={appointment}
        onChange={(event) => setAppointment(event.target.value)}
        {...problemProps('schedule-at', problemOf(problems, 'appointmentAt'))}
      />
      <ProblemNote id="schedule-at" problem={problemOf(problems, 'appointmentAt')} />
      <label htmlFor="schedule-reason">{t('Raison (facultative, par exemple pourquoi le rendez-vous change)')}</label>
      <textarea
        dir="auto"
        id="schedule-reason"
        rows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        {...problemProps('schedule-reason', problemOf(problems, 'reason'))}
      />
      <ProblemNote id="schedule-reason" problem={problemOf(problems, 'reason')} />
      <ProblemsAlert ref={alert} problems={problems} fields={fields} />
      <button type="submit" className="field-button primary" disabled={scheduling.fetching || !navigator.onLine}>
        {t('Confirmer')}
      </button>
    </form>
  );
}
