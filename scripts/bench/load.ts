import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/** One GraphQL request of a load: its document and variables. */
export interface GraphQLRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const graphqlError = /"errors":\[\{"message"/;

/** How to drive a server for one run. */
export interface LoadOptions {
  readonly url: string;
  readonly token: string;
  /** The next request to send (called once per request, in order, across all connections). */
  readonly next: () => GraphQLRequest;
  readonly connections: number;
  /** Seconds to run (ignored when `amount` is given). */
  readonly durationSeconds: number;
  /** Requests per second from all connections together; unlimited (as fast as it answers) when absent. */
  readonly overallRate?: number;
  /** Stop after this many requests. */
  readonly amount?: number;
}

/** What a run measured, client side. */
export interface LoadResult {
  /** Requests answered. */
  readonly requests: number;
  /** Requests sent, those still in flight when the run stopped included (the server answers them all the same). */
  readonly sent: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles in ms (autocannon's, corrected for coordinated omission when a rate is set). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Non-2xx answers, socket errors, timeouts, and 200 answers whose body holds GraphQL `errors`. */
  readonly errors: number;
  /** The first few error bodies, for the report. */
  readonly errorSamples: string[];
}

/**
 * Runs autocannon against `${url}/graphql` with a Bearer token: POSTs, each body made by `next()`,
 * from `connections` connections, for `durationSeconds` (or `amount` requests), at `overallRate` if
 * given. GraphQL errors in 200 answers are counted as errors (autocannon reads every body).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let graphqlErrors = 0;
  const samples: string[] = [];
  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds }),
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(options.next()) }),
        onResponse: (status, body) => {
          // A GraphQL error object starts with its message; an import report's own `errors: []` is not one.
          if (status === 200 && !graphqlError.test(body)) return;
          if (status === 200) graphqlErrors += 1;
          if (samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    sent: result.requests.sent,
    seconds: result.duration,
    requestsPerSecond: Number((requests / result.duration).toFixed(1)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    errorSamples: samples,
  };
}

/** CPU seconds (user + system) and resident memory (bytes) of process `pid`, from /proc/<pid>/stat. */
export function processUsage(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, rssBytes: Number(fields[21]) * 4096 };
}

/** The `/debug/metrics` snapshot both servers serve. */
export interface ServerMetrics {
  readonly sqlStatements: number;
  readonly eventLoopDelayMaxMs: number;
  readonly eventLoopDelayP99Ms: number;
  readonly rssBytes: number;
}

/**
 * Waits until a server has finished what it was sent: its SQL statement count stays the same for
 * 150 ms (at most `seconds`). A run's last requests may still be running on the server when the
 * load generator stops.
 */
export async function drained(url: string, seconds = 60): Promise<ServerMetrics> {
  const deadline = Date.now() + seconds * 1000;
  let previous = await readMetrics(url);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await readMetrics(url);
    if (current.sqlStatements === previous.sqlStatements || Date.now() > deadline) return current;
    previous = current;
  }
}

/** Reads a server's `/debug/metrics`. */
export async function readMetrics(url: string): Promise<ServerMetrics> {
  const response = await fetch(`${url}/debug/metrics`);
  if (!response.ok) throw new Error(`${url}/debug/metrics answered ${response.status}: is DEBUG_METRICS on?`);
  return (await response.json()) as ServerMetrics;
}

/** Zeroes a server's `/debug/metrics` counts. */
export async function resetMetrics(url: string): Promise<void> {
  const response = await fetch(`${url}/debug/metrics/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`${url}/debug/metrics/reset answered ${response.status}`);
}
