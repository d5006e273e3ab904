import distance from '@turf/distance';
import { Decimal } from 'decimal.js';
import { PriceUnit } from '../invoice/price-schedule.entity.js';
import { PhotoKind } from '../photo/photo.entity.js';

declare module '../../context.js' {
  interface Settings {
    /** How far from the work a report's recorded positions may lie before it is flagged, in metres (FIELD_POSITION_TOLERANCE_METRES). */
    readonly positionToleranceMetres: number;
  }
}

/**
 * The checks of field work that AT's DOT managers read before accepting it: which photos a report
 * must carry, and whether the positions its phone recorded lie near the work.
 */

/** The photos an installation report must carry (issue 15): the PBO, the PTO and the power meter's screen. */
export const requiredPhotoKinds: readonly PhotoKind[] = [PhotoKind.PBO, PhotoKind.PTO, PhotoKind.POWER_METER];

/** The required kinds a report's photos leave out, in the order of `requiredPhotoKinds`. */
export function missingPhotoKinds(kinds: readonly PhotoKind[]): PhotoKind[] {
  return requiredPhotoKinds.filter((kind) => !kinds.includes(kind));
}

/** How far from the work a report's recorded positions may lie before it is flagged (FIELD_POSITION_TOLERANCE_METRES's default), in metres. */
export const defaultPositionToleranceMetres = 300;

/**
 * The tolerance when the work's only position is its commune's centre, in metres: a commune spans
 * kilometres, and the public commune centres are off by more than 10 km for about 160 of 1,541
 * communes. Beyond it, the photos were clearly taken elsewhere.
 */
export const communeToleranceMetres = 20_000;

/**
 * The most one connection takes of an item, by its unit: one lump sum (FORFAIT), ten pieces (U), 500
 * metres (M, a long drop cable). A report measuring more is flagged like one outside the optical
 * thresholds: accepting it needs a recorded override.
 */
export const maxQuantityPerConnection: Readonly<Record<PriceUnit, string>> = {
  [PriceUnit.FORFAIT]: '1',
  [PriceUnit.U]: '10',
  [PriceUnit.M]: '500',
};

/** The lines of a report that measure more than one connection takes (`maxQuantityPerConnection`), in words. */
export function quantityIssues(
  lines: readonly { readonly code: string; readonly quantity: string; readonly unit: PriceUnit }[],
): string[] {
  return lines
    .filter((line) => new Decimal(line.quantity).greaterThan(maxQuantityPerConnection[line.unit]))
    .map(
      (line) =>
        `${line.code}: ${line.quantity} ${line.unit} is more than one connection takes (at most ${maxQuantityPerConnection[line.unit]})`,
    );
}

/** A point on the map, decimal degrees (WGS 84). */
export interface Point {
  readonly latitude: number;
  readonly longitude: number;
}

/** A place that may have no position: a site, a commune, a report, a photo. */
export interface MaybePoint {
  readonly latitude: number | null;
  readonly longitude: number | null;
}

/** Where the work is, for the checks: the site's position, else the commune's centre. */
export interface WorkPosition extends Point {
  readonly source: 'SITE' | 'COMMUNE';
}

/** The position of the work: the site's when it has one, else the commune's centre; null when neither is known. */
export function workPosition(site: MaybePoint | null, commune: MaybePoint | null): WorkPosition | null {
  if (site && site.latitude !== null && site.longitude !== null)
    return { latitude: site.latitude, longitude: site.longitude, source: 'SITE' };
  if (commune && commune.latitude !== null && commune.longitude !== null)
    return { latitude: commune.latitude, longitude: commune.longitude, source: 'COMMUNE' };
  return null;
}

/** Distance in metres between two points, on the sphere (turf). */
export function metresBetween(a: Point, b: Point): number {
  return distance([a.longitude, a.latitude], [b.longitude, b.latitude], { units: 'meters' });
}

/** The verdict of a report's positions against the work's. */
export type PositionVerdict = 'NEAR' | 'FAR' | 'NO_POSITION' | 'NO_REFERENCE';

/** The tolerance that applies to a reference: `siteToleranceMetres` for a site's position, `communeToleranceMetres` for a commune's centre. */
export function toleranceFor(reference: WorkPosition | null, siteToleranceMetres: number): number {
  return reference?.source === 'COMMUNE' ? communeToleranceMetres : siteToleranceMetres;
}

/**
 * Whether the positions recorded with a report (its own and its photos') lie within the tolerance of
 * the work (`toleranceFor`): FAR when the farthest is beyond, NO_POSITION when the phone recorded none,
 * NO_REFERENCE when the work's position is unknown. `distanceMetres` is the farthest, rounded to the metre.
 */
export function checkPositions(
  reference: WorkPosition | null,
  recorded: readonly (MaybePoint | null)[],
  siteToleranceMetres: number,
): { verdict: PositionVerdict; distanceMetres: number | null; toleranceMetres: number } {
  const toleranceMetres = toleranceFor(reference, siteToleranceMetres);
  const points = recorded.filter(
    (point): point is Point => point !== null && point.latitude !== null && point.longitude !== null,
  );
  if (points.length === 0) return { verdict: 'NO_POSITION', distanceMetres: null, toleranceMetres };
  if (!reference) return { verdict: 'NO_REFERENCE', distanceMetres: null, toleranceMetres };
  const farthest = Math.round(Math.max(...points.map((point) => metresBetween(reference, point))));
  return { verdict: farthest > toleranceMetres ? 'FAR' : 'NEAR', distanceMetres: farthest, toleranceMetres };
}
