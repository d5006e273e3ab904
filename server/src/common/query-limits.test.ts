import {
  Kind,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { glob } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRaccordSchema } from '../schema.js';
import { maxPageSize } from './pagination.js';
import { projectRoot } from './paths.js';
import { checkComplexity, complexityOf, queryLimits, statementCost } from './query-limits.js';

/** Every module of the console's GraphQL documents, by file. */
const consoleDocuments: Record<string, Record<string, unknown>> = {};
for await (const file of glob('console/src/**/documents.ts', { cwd: projectRoot })) {
  consoleDocuments[file] = (await import(join(projectRoot, file))) as Record<string, unknown>;
}

/** Sample values of the custom scalars, as the console sends them. */
const scalarSamples: Record<string, unknown> = {
  ID: '42',
  Int: 1,
  Float: 36.75,
  Boolean: true,
  String: 'Alger',
  DateTimeISO: '2026-11-29T08:30:00.000Z',
  LocalDate: '2026-11-29',
  JSON: {},
};

/** A value of `type` with every required field filled in. */
function sampleOf(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType);
  if (isListType(type)) return [sampleOf(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleOf(field.type)]),
    );
  }
  return scalarSamples[type.name];
}

/** The variables the console could send at most: every page as large as the API allows, every required value filled in. */
function largestVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType;
    if (name === 'first') variables[name] = maxPageSize;
    else if (isNonNullType(type)) variables[name] = sampleOf(type);
  }
  return variables;
}

/** Each operation the console sends, with its name and file. */
const consoleOperations = Object.entries(consoleDocuments).flatMap(([file, exports]) =>
  Object.entries(exports).flatMap(([name, value]) => {
    const document = value as DocumentNode;
    if (document?.kind !== Kind.DOCUMENT) return [];
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    return operation ? [{ name: `${file} ${name}`, document, operation }] : [];
  }),
);

/** The cost of `query`. */
const costOf = (query: string) => complexityOf(schema, parse(query), {});

/** The error `checkComplexity` throws for `query`, if any. */
function refusal(schema: GraphQLSchema, query: string, variables?: Record<string, unknown>) {
  try {
    checkComplexity(schema, parse(query), variables);
    return undefined;
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
}

/** An invoices page as the console and the reviewers ask for it: each invoice with its lines. */
const invoicesWithLines = (first: number) => `{
  invoices(first: ${first}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id number period status issuedOn daysOverdue
      contractor { id legalName }
      netPayable { centimes } balanceDue { centimes }
      lines { id itemCode designation unit quantity unitPrice { centimes } vatRatePercent amount { centimes } }
    } }
  }
}`;

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRaccordSchema();
});

