import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../server/src/common/paths.js';

/**
 * The `emit` and `check` of a file generated from the code and committed: `emit` writes `printed` to
 * `path` (from the repository root); `check` exits 1 when the committed file differs, telling to run
 * `emitCommand`. Returns the exit code.
 */
export async function emitOrCheck(
  command: string | undefined,
  path: string,
  printed: string,
  emitCommand: string,
): Promise<number> {
  const file = join(projectRoot, path);
  if (command === 'emit') {
    await writeFile(file, printed);
    process.stdout.write(`Wrote ${path}.\n`);
    return 0;
  }
  if (command === 'check') {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed === printed) {
      process.stdout.write(`${path} is up to date.\n`);
      return 0;
    }
    process.stderr.write(`${path} differs from the code: run \`${emitCommand}\` and commit it.\n`);
    return 1;
  }
  process.stderr.write('usage: emit | check\n');
  return 2;
}
