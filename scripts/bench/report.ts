import type { LoadResult } from './load.js';

/** One run against one server: the load generator's figures and the server's own. */
export interface ServerRun extends LoadResult {
  /** Server CPU (user + system, /proc/<pid>/stat) over the run ÷ requests, ms. */
  readonly cpuMsPerRequest: number;
  /** SQL statements the server sent over the run ÷ requests (its /debug/metrics). */
  readonly sqlPerRequest: number;
  /** The server's resident memory at the end of the run, MiB. */
  readonly rssMiB: number;
  /** Longest event-loop delay in the server over the run, ms. */
  readonly eventLoopDelayMaxMs: number;
  /** Import only: rows ÷ the request's duration. */
  readonly rowsPerSecond?: number;
}

/** A scenario's runs: each server as fast as it answers (`max`), then both at one fixed rate (`fixed`). */
export interface ScenarioResult {
  readonly name: string;
  readonly description: string;
  /** The fixed arrival rate, requests per second (70 % of the slower server's maximum); null for the import. */
  readonly rate: number | null;
  readonly max: Record<string, ServerRun>;
  readonly fixed: Record<string, ServerRun> | null;
  readonly deadlocks?: number;
}

/** A target of issue 8 and whether this run met it. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Everything a run saves (docs/bench-results/<date>-<size>.json). */
export interface BenchReport {
  readonly date: string;
  readonly command: string;
  readonly smoke: boolean;
  /** The generator's size and what it wrote (rows, seconds, rows per second), and the runs' settings. */
  readonly size: {
    name: string;
    seed: number;
    customerSubscriptions: number;
    contractors: number;
    generatedRows: number;
    generationSeconds: number;
    generationRowsPerSecond: number;
    importRows: number;
    acceptSupplyPerServer: number;
    durationSeconds: number;
  };
  readonly machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres: string;
    load: number[];
  };
  /** SQL statements of one list request (deep page) by page size, per server. */
  readonly pageSizeProbe: Record<string, Record<string, number>>;
  readonly scenarios: ScenarioResult[];
  targets: TargetCheck[];
}

function scenario(report: BenchReport, name: string): ScenarioResult | undefined {
  return report.scenarios.find((candidate) => candidate.name === name);
}

/**
 * Checks the run against issue 8's targets (set for size M on 2 cores): the list of 50 at ≥ 0.33 ×
 * the baseline's throughput, its SQL statements independent of the page size, the deep page within
 * 1.5 × the first page (throughput), the dashboard's p99 ≤ 20 ms at the fixed rate, acceptInstallation
 * at ≥ 400/s with no deadlock, the import at ≥ 50,000 rows/s, no event-loop delay over 100 ms.
 */
export function evaluateTargets(report: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const first = scenario(report, 'b1-list-first-page');
  const deep = scenario(report, 'b2-list-deep-page');
  if (first) {
    const ratio = first.max['raccord']!.requestsPerSecond / first.max['baseline']!.requestsPerSecond;
    checks.push({
      target: 'list of 50 ≥ 0.33 × baseline throughput',
      measured: `${ratio.toFixed(2)} ×`,
      met: ratio >= 0.33,
    });
  }
  const probe = report.pageSizeProbe['raccord'];
  if (probe) {
    const counts = Object.values(probe);
    checks.push({
      target: 'list: SQL statements independent of page size',
      measured: Object.entries(probe)
        .map(([size, count]) => `${count} at ${size}`)
        .join(', '),
      met: counts.every((count) => count === counts[0]),
    });
  }
  if (first && deep) {
    const ratio = first.max['raccord']!.requestsPerSecond / deep.max['raccord']!.requestsPerSecond;
    checks.push({
      target: 'deep page within 1.5 × first page',
      measured: `first ÷ deep throughput ${ratio.toFixed(2)}`,
      met: ratio <= 1.5,
    });
  }
  const dashboard = scenario(report, 'c-dashboard');
  if (dashboard?.fixed) {
    const p99 = dashboard.fixed['raccord']!.p99Ms;
    checks.push({ target: 'dashboard p99 ≤ 20 ms', measured: `${p99} ms at ${dashboard.rate}/s`, met: p99 <= 20 });
  }
  const accept = scenario(report, 'e-accept-installation');
  if (accept) {
    const rps = accept.max['raccord']!.requestsPerSecond;
    const errors = accept.max['raccord']!.errors + (accept.fixed?.['raccord']?.errors ?? 0);
    checks.push({
      target: 'acceptInstallation ≥ 400/s, no deadlock',
      measured: `${rps}/s, ${accept.deadlocks ?? 0} deadlocks, ${errors} errors`,
      met: rps >= 400 && accept.deadlocks === 0 && errors === 0,
    });
  }
  const importRun = scenario(report, 'f-import');
  if (importRun) {
    const rows = importRun.max['raccord']!.rowsPerSecond ?? 0;
    checks.push({
      target: 'import ≥ 50,000 rows/s',
      measured: `${rows.toLocaleString('en')} rows/s`,
      met: rows >= 50_000,
    });
  }
  const loops = report.scenarios.map((entry) => ({
    name: entry.name,
    delay: Math.max(
      ...[...Object.entries(entry.max), ...Object.entries(entry.fixed ?? {})]
        .filter(([server]) => server === 'raccord')
        .map(([, run]) => run.eventLoopDelayMaxMs),
    ),
  }));
  const over = loops.filter((loop) => loop.delay > 100);
  checks.push({
    target: 'no request holds the event loop > 100 ms',
    measured:
      over.length === 0
        ? `max ${Math.max(...loops.map((loop) => loop.delay))} ms`
        : over.map((loop) => `${loop.name}: ${loop.delay} ms`).join(', '),
    met: over.length === 0,
  });
  return checks;
}

