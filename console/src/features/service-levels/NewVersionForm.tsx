import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  NewVersionFrame,
  versionHeadProblems,
  versionProblemsOf,
  type NewVersionFormProps,
} from '../../components/DatedVersions.tsx';
import {
  problemOf,
  problemProps,
  ProblemNote,
  otherProblems,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import type { FieldProblem } from '../../lib/errors.ts';
import { msg, translate as t } from '../../lib/i18n.ts';
import { CreateServiceLevelScheduleVersionMutation } from './documents.ts';
import { minutesOf, typedTarget, type TargetUnit } from './durations.ts';
import { serviceLevelStepLabels as stepLabels } from '../../components/ServiceLevelClocks.tsx';
import { timeBasisLabels } from './labels.ts';

/** A target as typed: its step, its wilaya ('' for the national one), its figure in `unit`, how it counts; `key` tells the rows apart. */
interface TargetRow {
  key: number;
  step: string;
  wilayaCode: string;
  amount: string;
  unit: TargetUnit;
  timeBasis: string;
}

/** A target of the version the form starts from, as the API gives it. */
interface BaseTarget {
  readonly step: string;
  readonly wilayaCode?: string | null | undefined;
  readonly targetMinutes: number;
  readonly timeBasis: string;
}

/** The fields of a target, as the server names them (targets.3.targetMinutes), each a cell of its row. */
type TargetField = 'step' | 'wilayaCode' | 'targetMinutes' | 'timeBasis';
const targetFields: readonly TargetField[] = ['step', 'wilayaCode', 'targetMinutes', 'timeBasis'];

/** The units a target is typed in, shown with `t(label)`. */
const unitLabels: Record<TargetUnit, string> = {
  DAYS: msg('jours'),
  HOURS: msg('heures'),
  MINUTES: msg('minutes'),
};

let nextKey = 0;

function rowOf(step: string, target?: BaseTarget): TargetRow {
  nextKey += 1;
  return target
    ? {
        key: nextKey,
        step,
        wilayaCode: target.wilayaCode ?? '',
        ...typedTarget(target.targetMinutes),
        timeBasis: target.timeBasis,
      }
    : { key: nextKey, step, wilayaCode: '', amount: '', unit: 'DAYS', timeBasis: 'WORKING_DAYS' };
}

/** What the console checks before sending; the server checks everything again (a step twice, a wilaya on an invoice's step). */
function check(
  name: string,
  effectiveFrom: string,
  targets: readonly TargetRow[],
  nationalCount: number,
  latestFrom: string | null,
): FieldProblem[] {
  const problems = versionHeadProblems(name, effectiveFrom, latestFrom);
  targets.forEach((target, index) => {
    if (minutesOf(target.amount, target.unit) === null)
      problems.push({
        field: `targets.${index}.targetMinutes`,
        message: t('doit être un nombre entier à partir de 1'),
      });
    if (index >= nationalCount && target.wilayaCode === '')
      problems.push({ field: `targets.${index}.wilayaCode`, message: t('est obligatoire') });
  });
  return problems;
}

/**
 * A new version of the service levels from a date (administrators): its name, its first day in force
 * (after today and after the latest version's), each step's national target, and the wilayas' own
 * targets (added and removed), prefilled from `base` (the version in force). A target is typed as a
 * whole number of days, hours or minutes and sent in minutes. Each problem shows beside its field or
 * cell, the focus on the first.
 */
export function NewVersionForm({
  base,
  latestFrom,
  wilayas,
  onCancel,
  onCreated,
}: {
  base: readonly BaseTarget[];
  latestFrom: string | null;
  wilayas: readonly { code: string; name: string }[];
} & NewVersionFormProps) {
  const { t } = useTranslation();
  const [creation, create] = useMutation(CreateServiceLevelScheduleVersionMutation);
  const [name, setName] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [national, setNational] = useState<TargetRow[]>(() =>
    Object.keys(stepLabels).map((step) =>
      rowOf(
        step,
        base.find((target) => target.step === step && !target.wilayaCode),
      ),
    ),
  );
  const [local, setLocal] = useState<TargetRow[]>(() =>
    base.filter((target) => target.wilayaCode).map((target) => rowOf(target.step, target)),
  );
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope: form, alert } = useFocusFirstProblem(problems);
  const targets = [...national, ...local];
  const fields = [
    'name',
    'effectiveFrom',
    ...targets.flatMap((_, index) => targetFields.map((field) => `targets.${index}.${field}`)),
  ];

  /** Changes `field` of the target at `index` of the whole list (the national ones first). */
  const change = (index: number, field: keyof TargetRow, value: string) => {
    const changed = (rows: TargetRow[], at: number) =>
      rows.map((row, position) => (position === at ? { ...row, [field]: value } : row));
    if (index < national.length) setNational(changed(national, index));
    else setLocal(changed(local, index - national.length));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(name, effectiveFrom, targets, national.length, latestFrom);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const input = {
      name,
      effectiveFrom,
      targets: targets.map((target) => ({
        step: target.step as never,
        wilayaCode: target.wilayaCode === '' ? null : target.wilayaCode,
        targetMinutes: minutesOf(target.amount, target.unit)!,
        timeBasis: target.timeBasis as never,
      })),
    };
    const outcome = await create({ input });
    if (outcome.error) {
      setProblems(versionProblemsOf(outcome.error));
      return;
    }
    onCreated({ id: outcome.data!.createServiceLevelScheduleVersion.serviceLevelSchedule.id, name, effectiveFrom });
  }

  /** The attributes tying the control of `field` of the target at `index` to its problem, and its accessible name. */
  const cell = (index: number, field: TargetField, label: string) => {
    const id = `target-${index}-${field}`;
    return { id, 'aria-label': label, ...problemProps(id, problemOf(problems, `targets.${index}.${field}`)) };
  };
  const note = (index: number, field: TargetField) => (
    <ProblemNote id={`target-${index}-${field}`} problem={problemOf(problems, `targets.${index}.${field}`)} inline />
  );
  /** The options of a select, one for each of `labels` (French texts by value). */
  const optionsOf = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => (
      <option key={value} value={value}>
        {t(label)}
      </option>
    ));
  /** The cells of a target's figure, unit and time basis, `what` naming the row in their labels. */
  const targetCells = (index: number, target: TargetRow, what: string) => (
    <>
      <td>
        <bdi>
          <input
            dir="auto"
            {...cell(index, 'targetMinutes', t('Objectif, {{what}}', { what }))}
            inputMode="numeric"
            value={target.amount}
            onChange={(event) => change(index, 'amount', event.target.value)}
          />
          <select
            aria-label={t('Unité, {{what}}', { what })}
            value={target.unit}
            onChange={(event) => change(index, 'unit', event.target.value)}
          >
            {optionsOf(unitLabels)}
          </select>
          {note(index, 'targetMinutes')}
        </bdi>
      </td>
      <td>
        <bdi>
          <select
            {...cell(index, 'timeBasis', t('Décompte, {{what}}', { what }))}
            value={target.timeBasis}
            onChange={(event) => change(index, 'timeBasis', event.target.value)}
          >
            {optionsOf(timeBasisLabels)}
          </select>
          {note(index, 'timeBasis')}
        </bdi>
      </td>
    </>
  );

  return (
    <NewVersionFrame
      formRef={form}
      onSubmit={submit}
      intro={t(
        'La nouvelle version s’applique aux étapes commencées à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.',
      )}
      name={name}
      effectiveFrom={effectiveFrom}
      onName={setName}
      onEffectiveFrom={setEffectiveFrom}
      problems={problems}
      general={otherProblems(problems, fields)}
      alert={alert}
      saving={creation.fetching}
      onCancel={onCancel}
    >
      <h3>{t('Objectifs nationaux')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('Étape')}</th>
            <th scope="col">{t('Objectif')}</th>
            <th scope="col">{t('Décompte')}</th>
          </tr>
        </thead>
        <tbody>
          {national.map((target, index) => (
            <tr key={target.key} data-testid="new-version-national-target">
              <th scope="row">
                <bdi>{t(stepLabels[target.step] ?? target.step)}</bdi>
              </th>
              {targetCells(index, target, t(stepLabels[target.step] ?? target.step))}
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('Objectifs propres aux wilayas')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('Wilaya')}</th>
            <th scope="col">{t('Étape')}</th>
            <th scope="col">{t('Objectif')}</th>
            <th scope="col">{t('Décompte')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {local.map((target, position) => {
            const index = national.length + position;
            const what = t('wilaya ligne {{line}}', { line: position + 1 });
            return (
              <tr key={target.key} data-testid="new-version-wilaya-target">
                <td>
                  <bdi>
                    <select
                      {...cell(index, 'wilayaCode', t('Wilaya, {{what}}', { what }))}
                      value={target.wilayaCode}
                      onChange={(event) => change(index, 'wilayaCode', event.target.value)}
                    >
                      <option value="">{t('Choisir une wilaya')}</option>
                      {wilayas.map((wilaya) => (
                        <option key={wilaya.code} value={wilaya.code}>
                          {wilaya.code} — {wilaya.name}
                        </option>
                      ))}
                    </select>
                    {note(index, 'wilayaCode')}
                  </bdi>
                </td>
                <td>
                  <bdi>
                    <select
                      {...cell(index, 'step', t('Étape, {{what}}', { what }))}
                      value={target.step}
                      onChange={(event) => change(index, 'step', event.target.value)}
                    >
                      {optionsOf(stepLabels)}
                    </select>
                    {note(index, 'step')}
                  </bdi>
                </td>
                {targetCells(index, target, what)}
                <td>
                  <button type="button" onClick={() => setLocal(local.filter((_, at) => at !== position))}>
                    {t('Retirer la wilaya ligne {{line}}', { line: position + 1 })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={() => setLocal([...local, rowOf(Object.keys(stepLabels)[0]!)])}>
          {t('Ajouter un objectif de wilaya')}
        </button>
      </div>
    </NewVersionFrame>
  );
}
