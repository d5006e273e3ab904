import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ContractorPicker } from '../../components/ContractorPicker.tsx';
import { useListFilters } from '../../components/PagedList.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { WilayaFilter } from '../../components/WilayaFilter.tsx';
import type { VariablesOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { useWilayaScope } from '../../lib/wilaya-scope.ts';
import { MeQuery } from '../auth/documents.ts';
import { algiersToday } from '../invoices/dates.ts';
import { WilayasQuery } from '../reference-data/documents.ts';
import { ScorecardFirmQuery, type ScorecardQuery } from './documents.ts';
import { ScorecardView } from './ScorecardView.tsx';

/** The windows offered, by their value in the address (`?periode=`): a month is written YYYY-MM there. */
const windowLabels: Record<string, string> = {
  '30-jours': msg('30 derniers jours'),
  '90-jours': msg('90 derniers jours'),
  mois: msg('Un mois'),
};

type ScorecardVariables = VariablesOf<typeof ScorecardQuery>;

/** The window the address holds (`?periode=30-jours`, `90-jours` or a month `2026-05`), as the API takes it. */
function windowOf(period: string): Pick<ScorecardVariables, 'window' | 'month'> {
  if (period === '30-jours') return { window: 'LAST_30_DAYS', month: null };
  if (period === '90-jours') return { window: 'LAST_90_DAYS', month: null };
  return { window: 'MONTH', month: period };
}

/**
 * The quality scorecard (issue 20): the figures of a firm, of a wilaya or of the country over the
 * last 30 or 90 days or a month — work accepted, first time right, rejections and their reserves,
 * failures by reason, the quality margin, each step's times against its service level — with a firm's
 * ranks and twelve months of trend, moving live as work is accepted. Whose figures one may see is the
 * API's: a firm's users see their own firm's (in every wilaya or one), a DOT manager one of its
 * wilayas and the firms working there, head office the country, any wilaya and any firm. The choices
 * are kept in the address, as a list's filters are.
 */
export function ScorecardsPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const { filter, setFilter } = useListFilters({ periode: '30-jours' });
  // The wilayas the viewer is limited to, as the API answers (a DOT manager's); null: none.
  const own = me.data?.viewerCan.wilayas ?? null;
  const { wilayaCode, setWilaya } = useWilayaScope(own);
  // A firm's users see their own firm's scorecard: no firm to choose, the API knows theirs.
  const ownFirm = me.data?.me?.contractor?.id ?? null;
  const contractorId = ownFirm === null ? filter('contractant') || null : null;
  const period = filter('periode');
  const chosenWindow = windowLabels[period] ? period : 'mois';
  const { window, month } = windowOf(period);

  const [wilayas] = useQuery({ query: WilayasQuery });
  /** A wilaya as the page names it: "16 Alger" (its code alone until the wilayas are read). */
  const wilayaName = (code: string) => {
    const wilaya = wilayas.data?.wilayas.find((candidate) => candidate.code === code);
    return wilaya ? `${code} ${wilaya.name}` : code;
  };
  const firmId = contractorId ?? ownFirm;
  const [firm] = useQuery({ query: ScorecardFirmQuery, variables: { id: firmId ?? '' }, pause: firmId === null });
  const shownFirm = firmId !== null && firm.data?.contractor?.id === firmId ? firm.data.contractor : null;
  const firmName = shownFirm?.legalName ?? null;

  if (!me.data) return <QueryState fetching={me.fetching} error={me.error} retry={() => undefined} />;
  if (own !== null && own.length === 0) {
    return (
      <p className="state">
        {t('Aucune wilaya ne vous est attribuée : demandez à un administrateur de vous en attribuer une.')}
      </p>
    );
  }
  const variables: ScorecardVariables = { contractorId, wilayaCode, window, month };

  return (
    <section className="scorecards">
      <h1>{t('Tableau de bord qualité')}</h1>
      <p data-testid="scorecard-scope">
        {firmName !== null
          ? wilayaCode
            ? t('{{firm}}, dans la wilaya {{wilaya}}', { firm: firmName, wilaya: wilayaName(wilayaCode) })
            : t('{{firm}}, dans toutes les wilayas', { firm: firmName })
          : wilayaCode
            ? t('Wilaya {{wilaya}}, tous les contractants', { wilaya: wilayaName(wilayaCode) })
            : t('Tout le pays, tous les contractants')}
      </p>
      <div className="filters">
        <label className="field">
          {t('Période')}
          <select
            value={chosenWindow}
            onChange={(event) =>
              setFilter('periode', event.target.value === 'mois' ? algiersToday().slice(0, 7) : event.target.value)
            }
          >
            {Object.entries(windowLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        {chosenWindow === 'mois' && (
          <label className="field">
            {t('Mois')}
            <input
              type="month"
              value={period}
              max={algiersToday().slice(0, 7)}
              onChange={(event) => setFilter('periode', event.target.value || '30-jours')}
            />
          </label>
        )}
        <WilayaFilter label={t('Wilaya')} value={wilayaCode ?? ''} onChange={setWilaya} only={own} />
        {ownFirm === null && (
          <div className="field">
            <span id="scorecard-contractor-label">{t('Contractant')}</span>
            <ContractorPicker
              id="scorecard-contractor"
              value={contractorId ?? ''}
              onChange={(id) => setFilter('contractant', id)}
              wilayaCode={wilayaCode ?? undefined}
              known={shownFirm}
            />
            {contractorId !== null && (
              <button type="button" onClick={() => setFilter('contractant', '')}>
                {t('Tous les contractants')}
              </button>
            )}
          </div>
        )}
      </div>
      <ScorecardView key={JSON.stringify(variables)} variables={variables} wilayaName={wilayaName} />
    </section>
  );
}
