/**
 * An installation report's measurements against their thresholds, compared exactly: the API gives
 * decimal strings ("-29.5" dBm) and they are compared as scaled integers, never through a float.
 */

/** A decimal string as an integer and its scale (digits after the point); null when it is not one. */
function scaled(text: string): { value: bigint; scale: number } | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  const value = BigInt(`${match[2]}${fraction}`);
  return { value: match[1] ? -value : value, scale: fraction.length };
}

/** −1, 0 or 1 as `a` is below, equal to or above `b` (decimal strings); null when either is not a number. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 | null {
  const x = scaled(a);
  const y = scaled(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  const left = x.value * 10n ** BigInt(scale - x.scale);
  const right = y.value * 10n ** BigInt(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether `value` lies within [min, max] (bounds included); null when something is not a number. */
export function withinWindow(value: string, min: string, max: string): boolean | null {
  const low = compareDecimals(value, min);
  const high = compareDecimals(value, max);
  return low === null || high === null ? null : low >= 0 && high <= 0;
}

/** Whether `value` is at most `max`; null when something is not a number. */
export function atMost(value: string, max: string): boolean | null {
  const comparison = compareDecimals(value, max);
  return comparison === null ? null : comparison <= 0;
}
