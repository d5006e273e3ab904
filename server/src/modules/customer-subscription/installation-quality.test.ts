import { describe, expect, it } from 'vitest';
import { defaultQualityThresholds, qualityIssues, qualityThresholdsSchema } from './installation-quality.js';

describe('installation quality gate', () => {
  it('accepts class B+ power from −27 to −8 dBm inclusive, and splice loss up to 0.1 dB', () => {
    for (const power of ['-27', '-21.5', '-8', '-8.000']) {
      expect(
        qualityIssues(
          { networkClass: 'B_PLUS', receivedPowerDbm: power, spliceLossDb: '0.1' },
          defaultQualityThresholds,
        ),
        power,
      ).toEqual([]);
    }
  });

  it('flags power outside the window of its class, and a splice loss over the limit', () => {
    expect(
      qualityIssues(
        { networkClass: 'B_PLUS', receivedPowerDbm: '-27.01', spliceLossDb: null },
        defaultQualityThresholds,
      ),
    ).toEqual(['received power -27.01 dBm is outside -27 to -8 dBm (class B_PLUS)']);
    expect(
      qualityIssues(
        { networkClass: 'B_PLUS', receivedPowerDbm: '-7.9', spliceLossDb: '0.15' },
        defaultQualityThresholds,
      ),
    ).toHaveLength(2);
    expect(
      qualityIssues({ networkClass: 'C_PLUS', receivedPowerDbm: '-29', spliceLossDb: null }, defaultQualityThresholds),
    ).toEqual([]);
  });

  it('takes thresholds from configuration, in a checked shape', () => {
    const strict = qualityThresholdsSchema.parse({
      B_PLUS: { minReceivedPowerDbm: '-24', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
    });
    expect(qualityIssues({ networkClass: 'B_PLUS', receivedPowerDbm: '-25', spliceLossDb: null }, strict)).toHaveLength(
      1,
    );
    expect(qualityThresholdsSchema.safeParse({ B_PLUS: { minReceivedPowerDbm: 'low' } }).success).toBe(false);
  });
});
