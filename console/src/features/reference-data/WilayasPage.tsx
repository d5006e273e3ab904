import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { WilayasQuery } from './documents.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base', usage: 'search' });
const numberFormat = new Intl.NumberFormat('fr-FR');

function matches(text: string, search: string): boolean {
  const needle = search.trim();
  if (needle === '') return true;
  for (let start = 0; start + needle.length <= text.length; start += 1) {
    if (collator.compare(text.slice(start, start + needle.length), needle) === 0) return true;
  }
  return false;
}

/** The 58 wilayas with their commune counts; each opens its page. */
export function WilayasPage() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: WilayasQuery });
  const [search, setSearch] = useState('');
  const wilayas = result.data?.wilayas;
  const shown = useMemo(
    () => (wilayas ?? []).filter((w) => matches(`${w.code} ${w.name}`, search) || w.nameAr.includes(search.trim())),
    [wilayas, search],
  );

  return (
    <section>
      <h1>{t('Wilayas')}</h1>
      <QueryState
        shape="table"
        fetching={result.fetching}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {wilayas && (
        <>
          <p className="muted">
            {t('{{wilayas}} wilayas, {{communes}} communes', {
              wilayas: wilayas.length,
              communes: numberFormat.format(wilayas.reduce((sum, w) => sum + w.communeCount, 0)),
            })}
          </p>
          <label className="field">
            {t('Rechercher une wilaya')}
            <input
              dir="auto"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder={t('Nom ou code')}
            />
          </label>
          {shown.length === 0 ? (
            <p className="state">{t('Aucune wilaya ne correspond à « {{search}} ».', { search: search.trim() })}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Code')}</th>
                  <th scope="col">{t('Wilaya')}</th>
                  <th scope="col" lang="ar" dir="rtl">
                    الولاية
                  </th>
                  <th scope="col" className="number">
                    {t('Communes')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((wilaya) => (
                  <tr key={wilaya.code} data-testid="wilaya-row">
                    <td>
                      <bdi>{wilaya.code}</bdi>
                    </td>
                    <td>
                      <Link to={`/wilayas/${wilaya.code}`}>{wilaya.name}</Link>
                    </td>
                    <td lang="ar" dir="rtl">
                      <bdi>{wilaya.nameAr}</bdi>
                    </td>
                    <td className="number">
                      <bdi>{wilaya.communeCount}</bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
