import { useTranslation } from 'react-i18next';

/** Who made an audited change, as the API shows them to the viewer (`AuditEvent.actor`). */
export interface AuditActorData {
  readonly name: string | null;
  readonly email: string | null;
  readonly organisation: string | null;
}

/**
 * "par Amine Benali (Algérie Télécom) · amine@at.dz": the person or API key behind a change, with their
 * organisation, and their e-mail when the API gives it to this viewer; "par le système" for the rest.
 */
export function AuditActor({ actor }: { actor: AuditActorData }) {
  const { t } = useTranslation();
  if (actor.name === null) return <span className="muted">{t('par le système')}</span>;
  return (
    <span className="muted">
      {t('par {{name}} ({{organisation}})', { name: actor.name, organisation: actor.organisation ?? '—' })}
      {actor.email && (
        <>
          {' · '}
          <a href={`mailto:${actor.email}`}>{actor.email}</a>
        </>
      )}
    </span>
  );
}
