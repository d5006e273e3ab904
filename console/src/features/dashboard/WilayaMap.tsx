import { geoMercator, geoPath, type ExtendedFeature, type ExtendedFeatureCollection } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MapChoice, OsmAttribution } from './MapParts.tsx';
import { formatCount, formatDays, formatDzd, formatPercent } from '../../lib/format.ts';
import { msg } from '../../lib/i18n.ts';
import boundariesText from './algeria-wilayas.geojson?raw';
import { rolloutStatusLabels, type RolloutStatus } from './RolloutPanel.tsx';

/** A wilaya's line of the national dashboard, as the map reads it. */
export interface WilayaFigures {
  readonly wilaya: { readonly code: string; readonly name: string; readonly nameAr: string };
  readonly acceptedTotal: number;
  readonly targetConnections: number;
  readonly progress: number | null;
  readonly openWork: number;
  readonly reportsAwaitingAcceptance: number;
  readonly oldestReportWaitDays: number | null;
  readonly lateWork: number;
  readonly approvedUnpaid: {
    readonly invoices: number;
    readonly amount: { readonly centimes: string };
    readonly oldestDays: number | null;
  };
}

export type Shape = ExtendedFeature<Polygon | MultiPolygon, { code: string; name: string; name_ar: string }>;

/**
 * The wilayas' boundaries shipped with the console (README.md beside it: OpenStreetMap, ODbL), their
 * rings reversed: the file's exterior rings are counter-clockwise (RFC 7946), d3-geo's sphere wants
 * them clockwise, else each shape would be the whole world but the wilaya.
 */
export const shapes: Shape[] = (JSON.parse(boundariesText) as ExtendedFeatureCollection<Shape>).features.map(
  (feature) => ({
    ...feature,
    geometry:
      feature.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: feature.geometry.coordinates.map((ring) => [...ring].reverse()) }
        : {
            type: 'MultiPolygon',
            coordinates: feature.geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())),
          },
  }),
);

export const width = 600;
export const height = 560;
const projection = geoMercator().fitExtent(
  [
    [8, 8],
    [width - 8, height - 8],
  ],
  { type: 'FeatureCollection', features: shapes },
);
const path = geoPath(projection);
/** Each wilaya's outline and the point its figures are shown at, computed once. */
const drawn = shapes.map((shape) => ({
  code: shape.properties.code,
  d: path(shape) ?? '',
  centre: path.centroid(shape),
}));

/** A sequential single-hue scale (ColorBrewer "Blues", 5 classes): darker is more; each step contrasts with the next. */
const palette = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
const noFigureColour = '#d9d9d9';

/** One figure the map may be coloured by. */
interface Metric {
  readonly label: string;
  /** The figure of a wilaya, null when it has none (no target, nothing waiting). */
  readonly value: (row: WilayaFigures) => bigint | null;
  /** The top of the scale: the largest figure, or a fixed one (progress: 100 %). */
  readonly top?: bigint;
  readonly format: (value: bigint) => string;
}

/** Progress is counted in hundredths of a percent so the scale works on whole numbers. */
const progressUnit = 10_000n;

const metrics = {
  progress: {
    label: msg('Avancement (réceptionnés / objectif)'),
    value: (row) => (row.progress === null ? null : BigInt(Math.round(row.progress * Number(progressUnit)))),
    top: progressUnit,
    format: (value) => formatPercent(Number(value) / Number(progressUnit)),
  },
  openWork: {
    label: msg('Travaux en cours'),
    value: (row) => BigInt(row.openWork),
    format: (value) => formatCount(Number(value)),
  },
  reportsAwaitingAcceptance: {
    label: msg('Rapports à réceptionner'),
    value: (row) => BigInt(row.reportsAwaitingAcceptance),
    format: (value) => formatCount(Number(value)),
  },
  unpaidAmount: {
    label: msg('Montant approuvé non payé'),
    value: (row) => BigInt(row.approvedUnpaid.amount.centimes),
    format: (value) => formatDzd(value.toString()),
  },
  unpaidAge: {
    label: msg('Attente du paiement (jours)'),
    value: (row) => (row.approvedUnpaid.oldestDays === null ? null : BigInt(row.approvedUnpaid.oldestDays)),
    format: (value) => formatDays(Number(value)),
  },
  lateWork: {
    label: msg('Travaux en retard'),
    value: (row) => BigInt(row.lateWork),
    format: (value) => formatCount(Number(value)),
  },
} satisfies Record<string, Metric>;

