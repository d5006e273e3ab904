import { useEffect, useEffectEvent } from 'react';
import type { FieldProblem } from '../../lib/errors.ts';

/** A form's controls in order: the API's field name of each and the id of the element that edits it. */
export type Controls = readonly (readonly [field: string, id: string])[];

/** The problem the API (or the form) found with `field`, if any. */
export function problemOf(problems: readonly FieldProblem[], field: string): FieldProblem | undefined {
  return problems.find((problem) => problem.field === field);
}

/** The problems tied to none of the form's controls: said in the form's alert. */
export function otherProblems(problems: readonly FieldProblem[], controls: Controls): FieldProblem[] {
  return problems.filter((problem) => !controls.some(([field]) => field === problem.field));
}

/** What ties a control to its problem for assistive technologies: `aria-invalid` and `aria-describedby`. */
export function invalidProps(problems: readonly FieldProblem[], field: string, id: string) {
  const invalid = problemOf(problems, field) !== undefined;
  return { 'aria-invalid': invalid ? true : undefined, 'aria-describedby': invalid ? `${id}-problem` : undefined };
}

/** The problem of one control, beside it (its id is the control's `aria-describedby`). */
export function ProblemNote({ problems, field, id }: { problems: readonly FieldProblem[]; field: string; id: string }) {
  const problem = problemOf(problems, field);
  return problem ? (
    <p id={`${id}-problem`} className="field-problem" role="alert">
      {problem.message}
    </p>
  ) : null;
}

/** The problems tied to no control, in an alert whose id `useFocusFirstProblem` focuses. */
export function ProblemsAlert({
  problems,
  controls,
  id,
}: {
  problems: readonly FieldProblem[];
  controls: Controls;
  id: string;
}) {
  const others = otherProblems(problems, controls);
  if (others.length === 0) return null;
  return (
    <div id={id} role="alert" tabIndex={-1} className="field-problem">
      {others.map((problem) => (
        <p key={`${problem.field}-${problem.message}`}>{problem.message}</p>
      ))}
    </div>
  );
}

/**
 * After a refused submit, moves the focus to the first control with a problem, else to the form's
 * alert, so that a keyboard or screen reader user lands on what to fix.
 */
export function useFocusFirstProblem(problems: readonly FieldProblem[], controls: Controls, alertId: string): void {
  // Only a new set of problems moves the focus; the controls and alert id are read as they are then.
  const focusFirst = useEffectEvent((shown: readonly FieldProblem[]) => {
    const first = controls.find(([field]) => problemOf(shown, field));
    document.getElementById(first ? first[1] : alertId)?.focus();
  });
  useEffect(() => {
    if (problems.length > 0) focusFirst(problems);
  }, [problems]);
}
