import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  isInterfaceType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, mustQuery } from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { buildRaccordSchema } from '../../schema.js';
import { UserRole } from '../user/user.entity.js';
import { scopeFor } from './api-key.scopes.js';
import { operationRoles, PUBLIC } from './permissions.js';

/**
 * The authorization matrix, built from the schema: every query and mutation × anonymous, each role (TECHNICIAN included),
 * an expired token, a revoked one and a revoked API key. (What a live key may do is in api-key.test.ts.) An operation added without a rule fails the first test.
 */
let t: TestApp;
let schema: GraphQLSchema;
const tokens: Record<string, string> = {};

function rootFields(): { kind: 'Query' | 'Mutation'; field: GraphQLField<unknown, unknown> }[] {
  return (['Query', 'Mutation'] as const).flatMap((kind) => {
    const type = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field }));
  });
}

/** A value of the right GraphQL type, to get past validation to the authorization check. */
function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  // A scope no firm's key may hold: a firm admin's createApiKey passes its authorization, then is refused, writing nothing.
  if (type.name === 'ApiKeyScope') return 'WRITE_RECORD_INVOICE_PAYMENT';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, dummy(field.type)]),
    );
  }
  if (isScalarType(type)) {
    return (
      {
        ID: '1',
        String: 'x',
        Int: 1,
        Float: 1.5,
        Boolean: true,
        DateTimeISO: new Date(Date.now() + 86_400_000).toISOString(),
        LocalDate: '2026-12-01',
      }[type.name] ?? 'x'
    );
  }
  return null;
}

function operationOf(
  kind: 'Query' | 'Mutation',
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) || isUnionType(named) ? ' { __typename }' : '';
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  return {
    query: `${kind.toLowerCase()}${definitions ? ` (${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(field.args.map((arg) => [arg.name, dummy(arg.type)])),
  };
}

/** Whether a response is a refusal by authorization (not a business error on the dummy arguments). */
function refusal(
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined,
): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  const error = errors?.[0];
  if (
    error?.extensions?.['code'] === 'UNAUTHENTICATED' &&
    /^Sign in first|token or API key is invalid/.test(error.message)
  )
    return 'UNAUTHENTICATED';
  if (error?.extensions?.['code'] === 'FORBIDDEN' && error.extensions['requiredRoles']) return 'FORBIDDEN';
  return null;
}

/**
 * The rows of Raccord's own tables, table by table, but for what signing in writes and a viewer's own
 * notification preferences, which every role may set (updateNotificationPreferences runs in the same loop).
 */
async function rowCounts(): Promise<string> {
  const rows = await t.sql<{ table: string; n: number }>(
    `select relname as table, n_live_tup::int as n from pg_stat_user_tables where schemaname = 'public' and relname not in ('login_rate_limit', 'session', 'mikro_orm_migrations', 'notification_preference') order by relname`,
  );
  const counts = await Promise.all(
    rows.map(
      async (row) =>
        `${row.table}=${(await t.sql<{ n: number }>(`select count(*)::int as n from "${row.table}"`))[0]!.n}`,
    ),
  );
  return counts.join(' ');
}

beforeAll(async () => {
  t = await startTestApp();
  schema = await buildRaccordSchema();
  const firm = await activeContractor(t);
  const password = 'role user password';
  for (const role of Object.values(UserRole)) {
    if (role === UserRole.ADMIN) {
      tokens[role] = t.adminToken;
      continue;
    }
    const email = `${role.toLowerCase()}@raccord.test`;
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email,
        displayName: role,
        role,
        password,
        ...(role === UserRole.DOT_MANAGER ? { wilayaCodes: ['16'] } : {}),
        ...(role === UserRole.CONTRACTOR ? { contractorId: firm.id, isContractorAdmin: true } : {}),
        ...(role === UserRole.TECHNICIAN ? { contractorId: firm.id } : {}),
      },
    });
    tokens[role] = await signIn(t.url, email, password);
  }
  tokens['REVOKED'] = await signIn(t.url, 'viewer@raccord.test', password);
  await t.graphql('mutation { logout }', undefined, { authorization: `Bearer ${tokens['REVOKED']}` });
  const key = await mustQuery<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    t,
    'mutation { createApiKey(input: { name: "revoked", scopes: [READ_SITES] }) { secret apiKey { id } } }',
  );
  await mustQuery(t, 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }', { id: key.createApiKey.apiKey.id });
  tokens['REVOKED_KEY'] = key.createApiKey.secret;
  const [viewer] = await t.sql<{ id: string }>("select id::text from app_user where email = 'viewer@raccord.test'");
  tokens['EXPIRED'] = await new SignJWT({ sid: '00000000-0000-4000-8000-000000000000' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(viewer!.id)
    .setIssuer('raccord')
    .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
    .sign(new TextEncoder().encode('test-secret-of-at-least-thirty-two-characters'));
});
afterAll(() => t.stop());

