import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { activeContractor } from '../../server/test/api.js';
import { nextSequence, validRib } from '../../server/test/factories.js';
import { browserTest } from './browser.js';

describe('importing contractors from CSV in a real Chromium', () => {
  const run = browserTest();

  /** A row of the template's columns: a valid SARL in Aïn Benian (commune 554), with `overrides`. */
  function row(columns: string[], overrides: Record<string, string> = {}): { nif: string; line: string } {
    const n = nextSequence();
    const nif = String(n).padStart(15, '0');
    const values: Record<string, string> = {
      legal_name: `SARL Import ${n}`,
      legal_form: 'SARL',
      fiscal_regime: 'REAL',
      nif,
      nis: `0991600${String(n).padStart(8, '0')}`,
      tax_article: `16${String(n).padStart(9, '0')}`,
      address: '5 rue Larbi Ben M’hidi',
      commune_id: '554',
      bank_account: validRib(n),
      operating_wilaya_codes: '16;09',
      team_capacity: '2',
      rc_number: `16/00-${String(n).padStart(7, '0')}B22`,
      ...overrides,
    };
    return { nif: values['nif']!, line: columns.map((column) => values[column] ?? '').join(',') };
  }

  const countByNif = async (nifs: string[]) =>
    Number(
      (await run.t.sql<{ count: string }>('select count(*) from contractor where nif = any($1)', [nifs]))[0]!.count,
    );

  it('refuses a file with bad rows, listing each with nothing written, then imports the corrected file', async () => {
    const known = await activeContractor(run.t);
    const [{ nif: knownNif }] = (await run.t.sql<{ nif: string }>('select nif from contractor where id = $1', [
      known.id,
    ])) as [{ nif: string }];
    const page = await run.signIn('/contractants');
    await page.getByRole('link', { name: 'Importer un fichier CSV' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Importer des contractants' }).waitFor();

    // The template is the header line the server expects: the rows below are written in its columns.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le modèle (la ligne d’en-tête)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('contractants-modele.csv');
    const header = (await readFile((await download.path())!, 'utf8')).trim();
    const columns = header.split(',');
    expect(columns).toEqual(
      expect.arrayContaining([
        'legal_name',
        'nif',
        'commune_id',
        'bank_account',
        'operating_wilaya_codes',
        'rc_number',
      ]),
    );

    const good = row(columns);
    const badNifAndCommune = row(columns, { nif: '12345', commune_id: '888888' });
    const badCommune = row(columns, { commune_id: '999999' });
    const send = async (lines: string[]) => {
      await page.getByLabel('Fichier CSV').setInputFiles({
        name: 'contractants.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${[header, ...lines].join('\n')}\n`, 'utf8'),
      });
      await page.getByRole('button', { name: 'Importer' }).click();
    };

    await send([good.line, badNifAndCommune.line, badCommune.line]);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.innerText()).toContain('Fichier refusé : aucun contractant n’a été enregistré.');
    expect(await page.getByTestId('import-error-count').innerText()).toBe('Problèmes : 3');
    // Each problem of a row on its own line of the table, with the row's line and its column, in French and English.
    const problems = [
      ['3', 'nif', 'doit faire 15 chiffres (20 pour un établissement)', 'must be 15 digits (20 for a branch)'],
      ['3', 'commune_id', 'aucune commune n’a l’identifiant 888888', 'no commune has the id 888888'],
      ['4', 'commune_id', 'aucune commune n’a l’identifiant 999999', 'no commune has the id 999999'],
    ];
    const errors = page.getByTestId('import-error-row');
    expect(await errors.allInnerTexts()).toEqual(
      problems.map(([line, column, french]) => `${line}\t${column}\t${french}`),
    );
    await page.getByLabel('Langue').selectOption('en');
    await page.getByTestId('import-error-count').filter({ hasText: 'Problems: 3' }).waitFor();
    expect(await errors.allInnerTexts()).toEqual(
      problems.map(([line, column, , english]) => `${line}\t${column}\t${english}`),
    );
    await page.getByLabel('Language').selectOption('fr');
    await page.getByTestId('import-error-count').filter({ hasText: 'Problèmes : 3' }).waitFor();
    expect(await countByNif([good.nif, badNifAndCommune.nif, badCommune.nif])).toBe(0);

    const fixed = row(columns);
    const again = row(columns, { nif: knownNif });
    await send([good.line, fixed.line, again.line]);
    const success = page.getByTestId('import-success');
    await success.waitFor({ timeout: 15_000 });
    expect(await success.innerText()).toMatch(
      /Lignes lues : 3\s+Contractants créés : 2\s+Déjà enregistrés \(même NIF\), laissés inchangés : 1/,
    );
    expect(await refused.count()).toBe(0);
    const created = await run.t.sql<{ nif: string; status: string; team_capacity: number }>(
      'select nif, status, team_capacity from contractor where nif = any($1) order by nif',
      [[good.nif, fixed.nif]],
    );
    expect(created).toEqual([
      { nif: good.nif, status: 'PENDING_APPROVAL', team_capacity: 2 },
      { nif: fixed.nif, status: 'PENDING_APPROVAL', team_capacity: 2 },
    ]);
    const [{ team_capacity: knownTeams }] = (await run.t.sql<{ team_capacity: number }>(
      'select team_capacity from contractor where id = $1',
      [known.id],
    )) as [{ team_capacity: number }];
    expect(knownTeams).toBe(4);
    await page.close();
  });
  it('reads a file Excel saved for Windows (Windows-1252) with its accents, and says so', async () => {
    const page = await run.signIn('/contractants/import');
    await page.getByRole('heading', { name: 'Importer des contractants' }).waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le modèle (la ligne d’en-tête)' }).click(),
    ]);
    const header = (await readFile((await download.path())!, 'utf8')).trim();
    const accented = row(header.split(','), {
      legal_name: 'Société Électricité Béjaïa',
      address: "12 rue de l'Indépendance",
    });
    // Latin-1 bytes are Windows-1252's for these letters: é is 0xE9, not UTF-8's 0xC3 0xA9.
    await page.getByLabel('Fichier CSV').setInputFiles({
      name: 'excel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${accented.line}\n`, 'latin1'),
    });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByTestId('import-success').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-encoding').innerText()).toContain('Windows-1252');
    expect(await run.t.sql('select legal_name, address from contractor where nif = $1', [accented.nif])).toEqual([
      { legal_name: 'Société Électricité Béjaïa', address: "12 rue de l'Indépendance" },
    ]);
    await page.close();
  });
});
