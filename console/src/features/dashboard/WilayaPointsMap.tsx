import { geoMercator, geoPath } from 'd3-geo';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapChoice, OsmAttribution } from './MapParts.tsx';
import Supercluster from 'supercluster';
import { useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCount } from '../../lib/format.ts';
import { msg } from '../../lib/i18n.ts';
import { siteStatusLabels } from '../sites/labels.ts';
import { customerSubscriptionStatusLabels } from '../work/labels.ts';
import { WilayaMapQuery } from './documents.ts';
import { height, shapes, width } from './WilayaMap.tsx';

/** Colours told apart with colour blindness (Okabe–Ito), one per status of a kind; the legend and labels name them. */
const statusColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'] as const;

const layers = {
  openWork: { label: msg('Travaux en cours'), labels: customerSubscriptionStatusLabels },
  sites: { label: msg('Sites'), labels: siteStatusLabels },
} as const;
type Layer = keyof typeof layers;

/** A point's (or a cluster's) count in each status. */
interface Counts {
  byStatus: Record<string, number>;
}

/**
 * A wilaya's map: its sites or its open work as points coloured by status, clustered where they crowd
 * (supercluster), over the wilaya's shipped boundary. Read again whenever the wilaya's figures move
 * (`computedAt`), so it moves live with its dashboard.
 */
export function WilayaPointsMap({ wilayaCode, computedAt }: { wilayaCode: string; computedAt: string }) {
  const { t } = useTranslation();
  const [layer, setLayer] = useState<Layer>('openWork');
  const [result, reexecute] = useQuery({ query: WilayaMapQuery, variables: { wilayaCode } });
  const readFor = useRef(computedAt);
  useEffect(() => {
    if (readFor.current === computedAt) return;
    readFor.current = computedAt;
    reexecute({ requestPolicy: 'network-only' });
  }, [computedAt, reexecute]);

  const shape = shapes.find((candidate) => candidate.properties.code === wilayaCode);
  const drawing = useMemo(() => {
    if (!shape) return undefined;
    const projection = geoMercator().fitExtent(
      [
        [16, 16],
        [width - 16, height - 16],
      ],
      shape,
    );
    const [[west, south], [east, north]] = geoPath().bounds(shape);
    // The web-map zoom whose scale matches this projection's (512-pixel tiles): clusters gather points within 40 screen pixels.
    const zoom = Math.max(0, Math.floor(Math.log2((2 * Math.PI * projection.scale()) / 512)));
    return { projection, outline: geoPath(projection)(shape) ?? '', bbox: [west, south, east, north] as const, zoom };
  }, [shape]);

  const map = result.data?.wilayaMap;
  const statusLabels: Record<string, string> = layers[layer].labels;
  const allStatuses = Object.keys(statusLabels);
  const clusters = useMemo(() => {
    if (!map || !drawing) return [];
    const points =
      layer === 'sites'
        ? map.sites.map((point) => ({ ...point, count: point.sites }))
        : map.openWork.map((point) => ({ ...point, count: point.customerSubscriptions }));
    const index = new Supercluster<Counts, Counts>({
      radius: 40,
      maxZoom: 16,
      map: (properties) => ({ byStatus: { ...properties.byStatus } }),
      reduce: (into, properties) => {
        for (const [status, count] of Object.entries(properties.byStatus))
          into.byStatus[status] = (into.byStatus[status] ?? 0) + count;
      },
    });
    index.load(
      points.map((point) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [point.longitude, point.latitude] },
        properties: { byStatus: { [point.status]: point.count } },
      })),
    );
    return index.getClusters([...drawing.bbox], drawing.zoom).map((feature) => {
      const counts = Object.entries(feature.properties.byStatus);
      const total = counts.reduce((sum, [, count]) => sum + count, 0);
      const main = counts.reduce((best, entry) => (entry[1] > best[1] ? entry : best), counts[0]!);
      const [x, y] = drawing.projection(feature.geometry.coordinates as [number, number]) ?? [0, 0];
      return { x, y, total, counts, main: main[0] };
    });
  }, [map, drawing, layer]);

  if (!shape || !drawing) return null;
  const colourOf = (status: string) => statusColours[allStatuses.indexOf(status) % statusColours.length]!;
  // The statuses on the map, in their lifecycle's order.
  const statuses = allStatuses.filter((status) =>
    clusters.some((cluster) => cluster.counts.some(([s]) => s === status)),
  );
  const describe = (counts: [string, number][]) =>
    counts.map(([status, count]) => `${formatCount(count)} ${t(statusLabels[status] ?? status)}`).join(', ');
  const unplaced = layer === 'sites' ? map?.sitesWithoutPosition : map?.openWorkWithoutPosition;

  return (
    <div className="wilaya-map">
      <MapChoice label={t('Points de la carte')} value={layer} options={layers} onChange={setLayer} />
      <QueryState
        fetching={result.fetching && !map}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('Carte de la wilaya : {{points}}', {
          points: describe(
            statuses
              .map((status): [string, number] => [
                status,
                clusters.reduce((sum, cluster) => sum + (cluster.counts.find(([s]) => s === status)?.[1] ?? 0), 0),
              ])
              .filter(([, count]) => count > 0),
          ),
        })}
      >
        <path d={drawing.outline} fill="#eef1f5" stroke="#5b6675" strokeWidth={1} />
        {clusters.map((cluster) => (
          <g
            key={`${cluster.x},${cluster.y}`}
            data-testid="map-point"
            transform={`translate(${cluster.x},${cluster.y})`}
          >
            <title>{describe(cluster.counts)}</title>
            <circle
              r={cluster.total > 1 ? Math.min(24, 8 + Math.sqrt(cluster.total) * 2) : 6}
              fill={colourOf(cluster.main)}
              stroke="#fff"
              strokeWidth={1.5}
            />
            {cluster.total > 1 && (
              <text textAnchor="middle" dominantBaseline="central" fill="#fff" fontSize={11} fontWeight={700}>
                {formatCount(cluster.total)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ul className="wilaya-map-legend">
        {statuses.map((status) => (
          <li key={status}>
            <span className="swatch" style={{ background: colourOf(status) }} aria-hidden="true" />
            {t(statusLabels[status]!)}
          </li>
        ))}
      </ul>
      {(unplaced ?? 0) > 0 && (
        <p className="muted">{t('Sans position connue : {{count}}', { count: formatCount(unplaced ?? 0) })}</p>
      )}
      {map?.truncated && <p className="muted">{t('Trop de points : les plus chargés seulement sont montrés.')}</p>}
      <OsmAttribution />
    </div>
  );
}
