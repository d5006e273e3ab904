import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../../test/api.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

/** A customer subscription taken through to INSTALLED on `t` with a report of `networkClass` measuring `receivedPowerDbm` and `spliceLossDb`. */
async function reported(
  t: TestApp,
  networkClass: string,
  receivedPowerDbm: string,
  spliceLossDb: string,
): Promise<string> {
  const firm = await activeContractor(t);
  return installedCustomerSubscription(
    t,
    firm.id,
    receivedPowerDbm,
    [{ code: 'RAC-STD', quantity: '1' }],
    {},
    { networkClass, spliceLossDb },
  );
}

interface ReportRead {
  networkClass: string;
  qualityIssues: string[];
  thresholds: { minReceivedPowerDbm: string; maxReceivedPowerDbm: string; maxSpliceLossDb: string } | null;
}

/** The latest report of a customer subscription as the API shows it, thresholds included. */
async function reportOf(t: TestApp, id: string): Promise<ReportRead> {
  const data = await mustQuery<{ customerSubscription: { latestInstallationReport: ReportRead } }>(
    t,
    'query ($id: ID!) { customerSubscription(id: $id) { latestInstallationReport { networkClass qualityIssues thresholds { minReceivedPowerDbm maxReceivedPowerDbm maxSpliceLossDb } } } }',
    { id },
  );
  return data.customerSubscription.latestInstallationReport;
}

describe('InstallationReport.thresholds with the default thresholds (docs/domain.md)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it("gives each report its class's window: B+ −27 to −8 dBm, C+ −30 to −8 dBm, splice loss ≤ 0.1 dB", async () => {
    const bPlus = await reportOf(t, await reported(t, 'B_PLUS', '-29.5', '0.05'));
    expect(bPlus).toEqual({
      networkClass: 'B_PLUS',
      qualityIssues: ['received power -29.5 dBm is outside -27 to -8 dBm (class B_PLUS)'],
      thresholds: { minReceivedPowerDbm: '-27', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
    });
    const cPlus = await reportOf(t, await reported(t, 'C_PLUS', '-29.5', '0.05'));
    expect(cPlus).toEqual({
      networkClass: 'C_PLUS',
      qualityIssues: [],
      thresholds: { minReceivedPowerDbm: '-30', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
    });
  });
});

describe('InstallationReport.thresholds with QUALITY_THRESHOLDS configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      QUALITY_THRESHOLDS: JSON.stringify({
        B_PLUS: { minReceivedPowerDbm: '-24', maxReceivedPowerDbm: '-9.5', maxSpliceLossDb: '0.08' },
      }),
    });
  });
  afterAll(() => t.stop());

  it('gives the configured window, the one the quality gate applied', async () => {
    const report = await reportOf(t, await reported(t, 'B_PLUS', '-25', '0.09'));
    expect(report.thresholds).toEqual({
      minReceivedPowerDbm: '-24',
      maxReceivedPowerDbm: '-9.5',
      maxSpliceLossDb: '0.08',
    });
    expect(report.qualityIssues).toEqual([
      'received power -25 dBm is outside -24 to -9.5 dBm (class B_PLUS)',
      'splice loss 0.09 dB is over 0.08 dB',
    ]);
  });

  it('gives null for a class the configuration leaves out, whose reports the gate flags', async () => {
    const report = await reportOf(t, await reported(t, 'C_PLUS', '-20', '0.05'));
    expect(report).toEqual({
      networkClass: 'C_PLUS',
      qualityIssues: ['no thresholds for network class C_PLUS'],
      thresholds: null,
    });
  });
});
