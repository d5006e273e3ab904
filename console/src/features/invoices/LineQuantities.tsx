import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { problemProps, ProblemNote } from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { compareQuantities, isWholeQuantity, parseQuantity, subtractQuantities } from './quantities.ts';

/** What a form of quantities per invoice line reads of a line. */
export interface QuantifiedLine {
  readonly unit: string;
  readonly quantity: string;
  readonly creditedQuantity: string;
}

/** The quantity invoiced and not yet credited: the most a credit note may still credit, or a revised line claim. */
export function remainingQuantity(line: QuantifiedLine): string {
  return subtractQuantities(line.quantity, line.creditedQuantity);
}

/**
 * The quantity typed for a line, in the API's form, or what is wrong with it: not a quantity (nor
 * 0 unless `zeroAllowed`), more than `most` (said by `tooMuch`), or a fraction of an item that is
 * not counted in metres.
 */
export function checkLineQuantity(
  t: TFunction,
  typed: string,
  line: QuantifiedLine,
  { most, tooMuch, zeroAllowed }: { most: string; tooMuch: string; zeroAllowed: boolean },
): { quantity: string; problem?: undefined } | { problem: string } {
  const quantity = parseQuantity(typed);
  if (quantity === null || (!zeroAllowed && compareQuantities(quantity, '0') <= 0))
    return { problem: t('Quantité invalide : écrivez par exemple 42,5 (trois décimales au plus).') };
  if (compareQuantities(quantity, most) > 0) return { problem: tooMuch };
  if (line.unit !== 'M' && !isWholeQuantity(quantity)) return { problem: t('Un nombre entier pour cet article.') };
  return { quantity };
}

/**
 * The API's refusals, each tied to the line it concerns — it names a line's field by its place in
 * the input, `<list>.N.quantity`, N indexing `lineIds` — and the others to `otherKey` of their field
 * (none by default: the form's alert). `message` says each (the API's words by default).
 */
export function problemsByLine(
  error: CombinedError,
  list: string,
  lineIds: readonly string[],
  {
    otherKey = () => null,
    message = (problem) => problem.message,
  }: { otherKey?: (field: string | null) => string | null; message?: (problem: FieldProblem) => string } = {},
): FieldProblem[] {
  const place = new RegExp(`^${list}\\.(\\d+)\\.`);
  return problemsOf(error).map((problem) => {
    const index = place.exec(problem.field ?? '')?.[1];
    const lineId = index === undefined ? undefined : lineIds[Number(index)];
    return { field: lineId ?? otherKey(problem.field), message: message(problem) };
  });
}

/** A line's quantity: its label (for screen readers), the field, the unit after it and its problem beside it (`<id>-problem`). */
export function LineQuantityInput({
  id,
  label,
  unit,
  value,
  problem,
  onChange,
}: {
  id: string;
  label: string;
  unit: string;
  value: string;
  problem: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        dir="auto"
        id={id}
        inputMode="decimal"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...problemProps(id, problem)}
      />{' '}
      {unit}
      {problem && ' '}
      <ProblemNote id={id} problem={problem} inline />
    </>
  );
}
