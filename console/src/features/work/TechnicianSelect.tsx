import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { TechniciansQuery } from './documents.ts';

/**
 * The choice of who in a firm does a piece of work: one of the firm's enabled technicians (from the
 * API's `technicians`), or the firm as a whole (`value` ''). `contractorId` is the work's firm. The
 * select gets `id` and takes `aria-invalid` and `aria-describedby` like the form's other controls.
 */
export function TechnicianSelect({
  id,
  contractorId,
  value,
  onChange,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
}: {
  id: string;
  contractorId: string;
  value: string;
  onChange: (technicianId: string) => void;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: TechniciansQuery,
    variables: { contractorId },
    requestPolicy: 'cache-and-network',
  });
  const enabled = (result.data?.technicians ?? []).filter((technician) => technician.enabled);
  return (
    <>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      >
        <option value="">{t('Toute la firme (aucun technicien désigné)')}</option>
        {enabled.map((technician) => (
          <option key={technician.id} value={technician.id}>
            {technician.displayName}
          </option>
        ))}
      </select>
      <QueryState
        fetching={result.fetching && !result.data}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {result.data && enabled.length === 0 && (
        <p className="muted">
          {t('Cette firme n’a aucun technicien actif : son administrateur en crée dans « Accès ».')}
        </p>
      )}
    </>
  );
}
