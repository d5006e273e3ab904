import { useState, type ReactNode } from 'react';
import type { FieldProblem } from '../lib/errors.ts';
import { otherProblems, problemOf, problemProps, ProblemNote, useFocusFirstProblem } from './FormProblems.tsx';

/**
 * A labelled form field with the problem the console or the server found in it, if any: the
 * label has the id `<id>-label`; the control gets `id` and `problemProps` (`aria-invalid`, and
 * `aria-describedby` the `ProblemNote` under it). `control` receives those attributes to spread on
 * its input, select or textarea.
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
  children: (attributes: { id: string } & ReturnType<typeof problemProps>) => ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {control({ id, ...problemProps(id, problem) })}
      <ProblemNote id={id} problem={problem} />
    </div>
  );
}

/**
 * The state of a form of text values creating a record: its `values` (from `empty`), its `problems`
 * (the console's or the server's, the focus on the first after each refusal: `form` its element,
 * `alert` its `ProblemsAlert`), `problemOf` a field, the `general` problems tied to none of `fields`,
 * and `text`, a labelled input of one value with its problem.
 */
export function useRecordForm<Values extends { [Field in keyof Values]: string }>(
  empty: Values,
  fields: readonly string[],
) {
  const [values, setValues] = useState<Values>(empty);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope: form, alert } = useFocusFirstProblem(problems);
  const problemOfField = (field: string) => problemOf(problems, field);
  const text = (field: keyof Values & string, id: string, label: string, type = 'text') => (
    <FormField id={id} label={label} problem={problemOfField(field)}>
      {(attributes) => (
        <input
          dir="auto"
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
    alert,
    problemOf: problemOfField,
    general: otherProblems(problems, fields),
    text,
  };
}
