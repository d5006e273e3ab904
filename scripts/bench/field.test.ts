import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltBench } from '../../server/test/bench.js';

const benchField = (args: string[]) => runBuiltBench('field.js', args);

describe('npm run bench:field', () => {
  it('refuses a bad --reports with a clear message', async () => {
    const run = await benchField(['--reports', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--reports must be a whole number from 1 to 100');
  });

  it('measures one report with its photos and the field view on Slow 4G, and saves the figures', async () => {
    const out = await mkdtemp(join(tmpdir(), 'raccord-bench-field-'));
    try {
      const run = await benchField(['--reports', '1', '--out', out]);
      expect(run.code, run.stderr.slice(-3000)).toBe(0);
      const [file] = (await readdir(out)).filter((name) => name.endsWith('-field.json'));
      const report = JSON.parse(await readFile(join(out, file!), 'utf8')) as {
        uploads: { reports: number; photoBytes: number[]; photoMsP50: number; serverRssPeakMiB: number };
        fieldView: {
          cold: { usableMs: number; bytes: number };
          warm: { usableMs: number };
          firstLoadJavaScript: { gzipKiB: number };
          submission: { ms: number };
        };
      };
      expect(report.uploads.reports).toBe(1);
      expect(report.uploads.photoBytes.every((bytes) => bytes > 3_000_000)).toBe(true);
      expect(report.uploads.photoMsP50).toBeGreaterThan(0);
      expect(report.uploads.serverRssPeakMiB).toBeGreaterThan(0);
      expect(report.fieldView.cold.usableMs).toBeGreaterThan(0);
      expect(report.fieldView.cold.bytes).toBeGreaterThan(100_000);
      expect(report.fieldView.warm.usableMs).toBeGreaterThan(0);
      expect(report.fieldView.firstLoadJavaScript.gzipKiB).toBeGreaterThan(0);
      expect(report.fieldView.submission.ms).toBeGreaterThan(0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 600_000);
});
