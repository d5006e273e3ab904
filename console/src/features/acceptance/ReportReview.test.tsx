// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { languages, setLanguage } from '../../lib/i18n.ts';
import type { QueueItemData } from './flags.ts';
import { ReportReview } from './ReportReview.tsx';

afterEach(async () => {
  cleanup();
  await act(() => setLanguage('fr'));
});

/** A report outside its thresholds, as the API gives it: decimal strings, the class's enum value, the gate's English. */
const item = {
  id: '7',
  version: 1,
  orderReference: 'ORD-7',
  customerName: 'Client',
  customerAddress: null,
  offer: 'FIBRE_100',
  status: 'INSTALLED',
  statusChangedAt: '2026-12-01T10:00:00.000Z',
  appointmentAt: null,
  viewerCan: { accept: true, reject: true },
  commune: null,
  wilaya: null,
  contractor: null,
  site: null,
  latestInstallationReport: {
    id: '70',
    installedAt: '2026-12-01T09:00:00.000Z',
    technicianName: 'Technicien',
    networkClass: 'B_PLUS',
    receivedPowerDbm: '-29.5',
    spliceLossDb: '0.3',
    qualityIssues: [
      'received power -29.5 dBm is outside -27 to -8 dBm (class B_PLUS)',
      'splice loss 0.3 dB is over 0.1 dB',
    ],
    thresholds: { minReceivedPowerDbm: '-27', maxReceivedPowerDbm: '-8', maxSpliceLossDb: '0.1' },
    remarks: null,
    lines: [],
    ontSerialNumber: 'ZTEG12345678',
    customerSigned: true,
    signatureMissingReason: null,
    missingPhotoKinds: [],
    positionCheck: { verdict: 'NEAR', distanceMetres: 12, toleranceMetres: 150, reference: { source: 'SITE' } },
    photoFiles: [],
  },
} as unknown as QueueItemData;

/** A text as read: its no-break spaces and direction marks left out. */
const read = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ').replace(/[\u2066-\u2069]/g, '');

describe('ReportReview', () => {
  it('writes a measurement and the quality gate’s sentence about it in one notation, in every language (issue 19)', async () => {
    for (const language of languages) {
      await act(() => setLanguage(language));
      render(<ReportReview item={item} />);
      const flag = read(screen.getByTestId('flag-quality').textContent);
      const power = read(screen.getByTestId('measurement-received-power').textContent);
      const splice = read(screen.getByTestId('measurement-splice-loss').textContent);
      expect(power).toContain('−29,5 dBm');
      expect(flag).toContain('−29,5 dBm');
      expect(splice).toContain('0,3 dB');
      expect(flag).toContain('0,3 dB');
      expect(flag).toContain('B+');
      expect(read(document.body.textContent)).not.toMatch(/B_PLUS|-\d|\d\.\d/);
      cleanup();
    }
  });
});