describe('the cost of an operation', () => {
  it('finds the console’s documents', () => {
    expect(consoleOperations.length).toBeGreaterThan(50);
    expect(consoleOperations.map((operation) => operation.name)).toContain(
      'console/src/features/invoices/documents.ts InvoicesQuery',
    );
  });

  it.each(consoleOperations.map((operation) => [operation.name, operation] as const))(
    '%s is under the limit with the largest pages',
    (_name, { document, operation }) => {
      // complexityOf throws on variables that do not coerce, where checkComplexity would let them pass unpriced.
      expect(complexityOf(schema, document, largestVariables(schema, operation))).toBeLessThanOrEqual(
        queryLimits.maxComplexity,
      );
    },
  );

  it('counts a list nested in a list as the records it may bring and one statement for all its parents', () => {
    const invoices = '{ invoices(first: 100) { edges { node { id } } } }';
    const withLines = '{ invoices(first: 100) { edges { node { id lines { id } } } } }';
    expect(costOf(invoices)).toBe(statementCost + 100);
    expect(costOf(withLines) - costOf(invoices)).toBe(statementCost + 100 * 200);
  });

  it('counts a paginated list nested in a list as a statement of each parent', () => {
    const endpoints = '{ webhookEndpoints(first: 100) { edges { node { id } } } }';
    const withDeliveries =
      '{ webhookEndpoints(first: 100) { edges { node { id deliveries(first: 5) { edges { node { id } } } } } } }';
    expect(costOf(endpoints)).toBe(statementCost + 100);
    expect(costOf(withDeliveries) - costOf(endpoints)).toBe(100 * (statementCost + 5));
  });

  it('prices a page of 20 invoices with their lines at its 4,040 records and 3 statements', () => {
    expect(costOf(invoicesWithLines(20))).toBe(20 + 20 + 20 * 200 + 3 * statementCost);
  });

  it('counts the order references of an invoice page’s lines as one statement for them all', () => {
    const lines = '{ invoices(first: 20) { edges { node { id lines { id } } } } }';
    const named = '{ invoices(first: 20) { edges { node { id lines { id orderReference } } } } }';
    expect(costOf(named) - costOf(lines)).toBe(statementCost);
  });

  it('accepts a page of 20 invoices with their lines', () => {
    expect(refusal(schema, invoicesWithLines(20))).toBeUndefined();
  });

  it('refuses the largest pages of invoices with their lines, credit notes and payments, saying how it counts', () => {
    const error = refusal(
      schema,
      `{ invoices(first: 100) { edges { node { id
        lines { id amount { centimes } }
        creditNotes { id lines { id quantity } }
        payments { id amount { centimes } } } } } }`,
    );
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximum: 20_000 });
    expect(error?.message).toMatch(/each SQL statement counts 20 and each record the answer may hold/);
  });

  it('refuses lists nested in lists (communes → wilaya → communes)', () => {
    expect(
      refusal(schema, '{ communes { wilaya { communes { wilaya { communes { id } } } } } }')?.extensions,
    ).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('prices a wilaya’s communes at the most a wilaya has (Tizi Ouzou: 67), so that their lists nested under aliases are refused', () => {
    // Found by an adversarial review: priced at 30 communes, this cost 18,910 and took 9.5 s to answer 7.4 MB.
    const nested = `wilaya(code: "15") { communes { name nameAr latitude longitude daira { name wilaya { name
      communes { name nameAr latitude longitude daira { name } wilaya { name nameAr } } } } } }`;
    const aliased = `{ ${Array.from({ length: 10 }, (_, i) => `w${i}: ${nested}`).join(' ')} }`;
    expect(refusal(schema, aliased)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('prices a page at the first asked, so that a huge one is refused', () => {
    expect(
      refusal(schema, '{ customerSubscriptions(first: 1000000) { edges { node { id } } } }')?.extensions,
    ).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('prices a change feed at the events its page may hold (first, 100 when left out)', () => {
    const feed = (field: string, first: string, record: string) =>
      `{ ${field}(after: "0"${first}) { events { position ${record} { id } } } }`;
    for (const [field, record] of [
      ['customerSubscriptionChanges', 'customerSubscription'],
      ['invoiceChanges', 'invoice'],
      ['siteChanges', 'site'],
    ] as const) {
      expect(costOf(feed(field, ', first: 500', record)), field).toBe(statementCost + 500 + statementCost);
      expect(costOf(feed(field, '', record)), field).toBe(statementCost + 100 + statementCost);
    }
  });

  it('refuses a feed of 500 events with their reports and photos asked many times under aliases', () => {
    // Found by an adversarial trial: the events were priced as one, and 14 of these ran 6,360 statements in 7.5 s.
    const events = `customerSubscriptionChanges(after: "0", first: 500) { events { position customerSubscription {
      id latestInstallationReport { id qualityIssues photoFiles { id reused distanceFromWorkMetres } } photos { id } } } }`;
    const aliased = `{ ${Array.from({ length: 14 }, (_, i) => `a${i}: ${events}`).join(' ')} }`;
    expect(refusal(schema, aliased)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('refuses the same large page asked many times under aliases', () => {
    const aliased = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: customerSubscriptions(first: 100) { edges { node { id site { id } contractor { id } latestInstallationReport { id photoFiles { id } } } } }`).join(' ')} }`;
    expect(refusal(schema, aliased)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });
});
