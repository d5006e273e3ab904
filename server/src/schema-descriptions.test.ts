import { ApolloServerErrorCode } from '@apollo/server/errors';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from './common/errors.js';
import { allScopes } from './modules/auth/api-key.scopes.js';
import { buildRaccordSchema, printRaccordSchema } from './schema.js';

/** Every type, field, argument and enum value of the schema that has no description, as "Type.field(arg)" or "Enum.VALUE". */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const builtIn = new Set(['Query', 'Mutation', 'Subscription', 'String', 'Boolean', 'Int', 'Float', 'ID']);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description && !builtIn.has(type.name)) missing.push(type.name);
    if (isEnumType(type))
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    if (!isObjectType(type) && !isInputObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of 'args' in field ? field.args : [])
        if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  return missing;
}

/**
 * Argument descriptions shared by root fields whose arguments mean different things: each group of
 * "Query.invoice(id), Query.site(id)" with the text they share. The arguments that mean the same on every
 * field (a connection's `first`, `after` and `filter`, an update's `expectedVersion`) are not counted.
 */
function copiedArgumentDescriptions(schema: GraphQLSchema): string[] {
  const byText = new Map<string, string[]>();
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(type?.getFields() ?? {}))
      for (const arg of field.args) {
        if (['first', 'after', 'filter', 'expectedVersion'].includes(arg.name)) continue;
        const text = arg.description ?? '';
        byText.set(text, [...(byText.get(text) ?? []), `${type!.name}.${field.name}(${arg.name})`]);
      }
  }
  return [...byText].filter(([, places]) => places.length > 1).map(([text, places]) => `${places.join(', ')}: ${text}`);
}

/** Where a description sends a reader to the server's code, which a client of the API cannot see. */
function serverFileReferences(sdl: string): string[] {
  return sdl.split('\n').filter((line) => /\.ts\b|\bsrc\/|server\/|\.test\b/.test(line));
}

describe('the GraphQL schema', () => {
  it('describes every type, field, argument and enum value (units, formats, errors)', async () => {
    expect(undescribed(await buildRaccordSchema())).toEqual([]);
  });

  it('gives each root field’s arguments a description of their own, not one copied from another field', async () => {
    expect(copiedArgumentDescriptions(await buildRaccordSchema())).toEqual([]);
  });

  it('names no file of the server’s code', async () => {
    expect(serverFileReferences(printRaccordSchema(await buildRaccordSchema()))).toEqual([]);
  });

  it('lists every error code, each described, and every API key scope', async () => {
    const schema = await buildRaccordSchema();
    const codes = schema.getType('ErrorCode');
    expect(isEnumType(codes) && codes.getValues().map((value) => value.name)).toEqual(Object.values(ErrorCode));
    // Apollo Server's own codes are Raccord's too; but for PERSISTED_QUERY_NOT_FOUND, since persisted queries are off.
    const apollo = Object.values(ApolloServerErrorCode).filter(
      (code) => code !== ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
    );
    expect(Object.values(ErrorCode)).toEqual(expect.arrayContaining(apollo));
    const scopes = schema.getType('ApiKeyScope');
    expect(isEnumType(scopes) && scopes.getValues().map((value) => value.value as string)).toEqual(allScopes);
    expect(isEnumType(scopes) && scopes.getValues().map((value) => value.name)).toContain('READ_INVOICES');
  });
});