const ratio = (raccord: number, baseline: number): string =>
  baseline === 0 ? '–' : `${(raccord / baseline).toFixed(2)}`;

/** The run as Markdown: machine and command, one table of every scenario and server, the ratios, the targets. */
export function markdownReport(report: BenchReport): string {
  const lines = [
    `Run of ${report.date.slice(0, 16).replace('T', ' ')} UTC — \`${report.command}\``,
    '',
    `Machine: ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}; ` +
      `load average at the end ${report.machine.load.join(' / ')}. Data: size ${report.size.name} from \`npm run generate\` (seed ${report.size.seed}): ` +
      `${report.size.customerSubscriptions.toLocaleString('en')} customer subscriptions, ${report.size.contractors.toLocaleString('en')} contractors, ` +
      `${report.size.generatedRows.toLocaleString('en')} rows in all, written in ${report.size.generationSeconds.toFixed(1)} s ` +
      `(${report.size.generationRowsPerSecond.toLocaleString('en')} rows/s); runs of ${report.size.durationSeconds} s.`,
    '',
    '| scenario | server | max req/s | fixed rate | p50 ms | p99 ms | CPU ms/req | SQL/req | RSS MiB | loop max ms | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const entry of report.scenarios) {
    for (const server of ['raccord', 'baseline']) {
      const max = entry.max[server]!;
      const fixed = entry.fixed?.[server];
      const figures = fixed ?? max;
      const throughput =
        max.rowsPerSecond !== undefined
          ? `${max.rowsPerSecond.toLocaleString('en')} rows/s`
          : String(max.requestsPerSecond);
      lines.push(
        `| ${entry.name} | ${server} | ${throughput} | ${entry.rate ?? '–'} | ${figures.p50Ms} | ${figures.p99Ms} | ${figures.cpuMsPerRequest} | ${figures.sqlPerRequest} | ${figures.rssMiB} | ` +
          `${Math.max(max.eventLoopDelayMaxMs, fixed?.eventLoopDelayMaxMs ?? 0)} | ${max.errors + (fixed?.errors ?? 0)} |`,
      );
    }
  }
  lines.push(
    '',
    'Raccord ÷ baseline (throughput at most; latency, CPU and SQL at the fixed rate; the import: rows/s, its time, CPU, SQL):',
    '',
  );
  lines.push('| scenario | throughput | p50 | p99 | CPU/req | SQL/req |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const entry of report.scenarios) {
    const r = entry.fixed?.['raccord'] ?? entry.max['raccord']!;
    const b = entry.fixed?.['baseline'] ?? entry.max['baseline']!;
    const throughput =
      entry.max['raccord']!.rowsPerSecond !== undefined
        ? ratio(entry.max['raccord']!.rowsPerSecond, entry.max['baseline']!.rowsPerSecond ?? 0)
        : ratio(entry.max['raccord']!.requestsPerSecond, entry.max['baseline']!.requestsPerSecond);
    lines.push(
      `| ${entry.name} | ${throughput} | ${ratio(r.p50Ms, b.p50Ms)} | ${ratio(r.p99Ms, b.p99Ms)} | ${ratio(r.cpuMsPerRequest, b.cpuMsPerRequest)} | ${ratio(r.sqlPerRequest, b.sqlPerRequest)} |`,
    );
  }
  lines.push(
    '',
    `SQL statements of one list request by page size: ${Object.entries(report.pageSizeProbe)
      .map(
        ([server, counts]) =>
          `${server} ${Object.entries(counts)
            .map(([size, count]) => `${count} at ${size}`)
            .join(', ')}`,
      )
      .join('; ')}.`,
    '',
    '| target (issue 8, size M) | measured | met |',
    '| --- | --- | --- |',
    ...report.targets.map((check) => `| ${check.target} | ${check.measured} | ${check.met ? 'yes' : 'no'} |`),
  );
  return lines.join('\n');
}
