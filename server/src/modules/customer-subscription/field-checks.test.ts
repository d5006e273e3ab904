import { describe, expect, it } from 'vitest';
import { PhotoKind } from '../photo/photo.entity.js';
import {
  checkPositions,
  communeToleranceMetres,
  metresBetween,
  missingPhotoKinds,
  workPosition,
} from './field-checks.js';

describe('field checks', () => {
  it('lists the required photo kinds a report leaves out', () => {
    expect(missingPhotoKinds([])).toEqual([PhotoKind.PBO, PhotoKind.PTO, PhotoKind.POWER_METER]);
    expect(missingPhotoKinds([PhotoKind.PTO, PhotoKind.OTHER])).toEqual([PhotoKind.PBO, PhotoKind.POWER_METER]);
    expect(missingPhotoKinds([PhotoKind.POWER_METER, PhotoKind.PBO, PhotoKind.PTO])).toEqual([]);
  });

  it("takes the site's position, else the commune's centre", () => {
    expect(workPosition({ latitude: 36.7, longitude: 3.1 }, { latitude: 36.0, longitude: 3.0 })).toEqual({
      latitude: 36.7,
      longitude: 3.1,
      source: 'SITE',
    });
    expect(workPosition({ latitude: null, longitude: null }, { latitude: 36.0, longitude: 3.0 })).toEqual({
      latitude: 36.0,
      longitude: 3.0,
      source: 'COMMUNE',
    });
    expect(workPosition(null, { latitude: null, longitude: null })).toBeNull();
  });

  it('measures distances on the sphere: a thousandth of a degree of latitude is about 111 m', () => {
    expect(Math.round(metresBetween({ latitude: 36.75, longitude: 3.05 }, { latitude: 36.751, longitude: 3.05 }))).toBe(
      111,
    );
  });

  it("flags the farthest recorded position beyond the site's tolerance, and reports without a position", () => {
    const work = { latitude: 36.75, longitude: 3.05, source: 'SITE' } as const;
    const near = { latitude: 36.751, longitude: 3.05 };
    const far = { latitude: 36.754, longitude: 3.05 };
    expect(checkPositions(work, [near, null], 300)).toEqual({
      verdict: 'NEAR',
      distanceMetres: 111,
      toleranceMetres: 300,
    });
    expect(checkPositions(work, [near, far], 300)).toEqual({
      verdict: 'FAR',
      distanceMetres: 445,
      toleranceMetres: 300,
    });
    expect(checkPositions(work, [null, { latitude: null, longitude: null }], 300)).toEqual({
      verdict: 'NO_POSITION',
      distanceMetres: null,
      toleranceMetres: 300,
    });
    expect(checkPositions(null, [near], 300)).toEqual({
      verdict: 'NO_REFERENCE',
      distanceMetres: null,
      toleranceMetres: 300,
    });
  });

  it("compares with a commune's centre at the commune's scale", () => {
    const centre = { latitude: 36.75, longitude: 3.05, source: 'COMMUNE' } as const;
    expect(checkPositions(centre, [{ latitude: 36.8, longitude: 3.05 }], 300)).toEqual({
      verdict: 'NEAR',
      distanceMetres: 5560,
      toleranceMetres: communeToleranceMetres,
    });
    expect(checkPositions(centre, [{ latitude: 37.0, longitude: 3.05 }], 300).verdict).toBe('FAR');
  });
});
