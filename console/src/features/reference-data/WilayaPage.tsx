import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { WilayaQuery } from './documents.ts';

/** One wilaya and its communes, with the daïra of each. */
export function WilayaPage() {
  const { t } = useTranslation();
  const code = useParams()['code'] ?? '';
  const valid = /^\d{2}$/.test(code);
  const [result, reexecute] = useQuery({ query: WilayaQuery, variables: { code }, pause: !valid });
  const wilaya = result.data?.wilaya;

  if (!valid || (result.data && !wilaya)) {
    return (
      <section>
        <h1>{t('Wilaya introuvable')}</h1>
        <p>
          {t('Aucune wilaya n’a le code « {{code}} ».', { code })} <Link to="/wilayas">{t('Retour aux wilayas')}</Link>
        </p>
      </section>
    );
  }

  return (
    <section>
      <p>
        <BackLink to="/wilayas">{t('Wilayas')}</BackLink>
      </p>
      <QueryState
        shape="details"
        fetching={result.fetching}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {wilaya && (
        <>
          <h1>
            {wilaya.code} — {wilaya.name}{' '}
            <span lang="ar" dir="rtl">
              {wilaya.nameAr}
            </span>
          </h1>
          <p className="muted">{t('{{count}} communes', { count: wilaya.communeCount })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Commune')}</th>
                <th scope="col" lang="ar" dir="rtl">
                  البلدية
                </th>
                <th scope="col">{t('Daïra')}</th>
              </tr>
            </thead>
            <tbody>
              {wilaya.communes.map((commune) => (
                <tr key={commune.id} data-testid="commune-row">
                  <td>
                    <bdi>{commune.name}</bdi>
                  </td>
                  <td lang="ar" dir="rtl">
                    <bdi>{commune.nameAr}</bdi>
                  </td>
                  <td>
                    <bdi>
                      {commune.daira.name}{' '}
                      <span lang="ar" dir="rtl" className="muted">
                        {commune.daira.nameAr}
                      </span>
                    </bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
