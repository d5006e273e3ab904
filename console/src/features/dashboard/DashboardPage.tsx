import { readFragment } from 'gql.tada';
import { useEffect, useMemo } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery, useSubscription } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { formatAlgiersDateTime, formatCalendarDate, formatCount, formatDays, formatDzd, formatPercent } from '../../lib/format.ts';
import type { ResultOf } from '../../lib/graphql.ts';
import { MeQuery } from '../auth/documents.ts';
import { WilayasQuery } from '../reference-data/documents.ts';
import { DashboardFigures, DashboardQuery, DashboardSubscription } from './documents.ts';
import { dashboardRoles } from './roles.ts';


const statusLabels: Record<string, string> = {
  PENDING: 'En attente',
  ASSIGNED: 'Affectés',
  SCHEDULED: 'Planifiés',
  INSTALLED: 'Installés, à réceptionner',
  ACCEPTED: 'Réceptionnés',
  REJECTED: 'Refusés avec réserves',
  FAILED: 'Échoués',
  CANCELLED: 'Annulés',
};

type Figures = ResultOf<typeof DashboardFigures>;

/**
 * The live dashboard (DOMAIN.md "What the live dashboards show"): national, or one wilaya's with
 * `?wilaya=16`. A DOT manager sees its own wilayas only. Figures come from `dashboard`, then from
 * `dashboardChanged` as the work moves, without reloading.
 */
