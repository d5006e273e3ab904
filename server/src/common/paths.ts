import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let directory = start;
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'raccord') {
      return directory;
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`Raccord's package.json not found above ${start}`);
    directory = parent;
  }
}

/** Absolute path of the repository root, the same from `server/src` (tests) and `dist/` (built). */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** Where `vite build` writes the console, served by the API at `/`. */
export const consoleBuildDir = join(projectRoot, 'dist', 'console');

/** Reference data files shipped with the server, copied from public datasets (sources and licences: its README.md). */
export const referenceDataDir = join(projectRoot, 'server', 'src', 'reference-data');
