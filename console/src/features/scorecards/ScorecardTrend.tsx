import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount, formatMonth, formatPercent, formatShare, formatShortMonth } from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { ScorecardTrendQuery } from './documents.ts';

type Month = ResultOf<typeof ScorecardTrendQuery>['scorecardTrend'][number];

/**
 * The share of the firms' own steps (owner CONTRACTOR) ended on time in `month`, from its steps' counts,
 * for the chart only; null when none ended.
 */
function firmOnTime(month: Month): number | null {
  const own = month.steps.filter((step) => step.owner === 'CONTRACTOR');
  const ended = own.reduce((sum, step) => sum + step.ended, 0);
  return ended === 0 ? null : own.reduce((sum, step) => sum + step.onTime, 0) / ended;
}

/**
 * The twelve months up to this one of a firm, a wilaya or the country (`scorecardTrend`): work accepted,
 * first time right, and the share of the firms' own steps ended on time, each month — three charts,
 * each described in words for screen readers (its figures month by month). Read again at each
 * `changed` (an event of the page's live scorecard), so that this month's bar moves with the figures.
 */
export function ScorecardTrend({
  contractorId,
  wilayaCode,
  changed,
}: {
  contractorId: string | null;
  wilayaCode: string | null;
  changed: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [result, reexecute] = useQuery({ query: ScorecardTrendQuery, variables: { contractorId, wilayaCode } });
  useEffect(() => {
    if (changed) reexecute({ requestPolicy: 'network-only' });
  }, [changed, reexecute]);
  // Right to left (Arabic), the charts mirror like the page: the months run from the right, the values' axis on the right.
  const rightToLeft = i18n.dir() === 'rtl';
  const months = result.data?.scorecardTrend ?? [];
  const data = months.map((month) => ({
    label: formatShortMonth(month.from),
    accepted: month.accepted,
    firstTimeRight: month.firstTimeRightRate === null ? null : Number(month.firstTimeRightRate),
    onTime: firmOnTime(month),
  }));
  /** Each month's figure in words, for a chart's description: "mai 2026 12, juin 2026 15…". */
  const described = (figure: (month: Month) => string) =>
    months.map((month) => `${formatMonth(month.from)} ${figure(month)}`).join(', ');
  const xAxis = <XAxis dataKey="label" reversed={rightToLeft} />;
  const orientation = rightToLeft ? 'right' : 'left';
  /** A share's line over the months: `dataKey` of the chart's data, named `name` in its tooltip. */
  const shareLine = (dataKey: 'firstTimeRight' | 'onTime', name: string, stroke: string) => (
    <LineChart data={data}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      {xAxis}
      <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value)} orientation={orientation} />
      <Tooltip formatter={(value) => [formatPercent(Number(value)), name]} />
      <Line dataKey={dataKey} stroke={stroke} strokeWidth={2} isAnimationActive={false} />
    </LineChart>
  );

  return (
    <section aria-labelledby="scorecard-trend">
      <h2 id="scorecard-trend">{t('Sur douze mois')}</h2>
      <QueryState
        fetching={result.fetching && !result.data}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {result.data && (
        <div className="scorecard-charts">
          <TrendFigure
            caption={t('Réceptionnés par mois')}
            description={t('Réceptionnés par mois : {{months}}', {
              months: described((month) => formatCount(month.accepted)),
            })}
          >
            <BarChart data={data}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              {xAxis}
              <YAxis allowDecimals={false} orientation={orientation} />
              <Tooltip formatter={(value) => [formatCount(Number(value)), t('réceptionnés')]} />
              <Bar dataKey="accepted" fill="#0b4f8a" isAnimationActive={false} />
            </BarChart>
          </TrendFigure>
          <TrendFigure
            caption={t('Bons du premier coup, par mois')}
            description={t('Bons du premier coup, par mois : {{months}}', {
              months: described((month) => formatShare(month.firstTimeRightRate)),
            })}
          >
            {shareLine('firstTimeRight', t('bons du premier coup'), '#0b4f8a')}
          </TrendFigure>
          <TrendFigure
            caption={t('Étapes à la charge du contractant dans les délais, par mois')}
            description={t('Étapes à la charge du contractant dans les délais, par mois : {{months}}', {
              months: described((month) => formatPercent(firmOnTime(month))),
            })}
          >
            {shareLine('onTime', t('dans les délais'), '#1e7b45')}
          </TrendFigure>
        </div>
      )}
    </section>
  );
}

/** One chart of the trend under its `caption`, said in words to screen readers (`description`: its figures). */
function TrendFigure({
  caption,
  description,
  children,
}: {
  caption: string;
  description: string;
  children: ReactElement;
}) {
  return (
    <figure>
      <figcaption>{caption}</figcaption>
      <div className="chart" role="img" aria-label={description}>
        <ResponsiveContainer width="100%" height={200}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
