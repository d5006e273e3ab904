import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { FormField } from '../../components/FormField.tsx';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { algiersToday } from '../invoices/dates.ts';
import { AddPublicHolidayMutation, PublicHolidaysQuery, RemovePublicHolidayMutation } from './documents.ts';

/** The years offered: two before the current one (Algiers) to two after, and the one `shown`. */
function yearsAround(current: number, shown: number): number[] {
  return [...new Set([-2, -1, 0, 1, 2].map((offset) => current + offset).concat(shown))].sort((a, b) => a - b);
}

/**
 * Algeria's public holidays of a year (the current one in Algiers by default), which working days
 * skip; an administrator (`mayWrite`) adds one to come and removes one the API says is `removable`
 * (still to come: a clock already counted never changes).
 */
export function PublicHolidays({ mayWrite }: { mayWrite: boolean }) {
  const { t } = useTranslation();
  const currentYear = Number(algiersToday().slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const [result, reexecute] = useQuery({ query: PublicHolidaysQuery, variables: { year } });
  const [addition, add] = useMutation(AddPublicHolidayMutation);
  const [, remove] = useMutation(RemovePublicHolidayMutation);
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [removal, setRemoval] = useState<{ day: string; problems: FieldProblem[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { scope: form, alert } = useFocusFirstProblem(problems);
  const holidays = result.data?.publicHolidays ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setRemoval(null);
    const missing = (
      [
        ['day', day],
        ['name', name.trim()],
      ] as const
    ).flatMap(([field, value]) => (value === '' ? [{ field, message: t('est obligatoire') }] : []));
    if (missing.length > 0) {
      setProblems(missing);
      return;
    }
    const outcome = await add({ input: { day, name } });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setNotice(t('Jour férié du {{date}} ajouté.', { date: formatCalendarDate(day) }));
    setDay('');
    setName('');
    setYear(Number(day.slice(0, 4)));
    reexecute({ requestPolicy: 'network-only' });
  }

  async function removeHoliday(holiday: { id: string; day: string }) {
    setNotice(null);
    const outcome = await remove({ id: holiday.id });
    if (outcome.error) {
      setRemoval({ day: holiday.day, problems: problemsOf(outcome.error) });
      return;
    }
    setRemoval(null);
    setNotice(t('Jour férié du {{date}} retiré.', { date: formatCalendarDate(holiday.day) }));
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h2 id="public-holidays-heading">{t('Jours fériés')}</h2>
      <p>{t('Les jours fériés ne comptent pas dans les délais en jours ouvrés.')}</p>
      <label className="field">
        {t('Année')}
        <select value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {yearsAround(currentYear, year).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <QueryState
        shape="table"
        fetching={result.fetching && !result.data}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {notice && (
        <p role="status" className="state state-success">
          {notice}
        </p>
      )}
      {removal && (
        <div role="alert" className="state state-error">
          {removal.problems.map((problem) => (
            <p key={problem.message}>
              {t('Jour férié du {{date}} : {{problem}}', {
                date: formatCalendarDate(removal.day),
                problem: problem.message,
              })}
            </p>
          ))}
        </div>
      )}
      {result.data && holidays.length === 0 && (
        <p className="state">{t('Aucun jour férié n’est enregistré pour {{year}}.', { year })}</p>
      )}
      {holidays.length > 0 && (
        <table aria-labelledby="public-holidays-heading">
          <thead>
            <tr>
              <th scope="col">{t('Jour')}</th>
              <th scope="col">{t('Nom')}</th>
              {mayWrite && (
                <th scope="col">
                  <span className="visually-hidden">{t('Actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {holidays.map((holiday) => (
              <tr key={holiday.id} data-testid="public-holiday">
                <td>
                  <bdi>{formatCalendarDate(holiday.day)}</bdi>
                </td>
                <td>
                  <bdi>{holiday.name}</bdi>
                </td>
                {mayWrite &&
                  (holiday.removable ? (
                    <td>
                      <button type="button" onClick={() => void removeHoliday(holiday)}>
                        {t('Retirer le jour férié du {{date}}', { date: formatCalendarDate(holiday.day) })}
                      </button>
                    </td>
                  ) : (
                    <td />
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayWrite && (
        <form ref={form} onSubmit={submit} aria-labelledby="new-holiday-heading" noValidate>
          <h3 id="new-holiday-heading">{t('Ajouter un jour férié')}</h3>
          <div className="form-grid">
            <FormField id="holiday-day" label={t('Jour')} problem={problemOf(problems, 'day')}>
              {(attributes) => (
                <input {...attributes} type="date" value={day} onChange={(event) => setDay(event.target.value)} />
              )}
            </FormField>
            <FormField id="holiday-name" label={t('Nom du jour férié')} problem={problemOf(problems, 'name')}>
              {(attributes) => (
                <input dir="auto" {...attributes} value={name} onChange={(event) => setName(event.target.value)} />
              )}
            </FormField>
          </div>
          <ProblemsAlert ref={alert} problems={problems} fields={['day', 'name']} />
          <div className="form-actions">
            <button type="submit" disabled={addition.fetching}>
              {addition.fetching ? t('Enregistrement…') : t('Ajouter le jour férié')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