export function DashboardPage() {
  const [me] = useQuery({ query: MeQuery });
  const [params, setParams] = useSearchParams();
  const role = me.data?.me?.role;
  const own = me.data?.me?.wilayaCodes ?? [];
  const asked = params.get('wilaya');
  const wilayaCode = role === 'DOT_MANAGER' ? (asked && own.includes(asked) ? asked : (own[0] ?? null)) : asked;
  // A DOT manager asking for a wilaya not its own is shown its own: the address says so too.
  useEffect(() => {
    if (role === 'DOT_MANAGER' && asked !== null && wilayaCode !== asked) setParams(wilayaCode ? { wilaya: wilayaCode } : {}, { replace: true });
  }, [role, asked, wilayaCode, setParams]);
  const allowed = role !== undefined && dashboardRoles.includes(role);
  const pause = !allowed || (role === 'DOT_MANAGER' && wilayaCode === null);

  const [wilayas] = useQuery({ query: WilayasQuery, pause: !allowed });
  const [result, reexecute] = useQuery({ query: DashboardQuery, variables: { wilayaCode }, pause });
  const [live] = useSubscription({ query: DashboardSubscription, variables: { wilayaCode }, pause });

  const liveFigures = live.data?.dashboardChanged ? readFragment(DashboardFigures, live.data.dashboardChanged) : undefined;
  const queried = result.data?.dashboard ? readFragment(DashboardFigures, result.data.dashboard) : undefined;
  const sameScope = (figures: Figures | undefined) => figures && (figures.wilaya?.code ?? null) === wilayaCode;
  const figures = sameScope(liveFigures) ? liveFigures : sameScope(queried) ? queried : undefined;

  const choices = useMemo(() => {
    const all = wilayas.data?.wilayas ?? [];
    return role === 'DOT_MANAGER' ? all.filter((wilaya) => own.includes(wilaya.code)) : all;
  }, [wilayas.data, role, own]);

  if (me.fetching && !me.data) return <QueryState fetching error={undefined} retry={() => undefined} />;
  // A firm follows its money: its invoices.
  if (role !== undefined && !allowed) return <Navigate to="/factures" replace />;
  if (role === 'DOT_MANAGER' && own.length === 0) {
    return <p className="state">Aucune wilaya ne vous est attribuée : demandez à un administrateur de vous en attribuer une.</p>;
  }

  return (
    <section className="dashboard">
      <div className="dashboard-heading">
        <h1>{figures?.wilaya ? `Tableau de bord — ${figures.wilaya.code} ${figures.wilaya.name}` : wilayaCode ? 'Tableau de bord' : 'Tableau de bord national'}</h1>
        {figures?.wilaya && (
          <span lang="ar" dir="rtl" className="muted">
            {figures.wilaya.nameAr}
          </span>
        )}
        <label className="field inline">
          Périmètre
          <select value={wilayaCode ?? ''} onChange={(event) => setParams(event.target.value ? { wilaya: event.target.value } : {})}>
            {role !== 'DOT_MANAGER' && <option value="">National</option>}
            {choices.map((wilaya) => (
              <option key={wilaya.code} value={wilaya.code}>
                {wilaya.code} — {wilaya.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState fetching={result.fetching && !figures} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {figures && <Figures figures={figures} live={Boolean(liveFigures)} />}
    </section>
  );
}

function Figures({ figures, live }: { figures: Figures; live: boolean }) {
  return (
    <>
      <p className="muted" role="status" aria-live="polite">
        {live ? 'En direct' : 'Chiffres'} au {formatAlgiersDateTime(figures.computedAt)} (heure d’Alger)
      </p>
      <div className="cards">
        <Card label="Réceptionnés aujourd’hui" value={formatCount(figures.acceptedToday)} testId="accepted-today" />
        <Card label="Réceptionnés ce mois" value={formatCount(figures.acceptedThisMonth)} testId="accepted-this-month" />
        <Card
          label="Réceptionnés au total"
          value={formatCount(figures.acceptedTotal)}
          detail={`objectif ${formatCount(figures.targetConnections)} · ${formatPercent(figures.progress)}`}
          testId="accepted-total"
        />
        <Card label="Bons du premier coup" value={formatPercent(figures.firstTimeRightRate)} detail={`ce mois : ${formatPercent(figures.firstTimeRightRateThisMonth)}`} />
        <Card label="Délai médian commande → réception" value={formatDays(figures.medianDaysToAcceptance)} />
      </div>

      <div className="cards">
        <Card
          label="Factures en attente d’approbation"
          value={formatDzd(figures.awaitingApproval.amount.centimes)}
          detail={`${invoiceCount(figures.awaitingApproval.invoices)} · la plus ancienne ${formatDays(figures.awaitingApproval.oldestDays)}`}
          testId="awaiting-approval"
        />
        <Card
          label="Approuvées, non payées"
          value={formatDzd(figures.approvedUnpaid.amount.centimes)}
          detail={`${invoiceCount(figures.approvedUnpaid.invoices)} · attente moyenne ${formatDays(figures.approvedUnpaid.averageDays)}, la plus longue ${formatDays(figures.approvedUnpaid.oldestDays)}`}
          testId="approved-unpaid"
        />
      </div>

      <h2>Réceptions par jour (28 derniers jours)</h2>
      <div className="chart" role="img" aria-label={`Réceptions par jour : ${figures.acceptancesByDay.map((d) => `${formatCalendarDate(d.day)} ${d.accepted}`).join(', ')}`}>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={figures.acceptancesByDay.map((d) => ({ ...d, label: formatCalendarDate(d.day).slice(0, 5) }))}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={3} />
            <YAxis allowDecimals={false} />
            <Tooltip formatter={(value) => [formatCount(Number(value)), 'réceptions']} labelFormatter={(label) => `Jour ${String(label)}`} />
            <Bar dataKey="accepted" fill="#0b4f8a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>

      <h2>Carnet de commandes par état</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">État</th>
            <th scope="col" className="number">
              Abonnements
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.backlog.map((row) => (
            <tr key={row.status} data-testid="backlog-row">
              <td>{statusLabels[row.status] ?? row.status}</td>
              <td className="number">{formatCount(row.customerSubscriptions)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {figures.wilayas.length > 0 && (
        <>
          <h2>Avancement par wilaya</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Wilaya</th>
                <th scope="col" lang="ar" dir="rtl">
                  الولاية
                </th>
                <th scope="col" className="number">
                  Réceptionnés
                </th>
                <th scope="col" className="number">
                  Objectif
                </th>
                <th scope="col">Avancement</th>
              </tr>
            </thead>
            <tbody>
              {figures.wilayas.map((row) => (
                <tr key={row.wilaya.code} data-testid="wilaya-progress-row">
                  <td>{row.wilaya.code}</td>
                  <td>{row.wilaya.name}</td>
                  <td lang="ar" dir="rtl">
                    {row.wilaya.nameAr}
                  </td>
                  <td className="number">{formatCount(row.acceptedTotal)}</td>
                  <td className="number">{formatCount(row.targetConnections)}</td>
                  <td>
                    <progress max={1} value={Math.min(row.progress ?? 0, 1)} aria-label={`Avancement ${row.wilaya.name}`} /> {formatPercent(row.progress)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

/** "1 facture", "2 factures". */
function invoiceCount(count: number): string {
  return `${formatCount(count)} ${count > 1 ? 'factures' : 'facture'}`;
}

function Card({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      {detail && <div className="card-detail muted">{detail}</div>}
    </div>
  );
}
