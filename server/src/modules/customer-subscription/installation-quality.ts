import { z } from 'zod';
import {
  describeQualityIssue,
  qualityGate,
  type Measurements,
  type QualityThreshold,
} from '../../../../shared/quality-gate.js';

export type { Measurements, QualityThreshold } from '../../../../shared/quality-gate.js';

declare module '../../context.js' {
  interface Settings {
    /** Optical thresholds per network class (QUALITY_THRESHOLDS). */
    readonly qualityThresholds: Readonly<Record<string, QualityThreshold>>;
  }
}

/**
 * Default thresholds per network class (docs/domain.md, "Quality of an installation"): GPON class B+ −27 to
 * −8 dBm, class C+ −30 to −8 dBm; splice loss at most 0.1 dB. QUALITY_THRESHOLDS (JSON) replaces them.
 */
export const defaultQualityThresholds: Readonly<Record<string, QualityThreshold>> = {
  B_PLUS: { minReceivedPowerDbm: '-27', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
  C_PLUS: { minReceivedPowerDbm: '-30', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
};

const decimalText = z.string().regex(/^-?\d{1,3}(\.\d{1,3})?$/, { error: 'must be a decimal number such as "-21.5"' });

/** The shape QUALITY_THRESHOLDS must have: `{ "B_PLUS": { "minReceivedPowerDbm": "-27", … }, … }`. */
export const qualityThresholdsSchema = z.partialRecord(
  z.enum(['B_PLUS', 'C_PLUS']),
  z.object({ minReceivedPowerDbm: decimalText, maxReceivedPowerDbm: decimalText, maxSpliceLossDb: decimalText }),
);

/**
 * The thresholds that apply to `networkClass` in `thresholds` (the configured ones, or the defaults),
 * or null when none are configured for it.
 */
export function thresholdOf(
  networkClass: string,
  thresholds: Readonly<Record<string, QualityThreshold>>,
): QualityThreshold | null {
  return thresholds[networkClass] ?? null;
}

/**
 * The quality problems of a report against the thresholds of its network class, in words; empty
 * when it is within them. A report with problems is flagged: accepting it needs an explicit override.
 */
export function qualityIssues(
  measurements: Measurements,
  thresholds: Readonly<Record<string, QualityThreshold>>,
): string[] {
  return qualityGate(measurements, thresholdOf(measurements.networkClass, thresholds)).map(describeQualityIssue);
}
