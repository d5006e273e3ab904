import { readFragment } from 'gql.tada';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery, useSubscription } from 'urql';
import { Card } from '../../components/Card.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import {
  formatAlgiersDateTime,
  formatCalendarDate,
  formatCount,
  formatDays,
  formatDzd,
  formatPercent,
} from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import { MeQuery } from '../auth/documents.ts';
import { WilayasQuery } from '../reference-data/documents.ts';
import { DashboardFigures, DashboardQuery, DashboardSubscription, RolloutFigures } from './documents.ts';
import { mayRun } from '../../lib/viewer.ts';
import { useWilayaScope } from '../../lib/wilaya-scope.ts';
import { RolloutHeading, RolloutPanel, RolloutStatusCell } from './RolloutPanel.tsx';
import { WilayaMap } from './WilayaMap.tsx';
import { WilayaPointsMap } from './WilayaPointsMap.tsx';

/** The backlog's statuses, as the dashboard names them. */
const statusLabels: Record<string, string> = {
  PENDING: msg('En attente'),
  ASSIGNED: msg('Affectés'),
  SCHEDULED: msg('Planifiés'),
  INSTALLED: msg('Installés, à réceptionner'),
  ACCEPTED: msg('Réceptionnés'),
  REJECTED: msg('Refusés avec réserves'),
  FAILED: msg('Échoués'),
  CANCELLED: msg('Annulés'),
};

type Figures = ResultOf<typeof DashboardFigures>;

