import { permissionsPage } from '../server/src/modules/auth/permissions-page.js';
import { emitOrCheck } from './generated-file.js';

/**
 * `node dist/scripts/permissions.js emit` writes `docs/permissions.md` from the permission table;
 * `node dist/scripts/permissions.js check` exits 1 when the committed file differs.
 */
process.exitCode = await emitOrCheck(
  process.argv[2],
  'docs/permissions.md',
  permissionsPage(),
  'npm run permissions:emit',
);
