import { useMemo, useState } from 'react';
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
  const [result, reexecute] = useQuery({ query: WilayasQuery });
  const [search, setSearch] = useState('');
  const wilayas = result.data?.wilayas;
  const shown = useMemo(
    () => (wilayas ?? []).filter((w) => matches(`${w.code} ${w.name}`, search) || w.nameAr.includes(search.trim())),
    [wilayas, search],
  );

  return (
    <section>
      <h1>Wilayas</h1>
      <QueryState fetching={result.fetching} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {wilayas && (
        <>
          <p className="muted">
            {wilayas.length} wilayas, {numberFormat.format(wilayas.reduce((sum, w) => sum + w.communeCount, 0))} communes
          </p>
          <label className="field">
            Rechercher une wilaya
            <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Nom ou code" />
          </label>
          {shown.length === 0 ? (
            <p className="state">Aucune wilaya ne correspond à « {search.trim()} ».</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Wilaya</th>
                  <th scope="col" lang="ar" dir="rtl">
                    الولاية
                  </th>
                  <th scope="col" className="number">
                    Communes
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((wilaya) => (
                  <tr key={wilaya.code} data-testid="wilaya-row">
                    <td>{wilaya.code}</td>
                    <td>
                      <Link to={`/wilayas/${wilaya.code}`}>{wilaya.name}</Link>
                    </td>
                    <td lang="ar" dir="rtl">
                      {wilaya.nameAr}
                    </td>
                    <td className="number">{wilaya.communeCount}</td>
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