/**
 * The live dashboard (docs/domain.md, "What the live dashboards show"): national, or one wilaya's with
 * `?wilaya=16`. A DOT manager sees its own wilayas only. Figures come from `dashboard`, then from
 * `dashboardChanged` as the work moves, without reloading.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  // The wilayas the viewer is limited to, as the API answers (a DOT manager's); null: none, the national view too.
  const own = me.data?.viewerCan.wilayas ?? null;
  const { wilayaCode, setWilaya } = useWilayaScope(own);
  const allowed = mayRun(me.data, 'Query.dashboard');
  const pause = !allowed || (own !== null && wilayaCode === null);

  const [wilayas] = useQuery({ query: WilayasQuery, pause: !allowed });
  const [result, reexecute] = useQuery({ query: DashboardQuery, variables: { wilayaCode }, pause });
  const [live] = useSubscription({ query: DashboardSubscription, variables: { wilayaCode }, pause });

  const liveFigures = live.data?.dashboardChanged
    ? readFragment(DashboardFigures, live.data.dashboardChanged)
    : undefined;
  const queried = result.data?.dashboard ? readFragment(DashboardFigures, result.data.dashboard) : undefined;
  const sameScope = (figures: Figures | undefined) => figures && (figures.wilaya?.code ?? null) === wilayaCode;
  const figures = sameScope(liveFigures) ? liveFigures : sameScope(queried) ? queried : undefined;

  const choices = useMemo(() => {
    const all = wilayas.data?.wilayas ?? [];
    return own !== null ? all.filter((wilaya) => own.includes(wilaya.code)) : all;
  }, [wilayas.data, own]);

  if (me.fetching && !me.data) return <QueryState fetching error={undefined} retry={() => undefined} />;
  // A firm follows its money, its invoices; whoever may read none works in the field view.
  if (me.data?.me && !allowed)
    return <Navigate to={mayRun(me.data, 'Query.invoices') ? '/factures' : '/terrain'} replace />;
  if (own !== null && own.length === 0) {
    return (
      <p className="state">
        {t('Aucune wilaya ne vous est attribuée : demandez à un administrateur de vous en attribuer une.')}
      </p>
    );
  }

  return (
    <section className="dashboard">
      <div className="dashboard-heading">
        <h1>
          {figures?.wilaya
            ? t('Tableau de bord — {{code}} {{name}}', { code: figures.wilaya.code, name: figures.wilaya.name })
            : wilayaCode
              ? t('Tableau de bord')
              : t('Tableau de bord national')}
        </h1>
        {figures?.wilaya && (
          <span lang="ar" dir="rtl" className="muted">
            {figures.wilaya.nameAr}
          </span>
        )}
        <label className="field inline">
          {t('Périmètre')}
          <select value={wilayaCode ?? ''} onChange={(event) => setWilaya(event.target.value)}>
            {own === null && <option value="">{t('National')}</option>}
            {choices.map((wilaya) => (
              <option key={wilaya.code} value={wilaya.code}>
                {wilaya.code} — {wilaya.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState
        fetching={result.fetching && !figures}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {figures && <Figures figures={figures} live={Boolean(liveFigures)} onOpenWilaya={setWilaya} />}
    </section>
  );
}

function Figures({
  figures,
  live,
  onOpenWilaya,
}: {
  figures: Figures;
  live: boolean;
  onOpenWilaya: (code: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // Right to left (Arabic), the chart mirrors like the page: the days run from the right, the counts' axis on the right.
  const rightToLeft = i18n.dir() === 'rtl';
  return (
    <>
      <p className="muted" role="status" aria-live="polite">
        {live
          ? t('En direct au {{instant}} (heure d’Alger)', { instant: formatAlgiersDateTime(figures.computedAt) })
          : t('Chiffres au {{instant}} (heure d’Alger)', { instant: formatAlgiersDateTime(figures.computedAt) })}
      </p>
      <div className="cards">
        <Card
          label={t('Réceptionnés aujourd’hui')}
          value={formatCount(figures.acceptedToday)}
          testId="accepted-today"
        />
        <Card
          label={t('Réceptionnés ce mois')}
          value={formatCount(figures.acceptedThisMonth)}
          testId="accepted-this-month"
        />
        <Card
          label={t('Réceptionnés au total')}
          value={formatCount(figures.acceptedTotal)}
          detail={t('objectif {{target}} · {{progress}}', {
            target: formatCount(figures.targetConnections),
            progress: formatPercent(figures.progress),
          })}
          testId="accepted-total"
        />
        <Card
          label={t('Bons du premier coup')}
          value={formatPercent(figures.firstTimeRightRate)}
          detail={t('ce mois : {{rate}}', { rate: formatPercent(figures.firstTimeRightRateThisMonth) })}
        />
        <Card label={t('Délai médian commande → réception')} value={formatDays(figures.medianDaysToAcceptance)} />
      </div>

      {figures.wilayas.length > 0 && (
        <div className="dashboard-wilayas">
          <h2>{t('Avancement par wilaya')}</h2>
          <WilayaMap
            rows={figures.wilayas}
            rollout={
              new Map(
                figures.wilayas.map((row) => [row.wilaya.code, readFragment(RolloutFigures, row.projection).status]),
              )
            }
            onOpen={onOpenWilaya}
          />
          {/* Wider than the screen, the table scrolls within itself: focusable, so the keyboard can scroll it too. */}
          <div className="table-scroll" role="region" aria-label={t('Avancement par wilaya')} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Code')}</th>
                  <th scope="col">{t('Wilaya')}</th>
                  <th scope="col" lang="ar" dir="rtl">
                    الولاية
                  </th>
                  <th scope="col" className="number">
                    {t('Réceptionnés')}
                  </th>
                  <th scope="col" className="number">
                    {t('Objectif')}
                  </th>
                  <th scope="col">{t('Avancement')}</th>
                  <th scope="col">
                    <RolloutHeading projection={figures.projection} />
                  </th>
                  <th scope="col" className="number">
                    {t('Travaux en cours')}
                  </th>
                  <th scope="col" className="number">
                    {t('Rapports à réceptionner')}
                  </th>
                  <th scope="col" className="number">
                    {t('Travaux en retard')}
                  </th>
                  <th scope="col" className="number">
                    {t('Montant approuvé non payé')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.wilayas.map((row) => (
                  <tr key={row.wilaya.code} data-testid="wilaya-progress-row">
                    <td>
                      <bdi>{row.wilaya.code}</bdi>
                    </td>
                    <td>
                      <bdi>{row.wilaya.name}</bdi>
                    </td>
                    <td lang="ar" dir="rtl">
                      <bdi>{row.wilaya.nameAr}</bdi>
                    </td>
                    <td className="number">
                      <bdi>{formatCount(row.acceptedTotal)}</bdi>
                    </td>
                    <td className="number">
                      <bdi>{formatCount(row.targetConnections)}</bdi>
                    </td>
                    <td>
                      <bdi>
                        <progress
                          max={1}
                          value={Math.min(row.progress ?? 0, 1)}
                          aria-label={t('Avancement {{wilaya}}', { wilaya: row.wilaya.name })}
                        />{' '}
                        {formatPercent(row.progress)}
                      </bdi>
                    </td>
                    <td>
                      <RolloutStatusCell projection={row.projection} />
                    </td>
                    <td className="number">
                      <bdi>{formatCount(row.openWork)}</bdi>
                    </td>
                    <td className="number">
                      <bdi>
                        {t('{{count}} · le plus ancien {{days}}', {
                          count: formatCount(row.reportsAwaitingAcceptance),
                          days: formatDays(row.oldestReportWaitDays),
                        })}
                      </bdi>
                    </td>
                    <td className="number">
                      <bdi>{formatCount(row.lateWork)}</bdi>
                    </td>
                    <td className="number">
                      <bdi>
                        {t('{{amount}} · depuis {{days}}', {
                          amount: formatDzd(row.approvedUnpaid.amount.centimes),
                          days: formatDays(row.approvedUnpaid.oldestDays),
                        })}
                      </bdi>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {figures.wilaya && (
        <>
          <h2>{t('Carte de la wilaya')}</h2>
          <WilayaPointsMap wilayaCode={figures.wilaya.code} computedAt={figures.computedAt} />
        </>
      )}

      <RolloutPanel projection={figures.projection} />

      <div className="cards">
        <Card
          label={t('Factures en attente d’approbation')}
          value={formatDzd(figures.awaitingApproval.amount.centimes)}
          detail={t('Factures : {{count}} · la plus ancienne {{days}}', {
            count: formatCount(figures.awaitingApproval.invoices),
            days: formatDays(figures.awaitingApproval.oldestDays),
          })}
          testId="awaiting-approval"
        />
        <Card
          label={t('Approuvées, non payées')}
          value={formatDzd(figures.approvedUnpaid.amount.centimes)}
          detail={t('Factures : {{count}} · attente moyenne {{average}}, la plus longue {{oldest}}', {
            count: formatCount(figures.approvedUnpaid.invoices),
            average: formatDays(figures.approvedUnpaid.averageDays),
            oldest: formatDays(figures.approvedUnpaid.oldestDays),
          })}
          testId="approved-unpaid"
        />
      </div>

      <h2>{t('Réceptions par jour (28 derniers jours)')}</h2>
      <div
        className="chart"
        role="img"
        aria-label={t('Réceptions par jour : {{days}}', {
          days: figures.acceptancesByDay.map((d) => `${formatCalendarDate(d.day)} ${d.accepted}`).join(', '),
        })}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart
            data={figures.acceptancesByDay.map((d) => ({ ...d, label: formatCalendarDate(d.day).slice(0, 5) }))}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={3} reversed={rightToLeft} />
            <YAxis allowDecimals={false} orientation={rightToLeft ? 'right' : 'left'} />
            <Tooltip
              formatter={(value) => [formatCount(Number(value)), t('réceptions')]}
              labelFormatter={(label) => t('Jour {{day}}', { day: String(label) })}
            />
            <Bar dataKey="accepted" fill="#0b4f8a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h2>{t('Carnet de commandes par état')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('État')}</th>
            <th scope="col" className="number">
              {t('Abonnements')}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.backlog.map((row) => (
            <tr key={row.status} data-testid="backlog-row">
              <td>
                <bdi>{statusLabels[row.status] ? t(statusLabels[row.status]!) : row.status}</bdi>
              </td>
              <td className="number">
                <bdi>{formatCount(row.customerSubscriptions)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
