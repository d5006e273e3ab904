import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CommunesOfWilayaQuery } from '../features/contractors/documents.ts';
import { WilayasQuery } from '../features/reference-data/documents.ts';
import { FormField } from './FormField.tsx';

/**
 * Where a place is: a wilaya, then one of its communes (from the `wilayas` and `communes` queries),
 * each a labelled field (`<idPrefix>-wilaya`, `<idPrefix>-commune`) with its problem beside it.
 * `wilayaCodes` narrows the wilayas offered (a DOT manager's own); choosing another wilaya clears the commune.
 */
export function CommuneFields({
  idPrefix,
  wilayaCode,
  communeId,
  onChange,
  wilayaCodes,
  problems,
}: {
  idPrefix: string;
  wilayaCode: string;
  communeId: string;
  onChange: (place: { wilayaCode: string; communeId: string }) => void;
  wilayaCodes?: readonly string[] | undefined;
  problems: { wilaya?: string | undefined; commune?: string | undefined };
}) {
  const { t } = useTranslation();
  const [wilayas] = useQuery({ query: WilayasQuery });
  const [communes] = useQuery({ query: CommunesOfWilayaQuery, variables: { wilayaCode }, pause: !wilayaCode });
  const offered = (wilayas.data?.wilayas ?? []).filter((wilaya) => !wilayaCodes || wilayaCodes.includes(wilaya.code));
  return (
    <>
      <FormField id={`${idPrefix}-wilaya`} label={t('Wilaya')} problem={problems.wilaya}>
        {(attributes) => (
          <select
            {...attributes}
            value={wilayaCode}
            onChange={(event) => onChange({ wilayaCode: event.target.value, communeId: '' })}
          >
            <option value="">{t('Choisir…')}</option>
            {offered.map((wilaya) => (
              <option key={wilaya.code} value={wilaya.code}>
                {wilaya.code} — {wilaya.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id={`${idPrefix}-commune`} label={t('Commune')} problem={problems.commune}>
        {(attributes) => (
          <select
            {...attributes}
            value={communeId}
            onChange={(event) => onChange({ wilayaCode, communeId: event.target.value })}
            disabled={!wilayaCode}
          >
            <option value="">{wilayaCode ? t('Choisir…') : t('Choisissez d’abord la wilaya')}</option>
            {(communes.data?.communes ?? []).map((commune) => (
              <option key={commune.id} value={commune.id}>
                {commune.name} — {commune.nameAr}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
