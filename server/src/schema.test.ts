import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './common/paths.js';
import { buildRaccordSchema, printRaccordSchema, schemaFileHeader } from './schema.js';

describe('schema/schema.graphql', () => {
  it('is what the server code generates (run `npm run schema:emit` after changing the API)', async () => {
    const committed = await readFile(join(projectRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(committed.startsWith(schemaFileHeader)).toBe(true);
    expect(committed).toBe(printRaccordSchema(await buildRaccordSchema()));
  });
});
