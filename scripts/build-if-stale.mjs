// Builds unless the build in `dist/` is newer than every file it is built from, so that `npm start`,
// `npm test` and the tests' global setup start at once when nothing changed:
// - by default the server and the console (`npm run build`), current since `dist/.build-stamp`;
// - `--server`: the server and the scripts only (`npm run build:server`), current since
//   `dist/server/src/main.js` (the tests that run built programs need no console);
// - `--stamp` only records that the whole build is current (the last step of `npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const serverInputs = ['server/src', 'shared', 'scripts', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const builds = {
  all: {
    built: stamp,
    inputs: [
      ...serverInputs,
      'console/src',
      'console/public',
      'console/index.html',
      'schema/schema.graphql',
      'console/tsconfig.json',
      'vite.config.ts',
    ],
    script: 'build',
  },
  server: { built: join(root, 'dist', 'server', 'src', 'main.js'), inputs: serverInputs, script: 'build:server' },
};

// The migrations' snapshot is not compiled, and the migrator writes it again (same content) as a
// server starts: it would make every start after the first rebuild.
const notInputs = /^\.snapshot-.*\.json$/;

function newest(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats || notInputs.test(basename(path))) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stats.mtimeMs);
}

if (process.argv.includes('--stamp')) {
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
} else {
  const { built, inputs, script } = process.argv.includes('--server') ? builds.server : builds.all;
  const builtAt = statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(...inputs.map((input) => newest(join(root, input))));
  if (changed < builtAt) {
    console.log(`build: dist/ is current, not rebuilding (npm run ${script})`);
  } else {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const { status } = spawnSync(npm, ['run', script], { cwd: root, stdio: 'inherit' });
    process.exitCode = status ?? 1;
  }
}
