import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite, mustQuery } from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { nextSequence } from '../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let siteCode: string;
let oranSiteCode: string;
beforeAll(async () => {
  t = await startTestApp();
  siteCode = (await createSite(t)).code;
  oranSiteCode = (await createSite(t, { communeId: '1128' })).code;
});
afterAll(() => t.stop());

const header = 'order_reference,customer_name,customer_phone,customer_address,commune_id,offer,site_code,ordered_at';

function row(overrides: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    order_reference: `CMD-16-${nextSequence()}`,
    customer_name: 'Lamia Benkhaled',
    customer_phone: '0550 98 76 54',
    customer_address: '"Cité 500 logements, bt 4"',
    commune_id: '554',
    offer: 'IDOOM FIBRE 100 Mbps',
    site_code: '',
    ordered_at: '2026-11-02T08:30:00Z',
    ...overrides,
  };
  return header
    .split(',')
    .map((column) => values[column] ?? '')
    .join(',');
}

interface Report {
  rows: number;
  created: number;
  skipped: number;
  errorCount?: number;
  errors: { line: number; field: string | null; reason: string }[];
}

/** Imports `csv`, asking for `fields` of the report. */
const importCsv = async (csv: string, fields = 'rows created skipped errors { line field reason }') =>
  (
    await mustQuery<{ importCustomerSubscriptions: Report }>(
      t,
      `mutation ($csv: String!) { importCustomerSubscriptions(csv: $csv) { ${fields} } }`,
      { csv },
    )
  ).importCustomerSubscriptions;

async function count(): Promise<number> {
  return (await t.sql<{ n: number }>('select count(*)::int as n from customer_subscription'))[0]!.n;
}

describe('importCustomerSubscriptions', () => {
  it('reads a file separated by semicolons, and refuses an unknown column rather than ignore it', async () => {
    const semicolons = [
      header.replaceAll(',', ';'),
      row({ customer_name: 'Hakim Ferhat' })
        .replaceAll('"Cité 500 logements, bt 4"', 'Cité 500 logements bt 4')
        .replaceAll(',', ';'),
    ].join('\n');
    expect(await importCsv(semicolons)).toMatchObject({ rows: 1, created: 1, errors: [] });
    const misspelt = (await importCsv(`${header.replace('site_code', 'site_cod')}\n${row()}\n`)).errors;
    expect(misspelt).toHaveLength(1);
    expect(misspelt[0]!.reason).toMatch(/^unknown columns: site_cod \(the columns are /);
  });

  it("loads AT's backlog PENDING, linked to sites by code; importing it again creates nothing", async () => {
    const csv = [header, row({ site_code: siteCode.toLowerCase() }), row(), row({ ordered_at: '' })].join('\n');
    const before = await count();
    expect(await importCsv(csv)).toEqual({ rows: 3, created: 3, skipped: 0, errors: [] });
    expect(await count()).toBe(before + 3);
    const linked = await mustQuery<{
      customerSubscriptions: {
        totalCount: number;
        edges: { node: { status: string; customerPhone: string; orderedAt: string; site: { code: string } | null } }[];
      };
    }>(
      t,
      '{ customerSubscriptions(filter: { search: "Benkhaled" }) { totalCount edges { node { status customerPhone orderedAt site { code } } } } }',
    );
    expect(linked.customerSubscriptions.totalCount).toBe(3);
    expect(linked.customerSubscriptions.edges[0]!.node).toEqual({
      status: 'PENDING',
      customerPhone: '+213550987654',
      orderedAt: '2026-11-02T08:30:00.000Z',
      site: { code: siteCode },
    });
    expect(linked.customerSubscriptions.edges.map((e) => e.node.site)).toEqual([{ code: siteCode }, null, null]);
    expect(await importCsv(csv)).toEqual({ rows: 3, created: 0, skipped: 3, errors: [] });
    expect(await count()).toBe(before + 3);
  });

  it('tells a client that polls of an import with a RESYNC mark, as subscribers are told, in the wilayas it concerns', async () => {
    const [{ head }] = (await t.sql<{ head: string }>('select head::text from change_log_state')) as [{ head: string }];
    expect(await importCsv([header, row()].join('\n'))).toMatchObject({ created: 1 });
    type Feed = { customerSubscriptionChanges: { events: { change: string; position: string }[] } };
    const poll = async (wilayaCode: string) =>
      (
        await mustQuery<Feed>(
          t,
          'query ($after: String!, $w: String) { customerSubscriptionChanges(after: $after, wilayaCode: $w) { events { change position } } }',
          { after: head, w: wilayaCode },
        )
      ).customerSubscriptionChanges.events.map((event) => event.change);
    await eventually(async () => expect(await poll('16')).toEqual(['RESYNC']));
    expect(await poll('31')).toEqual([]);
  });

  it('writes nothing from a file with bad rows, and names each one', async () => {
    const twice = row();
    const csv = [
      header,
      row(),
      row({ customer_phone: '123' }),
      row({ commune_id: '0' }),
      row({ commune_id: '4242' }),
      row({ site_code: 'NO-SUCH-SITE' }),
      row({ site_code: oranSiteCode }),
      twice,
      twice,
      row({ ordered_at: 'yesterday' }),
    ].join('\n');
    const before = await count();
    const report = await importCsv(csv);
    expect(report.created).toBe(0);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'customer_phone'],
      [4, 'commune_id'],
      [5, 'commune_id'],
      [6, 'site_code'],
      [7, 'site_code'],
      [9, 'order_reference'],
      [10, 'ordered_at'],
    ]);
    expect(await count()).toBe(before);
  });

  it('names every problem of a row, not only the first: a bad phone and an unknown commune are two (issue 19)', async () => {
    const reference = `CMD-16-${nextSequence()}`;
    const csv = [
      header,
      row({ customer_phone: '123', commune_id: '4242' }),
      row({ order_reference: reference, ordered_at: 'yesterday', site_code: oranSiteCode }),
      row({ order_reference: reference, commune_id: '4242', site_code: 'NO-SUCH-SITE' }),
    ].join('\n');
    const before = await count();
    const report = await importCsv(csv, 'errorCount errors { line field reason }');
    expect(report.errorCount).toBe(7);
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'customer_phone',
        reason: 'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
      },
      { line: 2, field: 'commune_id', reason: 'no commune with id 4242' },
      { line: 3, field: 'ordered_at', reason: 'must be a date and time in ISO 8601, e.g. 2026-11-02T08:30:00Z' },
      { line: 3, field: 'site_code', reason: `site ${oranSiteCode} is in wilaya 31, the customer in wilaya 16` },
      { line: 4, field: 'order_reference', reason: `${reference} is already on line 3` },
      { line: 4, field: 'commune_id', reason: 'no commune with id 4242' },
      { line: 4, field: 'site_code', reason: 'no site with code NO-SUCH-SITE' },
    ]);
    expect(await count()).toBe(before);
  });

  it('still names the problems of the other rows when a row is not valid CSV', async () => {
    const report = await importCsv([header, `${row()},extra`, row({ commune_id: '4242' })].join('\n'));
    expect(report.errors).toEqual([
      {
        line: 2,
        field: null,
        reason: 'the row has more values than the header has columns: a value holding "," must be in double quotes',
      },
      { line: 3, field: 'commune_id', reason: 'no commune with id 4242' },
    ]);
  });
});
