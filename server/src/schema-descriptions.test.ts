import { isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildRaccordSchema } from './schema.js';

/** Every type, field and argument of the schema that has no description, as "Type.field(arg)". */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const builtIn = new Set(['Query', 'Mutation', 'Subscription', 'String', 'Boolean', 'Int', 'Float', 'ID']);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description && !builtIn.has(type.name)) missing.push(type.name);
    if (!isObjectType(type) && !isInputObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : [])
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  return missing;
}

describe('the GraphQL schema', () => {
  it('describes every type, field and argument (units, formats, errors)', async () => {
    expect(undescribed(await buildRaccordSchema())).toEqual([]);
  });
});
