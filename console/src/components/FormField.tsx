import { useEffect, type ReactNode, type RefObject } from 'react';

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
      <label htmlFor={id} id={`${id}-label`}>{label}</label>
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
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('[role="alert"]');
    if (target?.getAttribute('role') === 'alert' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target?.focus();
  }, [form, problems]);
}
