import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../server/src/common/paths.js';
import { buildRaccordSchema, printRaccordSchema } from '../server/src/schema.js';

/**
 * `node dist/scripts/schema.js emit` writes `schema/schema.graphql` from the server code, sorted, with
 * a "generated" header. `node dist/scripts/schema.js check` exits 1 when the committed file differs.
 */
const schemaFile = join(projectRoot, 'schema', 'schema.graphql');

async function main(command: string | undefined): Promise<number> {
  const printed = printRaccordSchema(await buildRaccordSchema());
  if (command === 'emit') {
    await writeFile(schemaFile, printed);
    process.stdout.write('Wrote schema/schema.graphql.\n');
    return 0;
  }
  if (command === 'check') {
    const committed = await readFile(schemaFile, 'utf8').catch(() => '');
    if (committed === printed) {
      process.stdout.write('schema/schema.graphql is up to date.\n');
      return 0;
    }
    process.stderr.write(
      'schema/schema.graphql differs from the server code: run `npm run schema:emit` and commit it.\n',
    );
    return 1;
  }
  process.stderr.write('usage: schema.js emit | check\n');
  return 2;
}

process.exitCode = await main(process.argv[2]);
