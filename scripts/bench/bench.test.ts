import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltBench } from '../../server/test/bench.js';
import type { BenchReport } from './report.js';

const bench = (args: string[]) => runBuiltBench('index.js', args);

describe('npm run bench', () => {
  it('refuses a bad flag with a clear message and no stack trace', async () => {
    const run = await bench(['--size', 'XL']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--size: must be S, M or L');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const unknown = await bench(['--fast']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--fast'");
  });

  it('--smoke runs every scenario on both servers without an error, and saves the figures and the targets', async () => {
    const out = await mkdtemp(join(tmpdir(), 'raccord-bench-'));
    try {
      const run = await bench(['--smoke', '--out', out]);
      expect(run.code, run.stderr.slice(-3000)).toBe(0);
      const [file] = (await readdir(out)).filter((name) => name.endsWith('-smoke.json'));
      const report = JSON.parse(await readFile(join(out, file!), 'utf8')) as BenchReport;
      expect(report.scenarios.map((scenario) => scenario.name)).toEqual([
        'a-customer-subscription',
        'b1-list-first-page',
        'b2-list-deep-page',
        'c-dashboard',
        'd-invoice-200-lines',
        'g-console-mix',
        'e-accept-installation',
        'f-import',
      ]);
      for (const scenario of report.scenarios) {
        for (const server of ['raccord', 'baseline']) {
          const runs = [scenario.max[server]!, ...(scenario.fixed ? [scenario.fixed[server]!] : [])];
          for (const measured of runs) {
            expect(measured.errors, `${scenario.name} on ${server}`).toBe(0);
            expect(measured.sent, `${scenario.name} on ${server}`).toBeGreaterThan(0);
            expect(measured.sqlPerRequest).toBeGreaterThan(0);
            expect(measured.cpuMsPerRequest).toBeGreaterThanOrEqual(0);
          }
        }
      }
      expect(report.scenarios.find((scenario) => scenario.name === 'e-accept-installation')!.deadlocks).toBe(0);
      expect(report.targets.map((target) => target.target)).toHaveLength(7);
      expect(run.stdout).toContain('| target (issue 8, size M) | measured | met |');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 300_000);
});
