import { runOpenLoad, processUsage, type GraphQLRequest, type LoadResult } from './load.js';

/** A sample of the server's resident memory during a soak. */
export interface MemorySample {
  /** Seconds since the soak started. */
  readonly second: number;
  readonly rssMiB: number;
}

/** What a soak measured: the load's figures and the server's memory over it. */
export interface SoakReport {
  readonly minutes: number;
  readonly rate: number;
  readonly load: LoadResult;
  /** Resident memory every `sampleSeconds`, from the start. */
  readonly samples: MemorySample[];
  /** Resident memory at the end of the first minute (the warm-up: code compiled, pools and caches filled), MiB. */
  readonly afterWarmUpMiB: number;
  readonly finalMiB: number;
  readonly maxMiB: number;
  /** Growth from the end of the warm-up to the end, percent (issue 18's target: ≤ 5). */
  readonly growthPercent: number;
}

/**
 * Drives one server at `rate` requests a second for `minutes`, each request the next of `next`,
 * and samples its resident memory (/proc) every `sampleSeconds`: whether memory stays flat under a
 * long mixed load, which a run of seconds cannot tell.
 */
export async function soak(options: {
  readonly url: string;
  readonly token: string;
  readonly pid: number;
  readonly next: () => GraphQLRequest;
  readonly rate: number;
  readonly minutes: number;
  readonly sampleSeconds?: number;
}): Promise<SoakReport> {
  const sampleSeconds = options.sampleSeconds ?? 10;
  const started = performance.now();
  const samples: MemorySample[] = [];
  const sample = () =>
    samples.push({
      second: Math.round((performance.now() - started) / 1000),
      rssMiB: Math.round(processUsage(options.pid).rssBytes / 1048576),
    });
  sample();
  const sampler = setInterval(sample, sampleSeconds * 1000);
  let load: LoadResult;
  try {
    load = await runOpenLoad({
      url: options.url,
      token: options.token,
      next: options.next,
      rate: options.rate,
      durationSeconds: options.minutes * 60,
      maxInFlight: 32,
    });
  } finally {
    clearInterval(sampler);
  }
  sample();
  const afterWarmUp = samples.find((entry) => entry.second >= 60) ?? samples[0]!;
  const finalMiB = samples.at(-1)!.rssMiB;
  return {
    minutes: options.minutes,
    rate: options.rate,
    load,
    samples,
    afterWarmUpMiB: afterWarmUp.rssMiB,
    finalMiB,
    maxMiB: Math.max(...samples.map((entry) => entry.rssMiB)),
    growthPercent: Number((((finalMiB - afterWarmUp.rssMiB) / afterWarmUp.rssMiB) * 100).toFixed(1)),
  };
}

/** The soak as Markdown: the command, the load, the memory at each minute, the growth. */
export function soakMarkdown(report: SoakReport, command: string, date: string): string {
  const minutes = report.samples.filter((entry, index) => index === 0 || entry.second % 60 < 10);
  return [
    `Soak of ${date.slice(0, 16).replace('T', ' ')} UTC — \`${command}\``,
    '',
    `${report.minutes} minutes at ${report.rate} requests a second on Raccord alone: ${report.load.requests.toLocaleString('en')} answered, ` +
      `${report.load.errors} errors, p50 ${report.load.p50Ms} ms, p99 ${report.load.p99Ms} ms, max ${report.load.maxMs} ms.`,
    '',
    '| second | resident memory, MiB |',
    '| ---: | ---: |',
    ...minutes.map((entry) => `| ${entry.second} | ${entry.rssMiB} |`),
    '',
    `After the first minute ${report.afterWarmUpMiB} MiB, at the end ${report.finalMiB} MiB (max ${report.maxMiB} MiB): ` +
      `${report.growthPercent >= 0 ? '+' : ''}${report.growthPercent} % (target ≤ +5 %).`,
  ].join('\n');
}
