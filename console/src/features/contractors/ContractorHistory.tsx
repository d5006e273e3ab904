import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { reasonInLanguage } from '../../lib/errors.ts';
import { AuditActor } from '../../components/AuditActor.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatAlgiersDateTime, formatChange } from '../../lib/format.ts';
import { translate as t } from '../../lib/i18n.ts';
import { auditActionLabels } from '../work/labels.ts';
import { ContractorHistoryQuery } from './documents.ts';
import { contractorFieldLabels, contractorStatusLabels, fiscalRegimeLabels, legalFormLabels } from './labels.ts';

/** A value of a changed field as a person reads it: names for codes, lists joined, contacts by name, "—" for none. */
function shown(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'legalForm') return t(legalFormLabels[String(value)] ?? String(value));
  if (field === 'fiscalRegime') return t(fiscalRegimeLabels[String(value)] ?? String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((item: unknown) =>
        typeof item === 'object' && item !== null ? String((item as { name?: unknown }).name ?? '') : String(item),
      )
      .join(', ');
  }
  return String(value);
}

/** A change of status, "En attente d’agrément → Actif" (the status alone for a creation). */
function statusChange(from: string | null | undefined, to: string): string {
  const name = (status: string) => t(contractorStatusLabels[status] ?? status);
  return from ? formatChange(name(from), name(to)) : name(to);
}

/**
 * A contractor's audit trail as a timeline, oldest first: its creation, each change with the fields'
 * values before and after, each change of status with its reason. Reloaded when the contractor's
 * `version` moves (a change made on the page).
 */
export function ContractorHistory({ contractorId, version }: { contractorId: string; version: number }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: ContractorHistoryQuery,
    variables: { id: contractorId },
    requestPolicy: 'cache-and-network',
  });
  const shownVersion = useRef(version);
  const events = result.data?.auditTrail;

  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    reexecute({ requestPolicy: 'network-only' });
  }, [version, reexecute]);

  return (
    <section aria-labelledby="contractor-history">
      <h2 id="contractor-history">{t('Historique')}</h2>
      <QueryState
        fetching={result.fetching && !events}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {events &&
        (events.length === 0 ? (
          <p className="state">{t('Aucun événement enregistré pour ce contractant.')}</p>
        ) : (
          <ol className="timeline">
            {events.map((event) => (
              <li key={event.id} data-testid="timeline-event">
                <span className="muted">{formatAlgiersDateTime(event.occurredAt)}</span> —{' '}
                {event.toStatus
                  ? t('{{label}} : {{value}}', {
                      label: t(auditActionLabels[event.action] ?? event.action),
                      value: statusChange(event.fromStatus, event.toStatus),
                    })
                  : t(auditActionLabels[event.action] ?? event.action)}
                {event.reason && ` (${reasonInLanguage(event.reason)})`} <AuditActor actor={event.actor} />
                {event.action === 'UPDATE' && (
                  <ul className="changes">
                    {event.changes.map((change) => (
                      <li key={change.field}>
                        {t('{{label}} : {{value}}', {
                          label: t(contractorFieldLabels[change.field] ?? change.field),
                          value:
                            change.from === null && change.to === null
                              ? t('valeur masquée pour votre rôle')
                              : formatChange(shown(change.field, change.from), shown(change.field, change.to)),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
