import { startBaseline } from './server.js';

/**
 * `node dist/scripts/bench/baseline/main.js`: the benchmark's hand-written baseline, as its own
 * process. Environment: DATABASE_URL (Raccord's database, required), AUTH_TOKEN_SECRET (Raccord's,
 * required), PORT (default 0: a free one), HOST (127.0.0.1), DB_POOL_MAX (10), RETENTION_PERCENT (5).
 * Prints one JSON line `{"msg":"listening","url":…}` once it listens; SIGTERM or SIGINT stops it.
 */
function environment(): Parameters<typeof startBaseline>[0] {
  const problems: string[] = [];
  const databaseUrl = process.env['DATABASE_URL'] ?? '';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL: must be a postgres:// URL');
  const authTokenSecret = process.env['AUTH_TOKEN_SECRET'] ?? '';
  if (authTokenSecret.length < 32) problems.push('AUTH_TOKEN_SECRET: must be Raccord’s, at least 32 characters');
  const port = Number(process.env['PORT'] ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push('PORT: must be a whole number from 0 to 65535');
  const poolMax = Number(process.env['DB_POOL_MAX'] ?? '10');
  if (!Number.isInteger(poolMax) || poolMax < 1) problems.push('DB_POOL_MAX: must be a whole number from 1');
  const retentionPercent = process.env['RETENTION_PERCENT'] ?? '5';
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(retentionPercent))
    problems.push('RETENTION_PERCENT: must be a percentage such as "5"');
  if (problems.length > 0) {
    process.stderr.write(
      `Invalid configuration of the baseline:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  return { databaseUrl, authTokenSecret, port, poolMax, retentionPercent, host: process.env['HOST'] ?? '127.0.0.1' };
}

const baseline = await startBaseline(environment());
process.stdout.write(`${JSON.stringify({ msg: 'listening', url: baseline.url })}\n`);
const stop = () => {
  baseline.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`baseline: stop failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
