import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { WilayasQuery } from '../features/reference-data/documents.ts';

/**
 * A list's wilaya filter, `label`led: one of the wilayas the API lists (`wilayas`), or all of them,
 * so that the console never sends a code no wilaya has. A code the address holds (`?wilaya=`) that
 * is none of them is shown as it is, to be changed: the list shows the API's refusal of it. A viewer
 * limited to some wilayas (`only`: a DOT manager's, as the API's `viewerCan.wilayas` says) chooses
 * among those only, and has no "all" to choose.
 */
export function WilayaFilter({
  label,
  value,
  onChange,
  only = null,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  only?: readonly string[] | null;
}) {
  const { t } = useTranslation();
  const [wilayas] = useQuery({ query: WilayasQuery });
  const listed = (wilayas.data?.wilayas ?? []).filter((wilaya) => only === null || only.includes(wilaya.code));
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {only === null && <option value="">{t('Toutes')}</option>}
        {value !== '' && !listed.some((wilaya) => wilaya.code === value) && <option value={value}>{value}</option>}
        {listed.map((wilaya) => (
          <option key={wilaya.code} value={wilaya.code}>
            {wilaya.code} — {wilaya.name}
          </option>
        ))}
      </select>
    </label>
  );
}
