import { useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CombinedError } from 'urql';
import { problemsOf, type FieldProblem } from '../lib/errors.ts';
import { formatCalendarDate } from '../lib/format.ts';
import { msg, translate as t } from '../lib/i18n.ts';
import { algiersToday } from '../features/invoices/dates.ts';
import { FormField } from './FormField.tsx';
import { problemOf, ProblemsAlert } from './FormProblems.tsx';
import { QueryState } from './QueryState.tsx';

/** A version of dated data (the price schedule, the service levels): its range of days in force, Algiers. */
export interface DatedVersion {
  readonly id: string;
  readonly name: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null | undefined;
}

type VersionState = 'AHEAD' | 'IN_FORCE' | 'OVER';

/** The words of each state of a version (shown through `t`). */
const stateLabels: Record<VersionState, string> = {
  AHEAD: msg('À venir'),
  IN_FORCE: msg('En vigueur'),
  OVER: msg('Terminée'),
};

/** Where a version stands on `today` (YYYY-MM-DD, Algiers): its range ends the day before `effectiveTo`. */
function stateOf(version: DatedVersion, today: string): VersionState {
  if (version.effectiveFrom > today) return 'AHEAD';
  return version.effectiveTo && version.effectiveTo <= today ? 'OVER' : 'IN_FORCE';
}

/**
 * The versions of dated data, newest first: each one's name (a link showing it, kept in the address
 * as `?version=`), its dates and where it stands on `today`; each line marked `rowTestId`.
 */
