import { Decimal } from 'decimal.js';

/**
 * The quality gate of an installation (docs/domain.md, "Quality of an installation"): the power received
 * at the ONT at 1490 nm must lie within the window of the network class, the splice loss at most the
 * class's highest. One definition, run by the server when a report is recorded and by the console's
 * field view as the technician types, so that both give the same verdict. It imports nothing but
 * decimal.js: dBm and dB are compared exactly, never through a float.
 */

/** Optical thresholds of a network class: received power window at 1490 nm (dBm) and splice loss (dB), as decimal strings. */
export interface QualityThreshold {
  readonly minReceivedPowerDbm: string;
  readonly maxReceivedPowerDbm: string;
  readonly maxSpliceLossDb: string;
}

/** What an installation report measured. Decimal strings: dBm and dB never pass through a float. */
export interface Measurements {
  readonly networkClass: string;
  readonly receivedPowerDbm: string;
  readonly spliceLossDb: string | null;
}

/** One thing the gate found outside the thresholds, with the figures to explain it. */
export type QualityIssue =
  | { readonly code: 'NO_THRESHOLDS'; readonly networkClass: string }
  | {
      readonly code: 'RECEIVED_POWER_OUTSIDE_WINDOW';
      readonly networkClass: string;
      readonly value: string;
      readonly min: string;
      readonly max: string;
    }
  | { readonly code: 'SPLICE_LOSS_OVER_MAXIMUM'; readonly value: string; readonly max: string };

const decimalPattern = /^-?\d{1,3}(\.\d{1,3})?$/;

/** Whether `text` is a decimal the gate can compare ("-21.5", "0.05"). */
export function isMeasurement(text: string): boolean {
  return decimalPattern.test(text.trim());
}

/**
 * What the measurements break of `threshold` (the thresholds of their network class, or null when
 * none are configured for it): empty when the report is within them.
 */
export function qualityGate(measurements: Measurements, threshold: QualityThreshold | null): QualityIssue[] {
  if (!threshold) return [{ code: 'NO_THRESHOLDS', networkClass: measurements.networkClass }];
  const issues: QualityIssue[] = [];
  const power = new Decimal(measurements.receivedPowerDbm.trim());
  if (power.lessThan(threshold.minReceivedPowerDbm) || power.greaterThan(threshold.maxReceivedPowerDbm)) {
    issues.push({
      code: 'RECEIVED_POWER_OUTSIDE_WINDOW',
      networkClass: measurements.networkClass,
      value: measurements.receivedPowerDbm.trim(),
      min: threshold.minReceivedPowerDbm,
      max: threshold.maxReceivedPowerDbm,
    });
  }
  if (
    measurements.spliceLossDb !== null &&
    new Decimal(measurements.spliceLossDb.trim()).greaterThan(threshold.maxSpliceLossDb)
  ) {
    issues.push({
      code: 'SPLICE_LOSS_OVER_MAXIMUM',
      value: measurements.spliceLossDb.trim(),
      max: threshold.maxSpliceLossDb,
    });
  }
  return issues;
}

/** An issue in the words the report keeps (`InstallationReport.qualityIssues`) and the audit trail shows. */
export function describeQualityIssue(issue: QualityIssue): string {
  switch (issue.code) {
    case 'NO_THRESHOLDS':
      return `no thresholds for network class ${issue.networkClass}`;
    case 'RECEIVED_POWER_OUTSIDE_WINDOW':
      return `received power ${issue.value} dBm is outside ${issue.min} to ${issue.max} dBm (class ${issue.networkClass})`;
    case 'SPLICE_LOSS_OVER_MAXIMUM':
      return `splice loss ${issue.value} dB is over ${issue.max} dB`;
  }
}
