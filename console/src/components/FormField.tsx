import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { FieldProblem } from '../lib/errors.ts';

/**
 * A labelled form field with the problem the console or the server found in it, if any: the
 * label has the id `<id>-label`; the control gets `id`, `aria-invalid` and `aria-describedby` pointing at the problem's text (`<id>-problem`).
 * `control` receives those attributes to spread on its input, select or textarea.
 */
export function FormField({
  id,
  label,
  problem,
  children: control,
}: {
  id: string;
  label: string;
  problem?: string | undefined;
  children: (attributes: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {control({ id, 'aria-invalid': Boolean(problem), 'aria-describedby': problem ? `${id}-problem` : undefined })}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * After a refused submit, moves the keyboard focus to the first field of `form` marked invalid, else
 * to its first alert, so that a keyboard or screen-reader user lands on what to fix. `problems` is
 * the list the form shows; the focus moves each time it changes to a non-empty one.
 */
export function useFocusOnProblems(form: RefObject<HTMLFormElement | null>, problems: readonly unknown[]): void {
  useEffect(() => {
    if (problems.length === 0) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]');
    if (target?.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex'))
      target.setAttribute('tabindex', '-1');
    target?.focus();
  }, [form, problems]);
}

/** The problem of `field` (the server names input fields by their last segment, e.g. `input.email` or `email`). */
export function problemOf(problems: readonly FieldProblem[], field: string): string | undefined {
  return problems.find((problem) => problem.field?.split('.').at(-1) === field)?.message;
}

/** The problems tied to none of the form's `fields` (by their last segment): said apart from the fields. */
export function otherProblems(problems: readonly FieldProblem[], fields: readonly string[]): FieldProblem[] {
  return problems.filter((problem) => !fields.includes(problem.field?.split('.').at(-1) ?? ''));
}

/** A form's alert with the problems tied to none of its fields, one a paragraph; nothing when there are none. */
export function ProblemsAlert({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" tabIndex={-1} className="state state-error">
      {problems.map((problem) => (
        <p key={`${problem.field}-${problem.message}`}>{problem.message}</p>
      ))}
    </div>
  );
}

/**
 * The state of a form of text values creating a record: its `values` (from `empty`), its `problems`
 * (the console's or the server's, the focus on the first after each refusal, `form` its element),
 * `problemOf` a field, the `general` problems tied to none of `fields`, and `text`, a labelled input
 * of one value with its problem.
 */
export function useRecordForm<Values extends { [Field in keyof Values]: string }>(
  empty: Values,
  fields: readonly string[],
) {
  const [values, setValues] = useState<Values>(empty);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnProblems(form, problems);
  const problemOfField = (field: string) => problemOf(problems, field);
  const text = (field: keyof Values & string, id: string, label: string, type = 'text') => (
    <FormField id={id} label={label} problem={problemOfField(field)}>
      {(attributes) => (
        <input
          {...attributes}
          type={type}
          value={values[field]}
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
        />
      )}
    </FormField>
  );
  return {
    values,
    setValues,
    setProblems,
    form,
    problemOf: problemOfField,
    general: otherProblems(problems, fields),
    text,
  };
}
