import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import type { FieldProblem } from '../lib/errors.ts';

/**
 * Whether a problem concerns `field`: the API names a field in full (`lines.F-01`, `photoIds`) or
 * under its input (`input.email`), so a name matches the whole path or its last segments.
 */
function concerns(problem: FieldProblem, field: string): boolean {
  return problem.field === field || (problem.field?.endsWith(`.${field}`) ?? false);
}

/** What is wrong with `field`, if anything: its problems' messages, one after the other. */
export function problemOf(problems: readonly FieldProblem[], field: string): string | undefined {
  const messages = problems.filter((problem) => concerns(problem, field)).map((problem) => problem.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** The problems tied to none of `fields` (the form's fields shown beside a control): said in the form's alert. */
export function otherProblems(problems: readonly FieldProblem[], fields: readonly string[]): FieldProblem[] {
  return problems.filter((problem) => !fields.some((field) => concerns(problem, field)));
}

/**
 * What ties the control `id` to its `problem` (a message, none when it is fine) for assistive
 * technologies: `aria-invalid`, and `aria-describedby` the `ProblemNote` beside it (`<id>-problem`).
 */
export function problemProps(id: string, problem: string | undefined) {
  return {
    'aria-invalid': problem !== undefined ? true : undefined,
    'aria-describedby': problem !== undefined ? `${id}-problem` : undefined,
  } as const;
}

/**
 * The `problem` of the control `id`, under it (`inline`: after it, in a table's cell): announced as
 * it appears, the control's description (`<id>-problem`), and what `useFocusFirstProblem` finds to
 * focus that control.
 */
export function ProblemNote({
  id,
  problem,
  inline = false,
}: {
  id: string;
  problem: string | undefined;
  inline?: boolean;
}) {
  if (problem === undefined) return null;
  const Note = inline ? 'span' : 'p';
  return (
    <Note id={`${id}-problem`} className="field-problem" role="alert" data-problem-of={id}>
      {problem}
    </Note>
  );
}

/**
 * A form's alert: the problems tied to none of its `fields` (all of them when `fields` is left out),
 * one a paragraph, and `children` (an action that helps, such as reloading); nothing when it has
 * neither. `ref` is `useFocusFirstProblem`'s `alert`, focused when no control has a problem.
 */
export function ProblemsAlert({
  problems,
  fields = [],
  ref,
  children,
}: {
  problems: readonly FieldProblem[];
  fields?: readonly string[];
  ref?: Ref<HTMLDivElement>;
  children?: ReactNode;
}) {
  const others = otherProblems(problems, fields);
  if (others.length === 0 && !children) return null;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="state state-error">
      {others.map((problem) => (
        <p key={`${problem.field}-${problem.message}`}>{problem.message}</p>
      ))}
      {children}
    </div>
  );
}

/**
 * After a refused submit, moves the focus to what to fix, so that a keyboard or screen-reader user
 * lands on it: the control of the first `ProblemNote` (in document order, whose control is on the
 * page) within `scope` (the form, or the part of the page that holds its controls), else the form's
 * `ProblemsAlert` (`alert`). Only a
 * new, non-empty `problems` moves it: a form sets one list per refusal.
 */
export function useFocusFirstProblem<Scope extends HTMLElement = HTMLFormElement>(problems: readonly FieldProblem[]) {
  const scope = useRef<Scope>(null);
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length === 0) return;
    const notes = [...(scope.current?.querySelectorAll<HTMLElement>('[data-problem-of]') ?? [])];
    const control = notes.map((note) => document.getElementById(note.dataset['problemOf'] ?? '')).find(Boolean);
    (control ?? alert.current)?.focus();
  }, [problems]);
  return { scope, alert };
}
