import { useTranslation } from 'react-i18next';
import { msg } from '../../lib/i18n.ts';
import type { FieldWorkData } from './documents.ts';
import { algiersDateTime } from './format.ts';

/** What the firm has to do next on a piece of work, by the step whose clock runs. */
const firmStepDue: Record<string, { due: string; late: string }> = {
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
 * is due and by when (Algiers time), marked late when it already was.
 */
export function FirmDeadline({ work }: { work: FieldWorkData }) {
  const { t } = useTranslation();
  // Work kept on this phone by an earlier console has no clocks: it shows none until loaded again.
  const clocks = (work as Partial<Pick<FieldWorkData, 'serviceLevelClocks'>>).serviceLevelClocks ?? [];
  const clock = clocks.find((candidate) => candidate.owner === 'CONTRACTOR' && candidate.state.startsWith('RUNNING'));
  const words = clock && firmStepDue[clock.step];
  if (!clock || !words) return null;
  const late = clock.state === 'RUNNING_LATE';
  return (
    <p className={late ? 'field-deadline late' : 'field-deadline'} data-testid="field-deadline">
      {t(late ? words.late : words.due, { due: algiersDateTime(clock.dueAt) })}
    </p>
  );
}
