import { buildRaccordSchema, printRaccordSchema } from '../server/src/schema.js';
import { emitOrCheck } from './generated-file.js';

/**
 * `node dist/scripts/schema.js emit` writes `schema/schema.graphql` from the server code, sorted, with
 * a "generated" header. `node dist/scripts/schema.js check` exits 1 when the committed file differs.
 */
const printed = printRaccordSchema(await buildRaccordSchema());
process.exitCode = await emitOrCheck(process.argv[2], 'schema/schema.graphql', printed, 'npm run schema:emit');
