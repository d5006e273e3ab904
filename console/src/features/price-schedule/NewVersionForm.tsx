import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  NewVersionFrame,
  versionHeadProblems,
  versionProblemsOf,
  type NewVersionFormProps,
} from '../../components/DatedVersions.tsx';
import { problemOf, problemProps, ProblemNote, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import type { FieldProblem } from '../../lib/errors.ts';
import { translate as t } from '../../lib/i18n.ts';
import { unitLabels } from '../invoices/labels.ts';
import { apiAmountOf, typedAmountOf } from './amounts.ts';
import { CreatePriceScheduleVersionMutation } from './documents.ts';

/** An item of the new version as typed; `key` tells the rows apart while they are added and removed. */
interface ItemRow {
  key: number;
  code: string;
  designation: string;
  unit: string;
  unitPrice: string;
  taxCode: string;
}

/** A version as the form starts from: its items, their prices as the API writes them ("4500.00"). */
interface BaseVersion {
  readonly items: readonly {
    readonly code: string;
    readonly designation: string;
    readonly unit: string;
    readonly taxCode: string;
    readonly unitPrice: { readonly amount: string };
  }[];
}

/** The fields of an item, each a cell of its row. */
type ItemField = 'code' | 'designation' | 'unit' | 'unitPrice' | 'taxCode';

const itemCode = /^[A-Z0-9][A-Z0-9-]{1,19}$/;
/** A field of one item, as the server names it: items.3.unitPrice. */
const itemField = /^items\.\d+\.(code|designation|unit|unitPrice|taxCode)$/;

let nextKey = 0;

function rowOf(item?: BaseVersion['items'][number]): ItemRow {
  nextKey += 1;
  return item
    ? {
        key: nextKey,
        code: item.code,
        designation: item.designation,
        unit: item.unit,
        unitPrice: typedAmountOf(item.unitPrice.amount),
        taxCode: item.taxCode,
      }
    : { key: nextKey, code: '', designation: '', unit: 'U', unitPrice: '', taxCode: '' };
}

/** What the console checks before sending, as the server does; the server checks everything again (tax codes, dates). */
function check(
  name: string,
  effectiveFrom: string,
  items: readonly ItemRow[],
  latestFrom: string | null,
): FieldProblem[] {
  const problems = versionHeadProblems(name, effectiveFrom, latestFrom);
  if (items.length === 0)
    problems.push({ field: 'items', message: t('Le bordereau doit compter au moins un article.') });
  items.forEach((item, index) => {
    const code = item.code.trim().toUpperCase();
    if (!itemCode.test(code))
      problems.push({ field: `items.${index}.code`, message: t('2 à 20 majuscules, chiffres ou « - »') });
    else if (items.findIndex((other) => other.code.trim().toUpperCase() === code) !== index)
      problems.push({ field: `items.${index}.code`, message: t('Ce code figure déjà plus haut.') });
    if (item.designation.trim() === '')
      problems.push({ field: `items.${index}.designation`, message: t('est obligatoire') });
    if (apiAmountOf(item.unitPrice) === null)
      problems.push({
        field: `items.${index}.unitPrice`,
        message: t('Prix invalide : écrivez par exemple 4 500,00 (deux décimales au plus).'),
      });
    if (item.taxCode.trim() === '') problems.push({ field: `items.${index}.taxCode`, message: t('est obligatoire') });
  });
  return problems;
}

/**
 * A new version of the price schedule from a date (administrators): its name, its first day in force
 * (after today and after the latest version's), and its items, prefilled from `base` (the version in
 * force) to change, add or remove; prices typed in DA and sent as decimal strings. Each problem shows
 * beside its field or cell, the focus on the first.
 */
export function NewVersionForm({
  base,
  latestFrom,
  taxCodes,
  onCancel,
  onCreated,
}: {
  base: BaseVersion | undefined;
  latestFrom: string | null;
  taxCodes: readonly string[];
} & NewVersionFormProps) {
  const { t } = useTranslation();
  const [creation, create] = useMutation(CreatePriceScheduleVersionMutation);
  const [name, setName] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [items, setItems] = useState<ItemRow[]>(() => (base?.items ?? []).map((item) => rowOf(item)));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope: form, alert } = useFocusFirstProblem(problems);

  const itemProblem = (index: number, field: string) => problemOf(problems, `items.${index}.${field}`);
  const general = problems.filter(
    (problem) => problem.field !== 'name' && problem.field !== 'effectiveFrom' && !itemField.test(problem.field ?? ''),
  );
  const change = (index: number, field: ItemField, value: string) =>
    setItems(items.map((item, at) => (at === index ? { ...item, [field]: value } : item)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(name, effectiveFrom, items, latestFrom);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const input = {
      name,
      effectiveFrom,
      items: items.map((item) => ({
        code: item.code.trim().toUpperCase(),
        designation: item.designation,
        unit: item.unit as never,
        unitPrice: apiAmountOf(item.unitPrice)!,
        taxCode: item.taxCode.trim(),
      })),
    };
    const outcome = await create({ input });
    if (outcome.error) {
      setProblems(versionProblemsOf(outcome.error));
      return;
    }
    onCreated({ id: outcome.data!.createPriceScheduleVersion.id, name, effectiveFrom });
  }

  /** The attributes tying a cell's control to its problem, and its accessible name. */
  const cell = (index: number, field: ItemField, label: string) => {
    const id = `item-${index}-${field}`;
    return { id, 'aria-label': label, ...problemProps(id, itemProblem(index, field)) };
  };
  const note = (index: number, field: ItemField) => (
    <ProblemNote id={`item-${index}-${field}`} problem={itemProblem(index, field)} inline />
  );

  return (
    <NewVersionFrame
      formRef={form}
      onSubmit={submit}
      intro={t(
        'La nouvelle version s’applique au travail mesuré à partir de sa date ; la version en vigueur s’arrête la veille. Une version en vigueur ne change jamais : la date doit être après aujourd’hui.',
      )}
      name={name}
      effectiveFrom={effectiveFrom}
      onName={setName}
      onEffectiveFrom={setEffectiveFrom}
      problems={problems}
      general={general}
      alert={alert}
      saving={creation.fetching}
      onCancel={onCancel}
    >
      <datalist id="tax-codes">
        {taxCodes.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('Code')}</th>
            <th scope="col">{t('Désignation')}</th>
            <th scope="col">{t('Unité')}</th>
            <th scope="col">{t('Prix unitaire HT (DA)')}</th>
            <th scope="col">{t('Taxe')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('Actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={item.key} data-testid="new-version-item">
              <td>
                <bdi>
                  <input
                    dir="auto"
                    {...cell(index, 'code', t('Code, ligne {{line}}', { line: index + 1 }))}
                    value={item.code}
                    onChange={(event) => change(index, 'code', event.target.value)}
                  />
                  {note(index, 'code')}
                </bdi>
              </td>
              <td>
                <bdi>
                  <input
                    dir="auto"
                    {...cell(index, 'designation', t('Désignation, ligne {{line}}', { line: index + 1 }))}
                    value={item.designation}
                    onChange={(event) => change(index, 'designation', event.target.value)}
                  />
                  {note(index, 'designation')}
                </bdi>
              </td>
              <td>
                <bdi>
                  <select
                    {...cell(index, 'unit', t('Unité, ligne {{line}}', { line: index + 1 }))}
                    value={item.unit}
                    onChange={(event) => change(index, 'unit', event.target.value)}
                  >
                    {Object.entries(unitLabels).map(([value, label]) => (
                      <option key={value} value={value}>
                        {t(label)}
                      </option>
                    ))}
                  </select>
                  {note(index, 'unit')}
                </bdi>
              </td>
              <td>
                <bdi>
                  <input
                    dir="auto"
                    {...cell(index, 'unitPrice', t('Prix unitaire HT (DA), ligne {{line}}', { line: index + 1 }))}
                    inputMode="decimal"
                    value={item.unitPrice}
                    onChange={(event) => change(index, 'unitPrice', event.target.value)}
                  />
                  {note(index, 'unitPrice')}
                </bdi>
              </td>
              <td>
                <bdi>
                  <input
                    dir="auto"
                    {...cell(index, 'taxCode', t('Taxe, ligne {{line}}', { line: index + 1 }))}
                    list="tax-codes"
                    value={item.taxCode}
                    onChange={(event) => change(index, 'taxCode', event.target.value)}
                  />
                  {note(index, 'taxCode')}
                </bdi>
              </td>
              <td>
                <button type="button" onClick={() => setItems(items.filter((_, at) => at !== index))}>
                  {t('Retirer la ligne {{line}}', { line: index + 1 })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={() => setItems([...items, rowOf()])}>
          {t('Ajouter un article')}
        </button>
      </div>
    </NewVersionFrame>
  );
}
