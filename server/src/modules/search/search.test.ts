import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createSite,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
  submitInvoice,
} from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/** Search that finds (issue 19): accents, case and Arabic letter variants aside, phones however written, within the viewer's scope. */
let t: TestApp;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
const references: Record<string, string> = {};
const tokens: Record<string, string> = {};
const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

async function user(role: string, extra: Record<string, unknown>): Promise<string> {
  const email = `search-${role.toLowerCase()}-${Object.keys(tokens).length}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'search user password', ...extra },
  });
  return signIn(t.url, email, 'search user password');
}

/** A firm with a site, an order accepted, and its invoice submitted (numbered). */
async function firmWithWork(
  name: string,
  firm: Record<string, unknown>,
  site: Record<string, unknown>,
  order: Record<string, unknown>,
): Promise<void> {
  const { id } = await activeContractor(t, firm);
  ids[`firm${name}`] = id;
  const created = await createSite(t, site);
  ids[`site${name}`] = created.id;
  const work = await installedCustomerSubscription(t, id, '-21.5', undefined, order);
  ids[`order${name}`] = work;
  await mustQuery(
    t,
    'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
    { id: work },
  );
  const invoice = await firmInvoice(t, id);
  await submitInvoice(t, invoice);
  ids[`invoice${name}`] = invoice.id;
  const read = await mustQuery<{ invoice: { number: string }; customerSubscription: { orderReference: string } }>(
    t,
    'query ($i: ID!, $o: ID!) { invoice(id: $i) { number } customerSubscription(id: $o) { orderReference } }',
    { i: invoice.id, o: work },
  );
  numbers[name] = read.invoice.number;
  references[name] = read.customerSubscription.orderReference;
}

beforeAll(async () => {
  t = await startTestApp();
  await firmWithWork(
    'A',
    { legalName: 'Bahia Télécom', tradeName: 'Télécom de la Baie' },
    { name: 'Cité El Bahia, Aïn Benian' },
    { customerName: 'أَحْمَد بن عليّ', customerPhone: '0661 98 76 54' },
  );
  await firmWithWork(
    'B',
    { legalName: 'SARL Les Frères Amrani' },
    { name: 'Résidence Les Pins' },
    { customerName: 'Yasmine Haddad', customerPhone: '+213 555 12 34 56' },
  );
  tokens['contractorA'] = await user('CONTRACTOR', { contractorId: ids['firmA'] });
  tokens['viewer'] = await user('VIEWER', {});
  tokens['technician'] = await user('TECHNICIAN', { contractorId: ids['firmA'] });
}, 240_000);
afterAll(() => t.stop());

type Connection = { totalCount: number; edges: { node: { id: string } }[] };
const idsOf = (connection: Connection) => connection.edges.map((edge) => edge.node.id);

async function list(field: string, search: string, headers?: Record<string, string>): Promise<Connection> {
  const { body } = await t.graphql<Record<string, Connection>>(
    `query ($s: String) { ${field}(first: 100, filter: { search: $s }) { totalCount edges { node { id } } } }`,
    { s: search },
    headers,
  );
  expect(body.errors).toBeUndefined();
  return body.data![field]!;
}

describe('the lists’ search filters', () => {
  it('find a firm whatever its accents and case: "bahia telecom" finds "Bahia Télécom", "freres" finds "Frères"', async () => {
    for (const [text, firm] of [
      ['bahia telecom', 'firmA'],
      ['BAHIA TÉLÉCOM', 'firmA'],
      ['telecom de la baie', 'firmA'],
      ['freres', 'firmB'],
      ['FRÈRES amrani', 'firmB'],
    ] as const) {
      const found = await list('contractors', text);
      expect(idsOf(found), text).toEqual([ids[firm]]);
      expect(found.totalCount, text).toBe(1);
    }
  });

  it('find a site by its name without accents, or its code in lower case', async () => {
    expect(idsOf(await list('sites', 'cite el bahia, ain benian'))).toEqual([ids['siteA']]);
    expect(idsOf(await list('sites', 'residence les pins'))).toEqual([ids['siteB']]);
  });

  it('find an Arabic name from Arabic input, with or without its short vowels and whatever its alef', async () => {
    for (const text of ['احمد بن علي', 'أحمد', 'أَحْمَد', 'إحمد بن علي']) {
      expect(idsOf(await list('customerSubscriptions', text)), text).toEqual([ids['orderA']]);
    }
  });

  it('find an order by its customer’s phone however it is written', async () => {
    for (const text of ['0555 12 34 56', '+213555123456', '00213 555 12 34 56', '0555-12-34-56', '555 12 34']) {
      expect(idsOf(await list('customerSubscriptions', text)), text).toEqual([ids['orderB']]);
    }
    expect(idsOf(await list('customerSubscriptions', references['B']!.toLowerCase()))).toEqual([ids['orderB']]);
  });

  it('do not let roles that may not read customers’ data find an order by its customer’s name or phone', async () => {
    expect((await list('customerSubscriptions', '0555 12 34 56', as('viewer'))).totalCount).toBe(0);
    expect((await list('customerSubscriptions', 'احمد', as('viewer'))).totalCount).toBe(0);
    expect(idsOf(await list('customerSubscriptions', references['B']!, as('viewer')))).toEqual([ids['orderB']]);
  });

  it('find invoices by number or firm name, and narrow them to a contractor', async () => {
    expect(idsOf(await list('invoices', 'bahia'))).toEqual([ids['invoiceA']]);
    expect(idsOf(await list('invoices', 'freres'))).toEqual([ids['invoiceB']]);
    const byNumber = await list('invoices', numbers['A']!.toLowerCase());
    expect(idsOf(byNumber)).toEqual(expect.arrayContaining([ids['invoiceA']]));
    const narrowed = await mustQuery<{ invoices: Connection }>(
      t,
      'query ($s: String, $c: ID) { invoices(filter: { search: $s, contractorId: $c }) { totalCount edges { node { id } } } }',
      { s: numbers['B'], c: ids['firmB'] },
    );
    expect(idsOf(narrowed.invoices)).toEqual([ids['invoiceB']]);
  });

  it('never show a firm another firm’s invoice or order', async () => {
    expect((await list('invoices', 'freres', as('contractorA'))).totalCount).toBe(0);
    expect(idsOf(await list('invoices', numbers['B']!, as('contractorA')))).toEqual([ids['invoiceA']]);
    expect((await list('customerSubscriptions', '0555 12 34 56', as('contractorA'))).totalCount).toBe(0);
    expect((await list('contractors', 'freres', as('contractorA'))).totalCount).toBe(0);
  });

  it('refuse an over-long search or one with control characters with a coded BAD_USER_INPUT', async () => {
    for (const [search, reasonCode] of [
      ['x'.repeat(101), 'MAX_CHARACTERS'],
      ['a\u0000b', 'NO_CONTROL_CHARACTERS'],
    ] as const) {
      const { body } = await t.graphql('query ($s: String) { invoices(filter: { search: $s }) { totalCount } }', {
        s: search,
      });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'filter.search',
        reasonCode,
      });
    }
  });
});

type Hit = { match: string; kind: string; id: string };
type Answered = { match: string; kind: string } & Record<string, { id: string } | null | string>;
const globalSearch = `query ($text: String!, $first: Int) { search(text: $text, first: $first) { match kind
  contractor { id } site { id } customerSubscription { id } invoice { id } } }`;

/** The hits, each with the id of the record in the field its kind names (and that one only). */
async function searchFor(text: string, headers?: Record<string, string>, first?: number): Promise<Hit[]> {
  const { body } = await t.graphql<{ search: Answered[] }>(globalSearch, { text, first }, headers);
  expect(body.errors).toBeUndefined();
  return body.data!.search.map(({ match, kind, ...records }) => {
    const set = Object.entries(records).filter(([, record]) => record !== null);
    expect(set).toHaveLength(1);
    const [field, record] = set[0]!;
    expect(field.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()).toBe(kind);
    return { match, kind, id: (record as { id: string }).id };
  });
}

describe('the global search', () => {
  it('puts the invoice whose number is the text first, as an exact match', async () => {
    const hits = await searchFor(numbers['A']!.toLowerCase());
    expect(hits[0]).toMatchObject({ match: 'EXACT', kind: 'INVOICE' });
    expect(hits.filter((hit) => hit.match === 'EXACT').map((hit) => hit.id)).toEqual(
      expect.arrayContaining([ids['invoiceA'], ids['invoiceB']]),
    );
  });

  it('jumps to an order by its reference, and finds firms, sites and orders by their names', async () => {
    expect((await searchFor(references['A']!.toLowerCase()))[0]).toEqual({
      match: 'EXACT',
      kind: 'CUSTOMER_SUBSCRIPTION',
      id: ids['orderA'],
    });
    const bahia = await searchFor('bahia');
    expect(bahia.map((hit) => `${hit.match} ${hit.kind} ${hit.id}`)).toEqual(
      expect.arrayContaining([
        `PARTIAL CONTRACTOR ${ids['firmA']}`,
        `PARTIAL SITE ${ids['siteA']}`,
        `PARTIAL INVOICE ${ids['invoiceA']}`,
      ]),
    );
    expect((await searchFor('احمد')).map((hit) => hit.id)).toEqual([ids['orderA']]);
  });

  it('finds only what the viewer may see: a firm never another firm’s invoice, order or record; a technician no invoice', async () => {
    const own = await searchFor(numbers['B']!, as('contractorA'));
    expect(own.map((hit) => hit.id)).toEqual([ids['invoiceA']]);
    expect(await searchFor('freres', as('contractorA'))).toEqual([]);
    expect(await searchFor(references['B']!, as('contractorA'))).toEqual([]);
    expect((await searchFor('bahia', as('technician'))).map((hit) => hit.kind)).not.toContain('INVOICE');
  });

  it('answers at most `first` hits, and nothing for a blank text', async () => {
    expect(await searchFor('   ')).toEqual([]);
    expect(await searchFor('a', undefined, 2)).toHaveLength(2);
  });

  it('refuses an over-long text or a `first` out of range with a coded BAD_USER_INPUT', async () => {
    for (const [variables, field, reasonCode] of [
      [{ text: 'x'.repeat(101) }, 'text', 'MAX_CHARACTERS'],
      [{ text: 'bahia', first: 0 }, 'first', 'VALUE_RANGE'],
      [{ text: 'bahia', first: 21 }, 'first', 'VALUE_RANGE'],
    ] as const) {
      const { body } = await t.graphql(globalSearch, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reasonCode });
    }
  });

  it('is not for API keys, which use the lists’ filters', async () => {
    const { createApiKey } = await mustQuery<{ createApiKey: { secret: string } }>(
      t,
      'mutation { createApiKey(input: { name: "search", scopes: [READ_INVOICES, READ_CONTRACTORS, READ_SITES] }) { secret } }',
    );
    const refused = await t.graphql(
      globalSearch,
      { text: 'bahia' },
      { authorization: `Bearer ${createApiKey.secret}` },
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