type MetricKey = keyof typeof metrics;

/** The class (0 to 4) of `value` on a scale from 0 to `top`, in equal steps. */
function classOf(value: bigint, top: bigint): number {
  if (top <= 0n) return 0;
  const step = (value * BigInt(palette.length)) / top;
  return Number(step >= BigInt(palette.length) ? BigInt(palette.length - 1) : step < 0n ? 0n : step);
}

/**
 * The national map (docs/console.md, "Dashboard"): the 58 wilayas drawn from the shipped boundaries,
 * coloured by the figure chosen; hover, focus or tap shows a wilaya's figures, a click or Enter opens its
 * dashboard. The figures are the dashboard's own, so the map moves live with it; the table beside it
 * gives the same numbers to screen readers. Whatever the figure, a wilaya that even its fastest recent
 * pace leaves short of the deadline (projection BEHIND) is outlined in red, and its label says so.
 */
export function WilayaMap({
  rows,
  rollout,
  onOpen,
}: {
  rows: readonly WilayaFigures[];
  /** Each wilaya's status against the roll-out's deadline (the API's projection), by code: BEHIND is outlined. */
  rollout: ReadonlyMap<string, RolloutStatus>;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [metricKey, setMetricKey] = useState<MetricKey>('progress');
  const [shown, setShown] = useState<string | null>(null);
  const [touch, setTouch] = useState(false);
  // Whether the wilaya tapped already showed its figures before the tap (its focus shows them too).
  const shownBeforeTap = useRef(false);
  const tooltipId = useId();
  const metric: Metric = metrics[metricKey];
  const byCode = new Map(rows.map((row) => [row.wilaya.code, row]));
  const values = new Map(rows.map((row) => [row.wilaya.code, metric.value(row)]));
  const top =
    metric.top ??
    [...values.values()].reduce<bigint>((max, value) => (value !== null && value > max ? value : max), 0n);
  const shownRow = shown ? byCode.get(shown) : undefined;
  const shownShape = drawn.find((shape) => shape.code === shown);

  const figureOf = (code: string) => {
    const value = values.get(code);
    return value === null || value === undefined ? t('sans objet') : metric.format(value);
  };
  const activate = (code: string) => {
    // A first tap on a touch screen shows the figures; a second one opens the wilaya.
    if (touch && !shownBeforeTap.current) setShown(code);
    else onOpen(code);
  };

  return (
    <div className="wilaya-map">
      <MapChoice label={t('Colorer la carte par')} value={metricKey} options={metrics} onChange={setMetricKey} />
      <div
        className="wilaya-map-canvas"
        onPointerLeave={(event: PointerEvent) => {
          if (event.pointerType === 'mouse') setShown(null);
        }}
      >
        <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('Carte des wilayas')}>
          {drawn.map((shape) => {
            const row = byCode.get(shape.code);
            const value = values.get(shape.code);
            const fill = value === null || value === undefined ? noFigureColour : palette[classOf(value, top)]!;
            return (
              <path
                key={shape.code}
                d={shape.d}
                fill={fill}
                data-code={shape.code}
                data-testid="wilaya-shape"
                className={
                  [shown === shape.code ? 'shown' : '', rollout.get(shape.code) === 'BEHIND' ? 'behind' : '']
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                tabIndex={0}
                role="link"
                aria-label={t('{{code}} {{name}} : {{figure}}', {
                  code: shape.code,
                  name: row?.wilaya.name ?? shape.code,
                  figure:
                    rollout.get(shape.code) === 'BEHIND'
                      ? `${figureOf(shape.code)} · ${t(rolloutStatusLabels.BEHIND)}`
                      : figureOf(shape.code),
                })}
                aria-describedby={shown === shape.code ? tooltipId : undefined}
                onPointerDown={(event: PointerEvent) => {
                  setTouch(event.pointerType !== 'mouse');
                  shownBeforeTap.current = shown === shape.code;
                }}
                onPointerEnter={(event: PointerEvent) => {
                  if (event.pointerType === 'mouse') setShown(shape.code);
                }}
                onFocus={() => setShown(shape.code)}
                onBlur={(event: FocusEvent) => {
                  // Focus moving into the figures (their "open" button) keeps them shown.
                  const into = event.relatedTarget;
                  if (into instanceof Node && event.currentTarget.closest('.wilaya-map-canvas')?.contains(into)) return;
                  setShown((current) => (current === shape.code ? null : current));
                }}
                onClick={() => activate(shape.code)}
                onKeyDown={(event: KeyboardEvent) => {
                  if (event.key === 'Enter') onOpen(shape.code);
                  if (event.key === 'Escape') setShown(null);
                }}
              />
            );
          })}
        </svg>
        {shownRow && shownShape && (
          <div
            id={tooltipId}
            role="tooltip"
            className="wilaya-map-tooltip"
            data-testid="wilaya-map-tooltip"
            style={{
              insetInlineStart: `${(shownShape.centre[0] / width) * 100}%`,
              insetBlockStart: `${(shownShape.centre[1] / height) * 100}%`,
            }}
          >
            <strong>
              {shownRow.wilaya.code} {shownRow.wilaya.name}
            </strong>{' '}
            <span lang="ar" dir="rtl">
              {shownRow.wilaya.nameAr}
            </span>
            <dl>
              <dt>{t('Avancement')}</dt>
              <dd>
                <bdi>
                  {t('{{accepted}} / {{target}} ({{progress}})', {
                    accepted: formatCount(shownRow.acceptedTotal),
                    target: formatCount(shownRow.targetConnections),
                    progress: formatPercent(shownRow.progress),
                  })}
                </bdi>
              </dd>
              <dt>{t('Travaux en cours')}</dt>
              <dd>
                <bdi>{formatCount(shownRow.openWork)}</bdi>
              </dd>
              <dt>{t('Rapports à réceptionner')}</dt>
              <dd>
                <bdi>
                  {t('{{count}} · le plus ancien {{days}}', {
                    count: formatCount(shownRow.reportsAwaitingAcceptance),
                    days: formatDays(shownRow.oldestReportWaitDays),
                  })}
                </bdi>
              </dd>
              <dt>{t('Montant approuvé non payé')}</dt>
              <dd>
                <bdi>
                  {t('{{amount}} · depuis {{days}}', {
                    amount: formatDzd(shownRow.approvedUnpaid.amount.centimes),
                    days: formatDays(shownRow.approvedUnpaid.oldestDays),
                  })}
                </bdi>
              </dd>
              <dt>{t('Travaux en retard')}</dt>
              <dd>
                <bdi>{formatCount(shownRow.lateWork)}</bdi>
              </dd>
              {rollout.has(shownRow.wilaya.code) && (
                <>
                  <dt>{t('Objectif de raccordement')}</dt>
                  <dd>
                    <bdi>{t(rolloutStatusLabels[rollout.get(shownRow.wilaya.code)!])}</bdi>
                  </dd>
                </>
              )}
            </dl>
            {touch && (
              <button type="button" onClick={() => onOpen(shownRow.wilaya.code)}>
                {t('Ouvrir la wilaya')}
              </button>
            )}
          </div>
        )}
      </div>
      <ol className="wilaya-map-legend" aria-label={t('Légende : {{figure}}', { figure: t(metric.label) })}>
        {palette.slice(0, top > 0n ? palette.length : 1).map((colour, index) => (
          <li key={colour}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            {t('{{from}} à {{to}}', {
              from: metric.format((top * BigInt(index)) / BigInt(palette.length)),
              to: metric.format((top * BigInt(index + 1)) / BigInt(palette.length)),
            })}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: noFigureColour }} aria-hidden="true" />
          {t('sans objet')}
        </li>
        <li>
          <span className="swatch behind" aria-hidden="true" />
          {t('Contour rouge : {{status}} (à son rythme le plus rapide, l’objectif n’est pas atteint à l’échéance)', {
            status: t(rolloutStatusLabels.BEHIND),
          })}
        </li>
      </ol>
      <OsmAttribution />
    </div>
  );
}
