import { StepDue, type StepDueWords } from '../../components/StepDue.tsx';
import { msg } from '../../lib/i18n.ts';
import type { FieldWorkData } from './documents.ts';
import { algiersDateTime } from './format.ts';

/** What the firm has to do next on a piece of work, by the step (the firm's) whose clock runs. */
const firmStepDue: Record<string, StepDueWords> = {
  ASSIGNMENT_TO_APPOINTMENT: {
    due: msg('Rendez-vous à fixer avant le {{due}}'),
    late: msg('Rendez-vous à fixer : en retard depuis le {{due}}'),
  },
  APPOINTMENT_TO_INSTALLATION: {
    due: msg('Rapport attendu avant le {{due}}'),
    late: msg('Rapport attendu : en retard depuis le {{due}}'),
  },
  REJECTION_TO_NEW_REPORT: {
    due: msg('Nouveau rapport attendu avant le {{due}}'),
    late: msg('Nouveau rapport attendu : en retard depuis le {{due}}'),
  },
};

/**
 * The firm's running service-level clock on `work`, as the API gave it when the list was loaded: what
 * is due and by when (Algiers time, to the minute), marked late when it already was.
 */
export function FirmDeadline({ work }: { work: FieldWorkData }) {
  // Work kept on this phone by an earlier console has no clocks: it shows none until loaded again.
  const clocks = (work as Partial<Pick<FieldWorkData, 'serviceLevelClocks'>>).serviceLevelClocks ?? [];
  return (
    <StepDue
      clocks={clocks}
      steps={firmStepDue}
      testId="field-deadline"
      className="field-deadline"
      formatDue={algiersDateTime}
    />
  );
}
