import { readFragment } from 'gql.tada';
import { useTranslation } from 'react-i18next';
import { formatAlgiersDateTime, formatDuration } from '../lib/format.ts';
import { msg } from '../lib/i18n.ts';
import type { FragmentOf, ResultOf } from '../lib/graphql.ts';
import { ServiceLevelClockFields } from './documents.ts';
import { targetInWords } from '../features/service-levels/durations.ts';
import { Table, type Column } from './Table.tsx';

/** The name of each step that has a service level. */
export const serviceLevelStepLabels: Record<string, string> = {
  ORDER_TO_ASSIGNMENT: msg('Attribution de la commande'),
  ASSIGNMENT_TO_APPOINTMENT: msg('Prise de rendez-vous'),
  APPOINTMENT_TO_INSTALLATION: msg('Installation après le rendez-vous'),
  REPORT_TO_DECISION: msg('Réception du rapport'),
  REJECTION_TO_NEW_REPORT: msg('Nouveau rapport après rejet'),
  SUBMISSION_TO_APPROVAL: msg('Approbation de la facture'),
  APPROVAL_TO_PAYMENT: msg('Paiement de la facture'),
};

/** Whose step it is. */
export const serviceLevelOwnerLabels: Record<string, string> = {
  ALGERIE_TELECOM: msg('Algérie Télécom'),
  CONTRACTOR: msg('L’entreprise'),
};

type Clock = ResultOf<typeof ServiceLevelClockFields> & { id: string };

/** Where a clock stands, in words, with its lateness; the state's colour is in styles.css (`.clock-<state>`). */
function ClockState({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  const late = formatDuration(clock.lateMinutes);
  const words: Record<string, string> = {
    RUNNING: t('En cours, dans les délais'),
    RUNNING_LATE: t('En cours, en retard de {{late}}', { late }),
    MET: t('Dans les délais'),
    MISSED: t('En retard de {{late}}', { late }),
    STOPPED: t('Arrêtée avant l’échéance'),
  };
  return (
    <span className={`clock clock-${clock.state.toLowerCase()}`} data-testid="clock-state">
      {words[clock.state] ?? clock.state}
    </span>
  );
}

const columns: readonly Column<Clock>[] = [
  { header: msg('Étape'), cell: (clock) => <StepName step={clock.step} /> },
  { header: msg('À qui'), cell: (clock) => <OwnerName owner={clock.owner} /> },
  { header: msg('Commencée le'), cell: (clock) => <bdi>{formatAlgiersDateTime(clock.startedAt)}</bdi> },
  { header: msg('Objectif'), cell: (clock) => <Target clock={clock} /> },
  { header: msg('Échéance'), cell: (clock) => <bdi>{formatAlgiersDateTime(clock.dueAt)}</bdi> },
  { header: msg('Temps passé'), cell: (clock) => <Elapsed clock={clock} /> },
  { header: msg('État'), cell: (clock) => <ClockState clock={clock} />, testId: 'clock' },
];

/** A service level's step by its name (the API's ServiceLevelStep). */
export function StepName({ step }: { step: string }) {
  const { t } = useTranslation();
  return <bdi>{t(serviceLevelStepLabels[step] ?? step)}</bdi>;
}

/** Whose step it is, in words (the API's ServiceLevelOwner). */
export function OwnerName({ owner }: { owner: string }) {
  const { t } = useTranslation();
  return <bdi>{t(serviceLevelOwnerLabels[owner] ?? owner)}</bdi>;
}

/** The target as the service levels page says it: "2 jours ouvrés", "30 jours calendaires", "4 h". */
function Target({ clock }: { clock: Clock }) {
  return <bdi>{targetInWords(clock.targetMinutes, clock.timeBasis)}</bdi>;
}

/** The time the step took, said to be working time when only working days count ("26 j et 21 h, en jours ouvrés"). */
function Elapsed({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  const duration = formatDuration(clock.elapsedMinutes);
  return <bdi>{clock.timeBasis === 'WORKING_DAYS' ? t('{{duration}}, en jours ouvrés', { duration }) : duration}</bdi>;
}

/**
 * The service-level clocks of a customer subscription or an invoice, as the API computes them: each
 * step with whose it is, when it started, its target and due time, the time it took, and whether it
 * is on time or late and by how much (times in Algiers).
 */
export function ServiceLevelClocks({ clocks }: { clocks: readonly FragmentOf<typeof ServiceLevelClockFields>[] }) {
  const { t } = useTranslation();
  const rows = clocks.map((fields, index) => ({ ...readFragment(ServiceLevelClockFields, fields), id: String(index) }));
  return (
    <>
      <h2>{t('Délais (niveaux de service)')}</h2>
      {rows.length === 0 ? (
        <p className="state">{t('Aucune étape mesurée pour l’instant.')}</p>
      ) : (
        <Table rows={rows} columns={columns} rowTestId="service-level-clock" />
      )}
    </>
  );
}
