import { useTranslation } from 'react-i18next';

/** The select above a map that chooses what it shows: `options` by key, each with its French label. */
export function MapChoice<K extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: K;
  options: Record<K, { readonly label: string }>;
  onChange: (key: K) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="wilaya-map-controls">
      <label className="field inline">
        {label}
        <select value={value} onChange={(event) => onChange(event.target.value as K)}>
          {(Object.entries(options) as [K, { readonly label: string }][]).map(([key, option]) => (
            <option key={key} value={key}>
              {t(option.label)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The attribution the boundaries' licence asks for (ODbL: see README.md beside the file), under each map. */
export function OsmAttribution() {
  return (
    <p className="wilaya-map-attribution">
      <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noreferrer">
        © OpenStreetMap contributors
      </a>
    </p>
  );
}
