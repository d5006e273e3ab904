import { describe, expect, it } from 'vitest';
import { mustQuery } from '../../server/test/api.js';
import { browserTest, money } from './browser.js';

/** The calendar day `days` from now in Algiers, "YYYY-MM-DD". */
const algiersDayFromNow = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date(Date.now() + days * 86_400_000));

/** "DD/MM/YYYY" of a "YYYY-MM-DD" day, as the console writes it. */
const frenchDay = (day: string) => day.split('-').reverse().join('/');

describe('the price schedule in a real Chromium', () => {
  const run = browserTest();

  it('shows the versions and the items of the one in force; an administrator records a new version from a date, its items prefilled', async () => {
    const page = await run.signIn('/');
    await page.getByRole('link', { name: 'Bordereau des prix' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Bordereau des prix unitaires' }).waitFor();
    await page.getByTestId('price-schedule-version').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('price-schedule-version').allInnerTexts()).toEqual([
      'BPU raccordement FTTH — proposition (à remplacer par le BPU d’AT)\t01/01/2026\t—\tEn vigueur',
    ]);
    const items = page.getByTestId('price-schedule-item');
    const cellsOf = async (code: string) => (await items.filter({ hasText: code }).innerText()).split('\t');
    expect(await items.count()).toBe(14);
    expect(await cellsOf('RAC-STD')).toEqual([
      'RAC-STD',
      'Raccordement standard (forfait)',
      'forfait',
      money('4 500,00 DA'),
      'TVA19',
    ]);
    expect(await cellsOf('DRP-AER')).toEqual([
      'DRP-AER',
      'Câble de branchement aérien',
      'm',
      money('45,00 DA'),
      'TVA19',
    ]);

    await page.getByRole('button', { name: 'Nouvelle version à partir d’une date' }).click();
    await page.getByTestId('new-version-item').first().waitFor();
    expect(await page.getByTestId('new-version-item').count()).toBe(14);
    // Each line of the form by its code, as the version in force lists them.
    const codes: string[] = [];
    for (let line = 1; line <= 14; line += 1)
      codes.push(await page.getByLabel(`Code, ligne ${line}`, { exact: true }).inputValue());
    const lineOf = (code: string) => codes.indexOf(code) + 1;
    expect(
      await page.getByLabel(`Prix unitaire HT (DA), ligne ${lineOf('RAC-STD')}`, { exact: true }).inputValue(),
    ).toBe('4500,00');

    // A version in force never changes: today is refused by the console, a malformed price beside its cell.
    const today = algiersDayFromNow(0);
    await page.getByLabel('Nom de la version').fill('BPU 2027');
    await page.getByLabel('En vigueur à partir du').fill(today);
    await page.getByLabel(`Prix unitaire HT (DA), ligne ${lineOf('DRP-AER')}`, { exact: true }).fill('47,505');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page.locator('#version-effective-from-problem').waitFor();
    expect(await page.locator('#version-effective-from-problem').innerText()).toBe(
      'doit être après aujourd’hui : une version en vigueur ne change jamais',
    );
    expect(await page.locator('#version-effective-from:focus').count()).toBe(1);
    expect(await page.locator(`#item-${lineOf('DRP-AER') - 1}-unitPrice-problem`).innerText()).toBe(
      'Prix invalide : écrivez par exemple 4 500,00 (deux décimales au plus).',
    );

    // An unknown tax code is the server's refusal, beside its cell.
    const from = algiersDayFromNow(10);
    await page.getByLabel('En vigueur à partir du').fill(from);
    await page.getByLabel(`Prix unitaire HT (DA), ligne ${lineOf('RAC-STD')}`, { exact: true }).fill('4 750,50');
    await page.getByLabel(`Prix unitaire HT (DA), ligne ${lineOf('DRP-AER')}`, { exact: true }).fill('47,5');
    await page.getByRole('button', { name: 'Ajouter un article' }).click();
    await page.getByLabel('Code, ligne 15', { exact: true }).fill('RAC-IMM');
    await page.getByLabel('Désignation, ligne 15', { exact: true }).fill('Raccordement en immeuble (forfait)');
    await page.getByLabel('Unité, ligne 15', { exact: true }).selectOption('FORFAIT');
    await page.getByLabel('Prix unitaire HT (DA), ligne 15', { exact: true }).fill('3900');
    await page.getByLabel('Taxe, ligne 15', { exact: true }).fill('TVA21');
    await page.getByRole('button', { name: `Retirer la ligne ${lineOf('MES-OTDR')}` }).click();
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page
      .locator('#item-13-taxCode-problem')
      .filter({ hasText: 'aucun code de taxe TVA21' })
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#item-13-taxCode:focus').count()).toBe(1);

    await page.getByLabel('Taxe, ligne 14', { exact: true }).fill('TVA19');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Version « BPU 2027 » enregistrée : en vigueur à partir du ${frenchDay(from)}.` })
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(() => page.getByTestId('price-schedule-version').allInnerTexts(), { timeout: 10_000 })
      .toEqual([
        `BPU 2027\t${frenchDay(from)}\t—\tÀ venir`,
        `BPU raccordement FTTH — proposition (à remplacer par le BPU d’AT)\t01/01/2026\t${frenchDay(from)}\tEn vigueur`,
      ]);
    // The new version is shown: its items as recorded, the prices exact to the centime.
    expect(await page.getByTestId('price-schedule-items-heading').innerText()).toBe(
      'Articles de la version « BPU 2027 »',
    );
    expect(await items.count()).toBe(14);
    expect(await cellsOf('RAC-STD')).toEqual([
      'RAC-STD',
      'Raccordement standard (forfait)',
      'forfait',
      money('4 750,50 DA'),
      'TVA19',
    ]);
    expect(await cellsOf('RAC-IMM')).toEqual([
      'RAC-IMM',
      'Raccordement en immeuble (forfait)',
      'forfait',
      money('3 900,00 DA'),
      'TVA19',
    ]);
    expect(await items.filter({ hasText: 'MES-OTDR' }).count()).toBe(0);
    const stored = await run.t.sql<{ code: string; unit_price_centimes: string }>(
      "select i.code, i.unit_price_centimes from price_schedule_item i join price_schedule s on s.id = i.schedule_id where s.name = 'BPU 2027' and i.code in ('RAC-STD', 'DRP-AER') order by i.code",
    );
    expect(stored.map((item) => [item.code, String(item.unit_price_centimes)])).toEqual([
      ['DRP-AER', '4750'],
      ['RAC-STD', '475050'],
    ]);

    // The version in force is still a click away.
    await page.getByRole('link', { name: /^BPU raccordement FTTH/ }).click();
    await expect
      .poll(() => cellsOf('RAC-STD'), { timeout: 10_000 })
      .toEqual(['RAC-STD', 'Raccordement standard (forfait)', 'forfait', money('4 500,00 DA'), 'TVA19']);
    await page.close();
  });

  it('lets everyone signed in read it, and only an administrator write a new version', async () => {
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: 'finance@at.test', displayName: 'Finance', role: 'FINANCE', password: 'finance password long' },
    });
    const finance = await run.signIn('/bordereau', 'finance@at.test', 'finance password long');
    await finance.getByTestId('price-schedule-item').first().waitFor({ timeout: 15_000 });
    expect(await finance.getByRole('button', { name: 'Nouvelle version à partir d’une date' }).count()).toBe(0);
    await finance.close();
  });
});
