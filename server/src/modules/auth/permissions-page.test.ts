import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../common/paths.js';
import { buildRaccordSchema } from '../../schema.js';
import { operationRoles } from './permissions.js';
import { permissionsPage } from './permissions-page.js';

describe('docs/permissions.md', () => {
  it('is the page printed from the permission table (npm run permissions:emit)', async () => {
    expect(await readFile(join(projectRoot, 'docs', 'permissions.md'), 'utf8')).toBe(permissionsPage());
  });

  it('has a row for every root operation of the schema', async () => {
    const schema = await buildRaccordSchema();
    const page = permissionsPage();
    for (const type of [schema.getQueryType()!, schema.getMutationType()!, schema.getSubscriptionType()!]) {
      for (const name of Object.keys(type.getFields())) {
        expect(operationRoles).toHaveProperty([`${type.name}.${name}`]);
        expect(page).toContain(`| \`${name}\` |`);
      }
    }
  });
});