function VersionsTable({
  versions,
  chosenId,
  today,
  rowTestId,
}: {
  versions: readonly DatedVersion[];
  chosenId: string | undefined;
  today: string;
  rowTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('Versions')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('Nom')}</th>
            <th scope="col">{t('En vigueur à partir du')}</th>
            <th scope="col">{t('Jusqu’au (exclu)')}</th>
            <th scope="col">{t('État')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} data-testid={rowTestId}>
              <td>
                <Link to={`?version=${version.id}`} replace aria-current={version.id === chosenId ? 'true' : undefined}>
                  {version.name}
                </Link>
              </td>
              <td>
                <bdi>{formatCalendarDate(version.effectiveFrom)}</bdi>
              </td>
              <td>
                <bdi>{version.effectiveTo ? formatCalendarDate(version.effectiveTo) : '—'}</bdi>
              </td>
              <td>
                <bdi>{t(stateLabels[stateOf(version, today)])}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A new version's form, given what ends it: `onCancel`, or `onCreated` once recorded. */
export interface NewVersionFormProps {
  onCancel: () => void;
  onCreated: (version: { id: string; name: string; effectiveFrom: string }) => void;
}

/**
 * The page of dated data (the price schedule, the service levels), headed `title`: its versions
 * (`versions`, newest first, loaded by `result`: `retry` runs it again) with their dates, and the
 * details (`details`) of the one chosen, kept in the address (the version in force by default). An
 * administrator (`mayCreate`) opens `form`, prefilled from the version in force (`base`, else the
 * newest) and starting after the latest's first day; once recorded, the new version is said and
 * shown. `intro` is said under the title, `empty` when there is no version.
 */
export function DatedVersionsPage<Version extends DatedVersion>({
  title,
  intro,
  empty,
  versions,
  result,
  retry,
  mayCreate,
  rowTestId,
  form,
  details,
}: {
  title: string;
  intro?: ReactNode;
  empty: string;
  versions: readonly Version[];
  result: { fetching: boolean; error?: CombinedError | undefined; data?: unknown };
  retry: () => void;
  mayCreate: boolean;
  rowTestId: string;
  form: (props: NewVersionFormProps & { base: Version | undefined; latestFrom: string | null }) => ReactNode;
  details: (chosen: Version) => ReactNode;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const today = algiersToday();
  const inForce = versions.find((version) => stateOf(version, today) === 'IN_FORCE');
  const chosen = versions.find((version) => version.id === params.get('version')) ?? inForce ?? versions[0];
  return (
    <>
      <div className="dashboard-heading">
        <h1>{title}</h1>
        {mayCreate && result.data !== undefined && (
          <div className="actions">
            <button
              type="button"
              aria-pressed={writing}
              onClick={() => {
                setWriting(!writing);
                setNotice(null);
              }}
            >
              {t('Nouvelle version à partir d’une date')}
            </button>
          </div>
        )}
      </div>
      {intro}
      <QueryState
        shape="table"
        fetching={result.fetching && result.data === undefined}
        error={result.error}
        retry={retry}
      />
      {notice && (
        <p role="status" className="state state-success">
          {notice}
        </p>
      )}
      {writing &&
        form({
          base: inForce ?? versions[0],
          latestFrom: versions[0]?.effectiveFrom ?? null,
          onCancel: () => setWriting(false),
          onCreated: (created) => {
            setWriting(false);
            setNotice(
              t('Version « {{name}} » enregistrée : en vigueur à partir du {{date}}.', {
                name: created.name,
                date: formatCalendarDate(created.effectiveFrom),
              }),
            );
            setParams({ version: created.id }, { replace: true });
            retry();
          },
        })}
      {result.data !== undefined && versions.length === 0 && <p className="state">{empty}</p>}
      {versions.length > 0 && (
        <VersionsTable versions={versions} chosenId={chosen?.id} today={today} rowTestId={rowTestId} />
      )}
      {chosen && details(chosen)}
    </>
  );
}

/**
 * A new version's form (`formRef`, as `useFocusFirstProblem` gives it, sent by `onSubmit`): its
 * heading (`new-version-heading`, which names it), what a new version does (`intro`), its name and
 * first day in force each with its problem, its own fields (`children`), then its `general` problems,
 * those shown beside no field (`alert`), and its buttons to record it (`saving` while it is sent) or cancel.
 */
export function NewVersionFrame({
  formRef,
  onSubmit,
  intro,
  name,
  effectiveFrom,
  onName,
  onEffectiveFrom,
  problems,
  general,
  alert,
  saving,
  onCancel,
  children,
}: {
  formRef: Ref<HTMLFormElement>;
  onSubmit: (event: FormEvent) => void;
  intro: string;
  name: string;
  effectiveFrom: string;
  onName: (name: string) => void;
  onEffectiveFrom: (day: string) => void;
  problems: readonly FieldProblem[];
  general: readonly FieldProblem[];
  alert: Ref<HTMLDivElement>;
  saving: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form ref={formRef} onSubmit={onSubmit} className="invoice-step" aria-labelledby="new-version-heading" noValidate>
      <h2 id="new-version-heading">{t('Nouvelle version à partir d’une date')}</h2>
      <p>{intro}</p>
      <div className="form-grid">
        <FormField id="version-name" label={t('Nom de la version')} problem={problemOf(problems, 'name')}>
          {(attributes) => (
            <input dir="auto" {...attributes} value={name} onChange={(event) => onName(event.target.value)} />
          )}
        </FormField>
        <FormField
          id="version-effective-from"
          label={t('En vigueur à partir du')}
          problem={problemOf(problems, 'effectiveFrom')}
        >
          {(attributes) => (
            <input
              {...attributes}
              type="date"
              value={effectiveFrom}
              onChange={(event) => onEffectiveFrom(event.target.value)}
            />
          )}
        </FormField>
      </div>
      {children}
      <ProblemsAlert ref={alert} problems={general} />
      <div className="form-actions">
        <button type="submit" disabled={saving}>
          {saving ? t('Enregistrement…') : t('Enregistrer la nouvelle version')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('Annuler')}
        </button>
      </div>
    </form>
  );
}

/**
 * What the console checks of a new version's name and first day before sending, as the server does:
 * a name, and a day after today (Algiers) and after `latestFrom` (the latest version's first day, if any).
 */
export function versionHeadProblems(name: string, effectiveFrom: string, latestFrom: string | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (name.trim() === '') problems.push({ field: 'name', message: t('est obligatoire') });
  if (effectiveFrom === '') problems.push({ field: 'effectiveFrom', message: t('est obligatoire') });
  else if (effectiveFrom <= algiersToday())
    problems.push({
      field: 'effectiveFrom',
      message: t('doit être après aujourd’hui : une version en vigueur ne change jamais'),
    });
  else if (latestFrom && effectiveFrom <= latestFrom) {
    problems.push({
      field: 'effectiveFrom',
      message: t('doit suivre le début de la dernière version, le {{date}}', {
        date: formatCalendarDate(latestFrom),
      }),
    });
  }
  return problems;
}

/**
 * The problems of a refused version. A CONFLICT on the start date is not a value taken by another
 * record (as `problemsOf` reads a CONFLICT on a field) but a start before the latest version's.
 */
export function versionProblemsOf(error: CombinedError): FieldProblem[] {
  const early = error.graphQLErrors.some(
    (e) => e.extensions?.['code'] === 'CONFLICT' && e.extensions?.['field'] === 'effectiveFrom',
  );
  if (early)
    return [
      {
        field: 'effectiveFrom',
        message: t('doit suivre le début de la dernière version, qui a changé entre-temps : rechargez la page'),
      },
    ];
  return problemsOf(error);
}
