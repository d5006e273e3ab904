import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';
import { readFileSync } from 'node:fs';
import http from 'node:http';

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
  /** Latency percentiles in ms: at most, autocannon's; at a fixed rate, from each request's scheduled send time (`runOpenLoad`). */
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

/** How to drive a server at a fixed arrival rate (open loop). */
export interface OpenLoadOptions {
  readonly url: string;
  readonly token: string;
  readonly next: () => GraphQLRequest;
  /** Requests per second, sent evenly: one every 1/rate s, whether earlier ones were answered or not. */
  readonly rate: number;
  /** Seconds to send for (ignored when `amount` is given). */
  readonly durationSeconds: number;
  /** Send this many requests instead. */
  readonly amount?: number;
  /** Most requests in flight at once (sockets); later ones wait for a socket, and their wait counts. */
  readonly maxInFlight?: number;
}

/**
 * Sends POSTs to `${url}/graphql` at a fixed arrival rate, evenly spaced, as users arrive: request i
 * is due at start + i / rate, and its latency runs from that instant to the end of its answer, so a
 * server that falls behind shows it in every later request (no coordinated omission). autocannon's
 * own rate releases each connection's quota at the start of every second, in bursts, and its
 * correction takes 1/rate as milliseconds: its fixed-rate percentiles measured the bursts.
 * Percentiles from an HDR histogram (microseconds, 3 significant digits).
 */
export async function runOpenLoad(options: OpenLoadOptions): Promise<LoadResult> {
  const total = options.amount ?? Math.max(1, Math.round(options.rate * options.durationSeconds));
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxInFlight ?? 64 });
  const target = new URL(`${options.url}/graphql`);
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const samples: string[] = [];
  let errors = 0;
  let answered = 0;
  const send = (body: string, due: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        target,
        {
          method: 'POST',
          agent,
          timeout: 30_000,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${options.token}`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            histogram.recordValue(Math.max(1, Math.round((performance.now() - due) * 1000)));
            answered += 1;
            const text = Buffer.concat(chunks).toString();
            if (response.statusCode !== 200 || graphqlError.test(text)) {
              errors += 1;
              if (samples.length < 3) samples.push(`${response.statusCode} ${text.slice(0, 300)}`);
            }
            resolve();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('no answer in 30 s')));
      request.on('error', (error) => {
        errors += 1;
        if (samples.length < 3) samples.push(error.message);
        resolve();
      });
      request.end(body);
    });
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(JSON.stringify(options.next()), due));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const ms = (percentile: number) => Number((histogram.getValueAtPercentile(percentile) / 1000).toFixed(1));
  return {
    requests: answered,
    sent: total,
    seconds: Number(seconds.toFixed(2)),
    requestsPerSecond: Number((answered / seconds).toFixed(1)),
    p50Ms: ms(50),
    p99Ms: ms(99),
    maxMs: Number((histogram.maxValue / 1000).toFixed(1)),
    errors,
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
