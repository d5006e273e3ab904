import type { Position } from './db.ts';

/**
 * The phone's position now (Geolocation API, high accuracy, a reading up to a minute old accepted),
 * or null when the technician refused it, the phone has none, or it did not come within 15 s.
 */
export function currentPosition(): Promise<Position | null> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (reading) =>
        resolve({
          latitude: reading.coords.latitude,
          longitude: reading.coords.longitude,
          accuracyMetres: Math.round(reading.coords.accuracy),
        }),
      () => resolve(null),
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 15_000 },
    );
  });
}

/** The most accurate of some positions, or null when there is none. */
export function mostAccurate(positions: readonly (Position | null)[]): Position | null {
  return positions.reduce<Position | null>(
    (best, next) => (next && (!best || next.accuracyMetres < best.accuracyMetres) ? next : best),
    null,
  );
}

/** Coordinates as a link target takes them: decimal degrees to six places (about 10 cm). */
function coordinates(latitude: number, longitude: number): string {
  return `${latitude.toFixed(6)},${longitude.toFixed(6)}`;
}

/**
 * Links that open the way to a place: `geo:` (the phone's map app: Android offers its apps, among
 * them those that work offline), and OpenStreetMap's directions in a browser elsewhere.
 */
export function wayThere(latitude: number, longitude: number): { geo: string; web: string } {
  const place = coordinates(latitude, longitude);
  return {
    geo: `geo:${place}?q=${place}`,
    web: `https://www.openstreetmap.org/directions?to=${encodeURIComponent(place)}#map=17/${latitude.toFixed(6)}/${longitude.toFixed(6)}`,
  };
}

/** A phone number as a `tel:` link takes it: digits and a leading "+", nothing else. */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