describe('the authorization matrix', () => {
  it('has a rule for every query, mutation and subscription of the schema, and none for an operation that is gone', () => {
    const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map(
      (name) => `Subscription.${name}`,
    );
    const operations = [...rootFields().map(({ kind, field }) => `${kind}.${field.name}`), ...subscriptions].sort();
    expect(operations.filter((operation) => !(operation in operationRoles))).toEqual([]);
    // HTTP routes (`Http.*`) are no schema fields: their rules are checked by the routes' own tests.
    expect(
      Object.keys(operationRoles).filter(
        (operation) => !operation.startsWith('Http.') && !operations.includes(operation),
      ),
    ).toEqual([]);
  });

  it("gives the photo routes their rules: upload for those who report installations, reading for those who may read the customer's home", () => {
    expect(operationRoles['Http.uploadPhoto']).toEqual([UserRole.ADMIN, UserRole.CONTRACTOR, UserRole.TECHNICIAN]);
    expect(operationRoles['Http.photo']).toEqual([
      UserRole.ADMIN,
      UserRole.DOT_MANAGER,
      UserRole.CONTRACTOR,
      UserRole.TECHNICIAN,
    ]);
    expect(scopeFor('Http.uploadPhoto')).toBe('write:reportInstallation');
    expect(scopeFor('Http.photo')).toBe('read:personalData');
  });

  it("lets ADMIN and a firm's CONTRACTOR users list the technicians work is given to, and keys that read the work", () => {
    expect(operationRoles['Query.technicians']).toEqual([UserRole.ADMIN, UserRole.CONTRACTOR]);
    expect(scopeFor('Query.technicians')).toBe('read:customerSubscriptions');
  });

  it('keeps money from technicians: no invoice, price, amount or dashboard operation, no users or keys', () => {
    const money = /invoice|credit|payment|price|dashboard|user|apikey/i;
    const open = Object.entries(operationRoles)
      .filter(([operation, rule]) => rule !== PUBLIC && rule.includes(UserRole.TECHNICIAN) && money.test(operation))
      .map(([operation]) => operation);
    expect(open).toEqual([]);
  });

  it('refuses anonymous callers everything but login and me, writing nothing', async () => {
    const before = await rowCounts();
    for (const { kind, field } of rootFields()) {
      const rule = operationRoles[`${kind}.${field.name}`];
      const { query, variables } = operationOf(kind, field);
      const { body } = await t.graphql(query, variables, { authorization: '' });
      expect(refusal(body.errors), `${kind}.${field.name}`).toBe(rule === PUBLIC ? null : 'UNAUTHENTICATED');
    }
    expect(await rowCounts()).toBe(before);
  });

  it('refuses an expired token, a revoked token and a revoked key with HTTP 401, for every operation', async () => {
    for (const which of ['EXPIRED', 'REVOKED', 'REVOKED_KEY']) {
      for (const { kind, field } of rootFields()) {
        const { query, variables } = operationOf(kind, field);
        const { response, body } = await t.graphql(query, variables, { authorization: `Bearer ${tokens[which]}` });
        expect(response.status, `${which} ${kind}.${field.name}`).toBe(401);
        expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    }
  });

  it.each(Object.values(UserRole))(
    'lets %s run exactly the operations its role allows; refused mutations write nothing',
    async (role) => {
      const before = await rowCounts();
      let refusedMutations = 0;
      for (const { kind, field } of rootFields()) {
        const rule = operationRoles[`${kind}.${field.name}`]!;
        const allowed = rule === PUBLIC || rule.includes(role);
        if (allowed && kind === 'Mutation' && ['logout', 'login'].includes(field.name)) continue;
        const { query, variables } = operationOf(kind, field);
        const { body } = await t.graphql(query, variables, { authorization: `Bearer ${tokens[role]}` });
        expect(refusal(body.errors), `${role} ${kind}.${field.name}`).toBe(allowed ? null : 'FORBIDDEN');
        if (!allowed && kind === 'Mutation') refusedMutations += 1;
      }
      if (refusedMutations > 0) expect(await rowCounts()).toBe(before);
    },
  );
});
