import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../src/common/paths.js';

/**
 * Runs a built benchmark script (`dist/scripts/bench/<script>`; the global setup builds it when a source changed) with `args`,
 * on the tests' PostgreSQL; resolves with its exit code and output. For the benchmarks' tests.
 */
export function runBuiltBench(
  script: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'dist', 'scripts', 'bench', script), ...args], {
      env: { ...process.env, DATABASE_URL: inject('adminDatabaseUrl') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
