import { parseArgs } from 'node:util';
import parseDuration from 'parse-duration';
import { SetupError } from './simulation/accounts.js';
import { formatProgress, formatSummary, runSimulation, type SimulationOptions } from './simulation/simulation.js';

const usage = `usage: npm run simulate -- [--url URL] [--rate ORDERS_PER_SECOND] [--duration DURATION] [--seed N]
                            [--firms N] [--email EMAIL --password PASSWORD] [--sessions FILE|none]

Replays field activity against a running Raccord server through its public GraphQL API.
  --url       the server (default http://127.0.0.1:4000, or PORT's)
  --rate      new orders per second, fractional allowed (default 2; at most 200)
  --duration  how long to run, e.g. 90s, 10m, 1h (default: until Ctrl-C)
  --seed      seed of the random draws (default: random, printed)
  --firms     most contractor firms driven (default 8)
  --email, --password
              an administrator's credentials (default ADMIN_EMAIL and ADMIN_PASSWORD)
  --sessions  file keeping its users' sign-ins between runs (default .data/simulation-sessions.json; none: sign in every run)
`;

/** A bad command line: the message, then the usage; exit 2. */
class UsageError extends Error {}

/**
 * The options of `npm run simulate` from its arguments and environment (ADMIN_EMAIL,
 * ADMIN_PASSWORD, PORT for the default URL).
 * @throws UsageError naming the bad flag and what it takes
 */
function parseCommandLine(args: readonly string[], env: NodeJS.ProcessEnv): SimulationOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        rate: { type: 'string' },
        duration: { type: 'string' },
        seed: { type: 'string' },
        firms: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        sessions: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const url = values.url ?? `http://127.0.0.1:${env['PORT'] || 4000}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url must be an http(s) URL such as http://127.0.0.1:4000 (got "${url}")`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError(`--url must be an http(s) URL such as http://127.0.0.1:4000 (got "${url}")`);
  const rate = values.rate === undefined ? 2 : Number(values.rate);
  if (!/^\d*\.?\d+$/.test(values.rate ?? '2') || !(rate > 0 && rate <= 200))
    throw new UsageError(
      `--rate must be a number of orders per second above 0 and at most 200, such as 0.5 or 2 (got "${values.rate}")`,
    );
  let durationMs: number | null = null;
  if (values.duration !== undefined) {
    durationMs = /[a-z]/i.test(values.duration) ? parseDuration(values.duration) : null;
    if (durationMs === null || !(durationMs >= 1000))
      throw new UsageError(
        `--duration must be a duration of at least 1 s with its unit, such as 90s, 10m or 1h (got "${values.duration}")`,
      );
  }
  const whole = (flag: string, text: string | undefined, min: number, max: number): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max)
      throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`);
    return value;
  };
  const seed = whole('seed', values.seed, 0, 2 ** 32 - 1);
  const maxFirms = whole('firms', values.firms, 1, 100);
  const email = values.email ?? env['ADMIN_EMAIL'];
  const password = values.password ?? env['ADMIN_PASSWORD'];
  if (!email || !password)
    throw new UsageError(
      "an administrator's --email and --password are required (or ADMIN_EMAIL and ADMIN_PASSWORD, as npm start takes them)",
    );
  const sessions = values.sessions ?? '.data/simulation-sessions.json';
  return {
    url: parsed.href.replace(/\/+$/, ''),
    email,
    password,
    rate,
    durationMs,
    ...(seed === undefined ? {} : { seed }),
    ...(maxFirms === undefined ? {} : { maxFirms }),
    sessionsFile: sessions === 'none' ? null : sessions,
  };
}

async function main(): Promise<number> {
  let options: SimulationOptions | 'help';
  try {
    options = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`simulate: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(usage);
    return 0;
  }
  const stop = new AbortController();
  const onSignal = (name: string) => {
    if (stop.signal.aborted) {
      process.stderr.write(`${name} again: leaving without waiting for the requests in flight\n`);
      process.exit(1);
    }
    process.stdout.write(
      `${name}: stopping — no new work, waiting for the requests in flight (${name} again to leave now)\n`,
    );
    stop.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  try {
    const summary = await runSimulation({
      ...options,
      signal: stop.signal,
      onStart: (start) => {
        for (const line of start.prepared) process.stdout.write(`prepared: ${line}\n`);
        process.stdout.write(
          `Simulating against ${options.url}: ${start.firms.length} firms, ${start.sites} open sites in wilayas ${start.wilayaCodes.join(', ')}; ` +
            `${start.rate} orders a second, seed ${start.seed}; users: ${start.users.created.length} created, ${start.users.reused.length} reused. Ctrl-C stops.\n`,
        );
      },
      onProgress: (progress) => process.stdout.write(`${formatProgress(progress)}\n`),
    });
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SetupError) {
      process.stderr.write(`simulate: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
