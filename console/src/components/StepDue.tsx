import { useTranslation } from 'react-i18next';
import { formatAlgiersDateTime } from '../lib/format.ts';

/** What a step asks of its owner, with its due time as `{{due}}`: while it is on time, and once it is late. */
export interface StepDueWords {
  readonly due: string;
  readonly late: string;
}

/**
 * What is due by the running service-level clock of one of `steps` among `clocks` (as the API gave
 * them), in the words `steps` gives that step: before its due time (written by `formatDue`, Algiers
 * time), or late since it — said in words, not by colour alone (`className` with `late`). Nothing when
 * none of these steps runs.
 */
export function StepDue({
  clocks,
  steps,
  testId,
  className,
  formatDue = formatAlgiersDateTime,
}: {
  clocks: readonly { step: string; state: string; dueAt: string }[];
  steps: Readonly<Record<string, StepDueWords>>;
  testId: string;
  className: string;
  formatDue?: (instant: string) => string;
}) {
  const { t } = useTranslation();
  const clock = clocks.find(
    (candidate) => candidate.state.startsWith('RUNNING') && Object.hasOwn(steps, candidate.step),
  );
  if (!clock) return null;
  const words = steps[clock.step]!;
  const late = clock.state === 'RUNNING_LATE';
  return (
    <span className={late ? `${className} late` : className} data-testid={testId}>
      {t(late ? words.late : words.due, { due: formatDue(clock.dueAt) })}
    </span>
  );
}
