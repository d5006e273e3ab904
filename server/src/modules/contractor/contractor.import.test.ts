import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustQuery } from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { contractorInput, validRib } from '../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const header =
  'legal_name,trade_name,legal_form,fiscal_regime,nif,nis,rc_number,auto_entrepreneur_card_number,tax_article,address,commune_id,bank_account,operating_wilaya_codes,team_capacity,contact_name,contact_phone';

function row(overrides: Record<string, string> = {}): string {
  const input = contractorInput();
  const values: Record<string, string> = {
    legal_name: String(input['legalName']),
    trade_name: '',
    legal_form: 'SARL',
    fiscal_regime: 'REAL',
    nif: String(input['nif']),
    nis: String(input['nis']),
    rc_number: String(input['rcNumber']),
    auto_entrepreneur_card_number: '',
    tax_article: String(input['taxArticle']),
    address: '"3, rue des Frères Bouadou"',
    commune_id: '554',
    bank_account: String(input['bankAccount']),
    operating_wilaya_codes: '16;09',
    team_capacity: '3',
    contact_name: 'Sofiane Mebarki',
    contact_phone: '0770 10 20 30',
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
async function importCsv(csv: string, fields = 'rows created skipped errors { line field reason }'): Promise<Report> {
  const data = await mustQuery<{ importContractors: Report }>(
    t,
    `mutation ($csv: String!) { importContractors(csv: $csv) { ${fields} } }`,
    { csv },
  );
  return data.importContractors;
}

async function counts() {
  return (
    await t.sql<{ contractors: number; wilayas: number; events: number }>(
      'select (select count(*)::int from contractor) as contractors, (select count(*)::int from contractor_wilaya) as wilayas, (select count(*)::int from audit_event) as events',
    )
  )[0]!;
}

describe('importContractors', () => {
  it('creates every row of a good file, PENDING_APPROVAL, each audited; a second run creates nothing', async () => {
    const csv = `\uFEFF${[header, row({ legal_name: '"  SARL Atlas Fibre  "' }), row(), row({ legal_form: 'auto_entrepreneur', fiscal_regime: 'AUTO_ENTREPRENEUR', rc_number: '', auto_entrepreneur_card_number: 'AE-16-000123' })].join('\r\n')}\r\n`;
    const before = await counts();
    expect(await importCsv(csv)).toEqual({ rows: 3, created: 3, skipped: 0, errors: [] });
    const after = await counts();
    expect(after).toEqual({
      contractors: before.contractors + 3,
      wilayas: before.wilayas + 6,
      events: before.events + 3,
    });

    const listed = await mustQuery<{
      contractors: {
        edges: {
          node: {
            legalName: string;
            status: string;
            operatingWilayas: { code: string }[];
            contacts: { phone: string }[];
          };
        }[];
      };
    }>(
      t,
      '{ contractors(filter: { search: "Atlas Fibre" }) { edges { node { legalName status operatingWilayas { code } contacts { phone } } } } }',
    );
    expect(listed.contractors.edges.map((e) => e.node)).toEqual([
      {
        legalName: 'SARL Atlas Fibre',
        status: 'PENDING_APPROVAL',
        operatingWilayas: [{ code: '09' }, { code: '16' }],
        contacts: [{ phone: '+213770102030' }],
      },
    ]);

    expect(await importCsv(csv)).toEqual({ rows: 3, created: 0, skipped: 3, errors: [] });
    expect(await counts()).toEqual(after);
  });

  it('writes nothing from a file with bad rows, and names every bad row with its line and field', async () => {
    const duplicate = row();
    const csv = [
      header,
      row(),
      row({ nif: '123' }),
      row({ bank_account: validRib(42).slice(0, 18) + '00' }),
      row({ commune_id: '99999' }),
      duplicate,
      duplicate,
      row({ operating_wilaya_codes: '16;77' }),
      row({ team_capacity: 'trois' }),
      row({ legal_form: 'GMBH' }),
    ].join('\n');
    const before = await counts();
    const report = await importCsv(csv);
    expect(report.created).toBe(0);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'nif'],
      [4, 'bank_account'],
      [5, 'commune_id'],
      [7, 'nif'],
      [8, 'operating_wilaya_codes'],
      [9, 'team_capacity'],
      [10, 'legal_form'],
    ]);
    expect(report.errors.find((e) => e.line === 7)?.reason).toMatch(/already on line 6/);
    expect(await counts()).toEqual(before);
  });

  it('names every problem of a row, not only the first: a bad NIF and an unknown commune are two (issue 19)', async () => {
    const nif = String(contractorInput()['nif']);
    const csv = [
      header,
      row({ nif: '123', commune_id: '99999' }),
      row({ nif, team_capacity: 'trois', fiscal_regime: 'AUTO_ENTREPRENEUR' }),
      row({ nif, bank_account: 'y', operating_wilaya_codes: '16;77' }),
    ].join('\n');
    const before = await counts();
    const report = await importCsv(csv, 'errorCount errors { line field reason }');
    expect(report.errorCount).toBe(7);
    expect(report.errors).toEqual([
      { line: 2, field: 'nif', reason: 'must be 15 digits (20 for a branch)' },
      { line: 2, field: 'commune_id', reason: 'no commune with id 99999' },
      { line: 3, field: 'team_capacity', reason: 'Invalid input: expected number, received string' },
      {
        line: 3,
        field: 'fiscal_regime',
        reason: 'must be AUTO_ENTREPRENEUR exactly when the legal form is AUTO_ENTREPRENEUR',
      },
      {
        line: 4,
        field: 'bank_account',
        reason: 'must be a RIB of 20 digits whose last two are its key (97 − (branch‖account × 100 mod 97))',
      },
      { line: 4, field: 'nif', reason: `${nif} is already on line 3` },
      { line: 4, field: 'operating_wilaya_codes', reason: 'no wilaya with code 77' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('says which columns are missing, and that an empty file has no rows', async () => {
    expect((await importCsv('legal_name,nif\nSARL X,000000000000001\n')).errors).toEqual([
      {
        line: 1,
        field: null,
        reason:
          'missing columns: legal_form, fiscal_regime, nis, tax_article, address, commune_id, bank_account, operating_wilaya_codes, team_capacity',
      },
    ]);
    expect((await importCsv(`${header}\n`)).errors).toEqual([{ line: 1, field: null, reason: 'the file has no rows' }]);
  });

  it('gives each refused row its reason as a code with the values it names, for a client to say in its language', async () => {
    const data = await mustQuery<{ importContractors: { errors: Record<string, unknown>[] } }>(
      t,
      'mutation ($csv: String!) { importContractors(csv: $csv) { errors { line field reasonCode reasonParams } } }',
      { csv: [header, row({ legal_name: 'x'.repeat(201) }), row({ commune_id: '99999' })].join('\n') },
    );
    expect(data.importContractors.errors).toEqual([
      { line: 2, field: 'legal_name', reasonCode: 'MAX_CHARACTERS', reasonParams: { max: '200' } },
      { line: 3, field: 'commune_id', reasonCode: 'NO_COMMUNE', reasonParams: { id: '99999' } },
    ]);
  });
  it('refuses a row whose unquoted separator would shift its values, naming its line, and writes nothing', async () => {
    const before = await counts();
    const semicolons = [
      header.replaceAll(',', ';'),
      row().replaceAll(',', ';').replace('"3; rue des Frères Bouadou"', '"3, rue des Frères Bouadou"'),
    ].join('\n');
    // `16;09` unquoted in a file separated by semicolons: two values where the header has one column.
    const report = await importCsv(semicolons);
    expect(report.created).toBe(0);
    expect(report.errors).toEqual([
      {
        line: 2,
        field: null,
        reason: 'the row has more values than the header has columns: a value holding ";" must be in double quotes',
      },
    ]);
    expect(await counts()).toEqual(before);
    const quoted = [
      header.replaceAll(',', ';'),
      row({ operating_wilaya_codes: '16 09' })
        .replaceAll(',', ';')
        .replace('"3; rue des Frères Bouadou"', '"3, rue des Frères Bouadou"'),
    ].join('\n');
    expect((await importCsv(quoted)).created).toBe(1);
  });

  it('counts every problem of a large bad file but lists the first thousand, and keeps answering other requests while it reads', async () => {
    const bad = [header, ...Array.from({ length: 20_000 }, () => row({ nif: 'x', bank_account: 'y' }))].join('\n');
    let importDone = false;
    const logged = t.logs.length;
    const importing = t
      .graphql<{ importContractors: { errorCount: number; errors: unknown[] } }>(
        'mutation ($csv: String!) { importContractors(csv: $csv) { errorCount errors { line } } }',
        { csv: bad },
      )
      .then((result) => ((importDone = true), result));
    // Once the import's body is in and its session checked (the resolver reads the file next), a
    // health check sent meanwhile is answered before the import ends.
    await eventually(() =>
      expect(
        t.logs.slice(logged).some((line) => line.msg === 'sql' && String(line['sql']).includes('from "session"')),
      ).toBe(true),
    );
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(importDone).toBe(false);
    const report = (await importing).body.data!.importContractors;
    expect(report.errorCount).toBe(40_000);
    expect(report.errors).toHaveLength(1000);
  });
  it('refuses a cell a spreadsheet would run as a formula (=, +, - or @, also behind a tab or carriage return) and writes nothing', async () => {
    const before = await counts();
    const report = await importCsv(
      [
        header,
        row({ legal_name: `"-2+3+cmd|' /C calc'!A0"` }),
        row({ address: '"=HYPERLINK(""http://example.invalid"")"' }),
        row({ contact_name: '+33 Mebarki' }),
        row({ legal_name: '@SUM(A1)' }),
        row({ legal_name: '"\t-2+3+cmd|\' /C calc\'!A0"' }),
        row({ address: '"\r=1+1"' }),
      ].join('\n'),
    );
    const refused = 'must not start with =, +, - or @';
    expect(report.errors).toEqual([
      { line: 2, field: 'legal_name', reason: refused },
      { line: 3, field: 'address', reason: refused },
      { line: 4, field: 'contact.0.name', reason: refused },
      { line: 5, field: 'legal_name', reason: refused },
      { line: 6, field: 'legal_name', reason: refused },
      // The carriage return inside its quotes ends a line of the file: the row is named by its last line.
      { line: 8, field: 'address', reason: refused },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses the lookalikes of a formula start (fullwidth, small or minus sign, dashes; behind invisible characters, marks or spaces), in a contact email too', async () => {
    const before = await counts();
    const cells: [column: string, value: string, field: string][] = [
      ['legal_name', '＝1+1', 'legal_name'],
      ['legal_name', '＋33 Mebarki', 'legal_name'],
      ['address', '－2+3', 'address'],
      ['address', '＠SUM(A1)', 'address'],
      ['legal_name', '−2+3', 'legal_name'],
      ['legal_name', '﹦1+1', 'legal_name'],
      ['legal_name', '\u200B=1+1', 'legal_name'],
      ['legal_name', '\u200D\u00A0=1+1', 'legal_name'],
      ['contact_name', '\u2060 @SUM(A1)', 'contact.0.name'],
      ['trade_name', '\uFEFF\u200B+1', 'trade_name'],
      // Format characters, marks and Hangul fillers, which no one sees either.
      ['legal_name', '\u00AD=1+1', 'legal_name'],
      ['legal_name', '\u180E+1+1', 'legal_name'],
      ['legal_name', '\u2061=1+1', 'legal_name'],
      ['legal_name', '\u2062+1+1', 'legal_name'],
      ['legal_name', '\u034F=1+1', 'legal_name'],
      ['legal_name', '\u3164+1+1', 'legal_name'],
      ['legal_name', '\uFFA0=1+1', 'legal_name'],
      ['legal_name', '\u200E+1+1', 'legal_name'],
      ['legal_name', '\u061C=1+1', 'legal_name'],
      ['legal_name', '\u{E0020}+1+1', 'legal_name'],
      ['legal_name', '\uFE0F=1+1', 'legal_name'],
      // Dashes a spreadsheet reads as a minus.
      ['address', '\u2796cmd', 'address'],
      ['address', '\u2012cmd', 'address'],
      ['address', '\u2013cmd', 'address'],
      ['contact_email', '-2+3@example.dz', 'contact.0.email'],
      ['contact_email', '+cmd@example.dz', 'contact.0.email'],
    ];
    const lines = cells.map(([column, value]) =>
      column === 'contact_email' ? `${row()},${value}` : `${row({ [column]: value })},`,
    );
    const report = await importCsv([`${header},contact_email`, ...lines].join('\n'));
    expect(report.errors).toEqual(
      cells.map(([, , field], index) => ({ line: index + 2, field, reason: 'must not start with =, +, - or @' })),
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses text holding the replacement character of a file read in the wrong encoding', async () => {
    const report = await importCsv([header, row({ legal_name: 'Soci\uFFFDt\uFFFD \uFFFDlectricit\uFFFD' })].join('\n'));
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'legal_name',
        reason: 'must not contain the replacement character � (was the file saved as UTF-8?)',
      },
    ]);
  });
});
