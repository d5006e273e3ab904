import { beforeAll, describe, expect, it } from 'vitest';
import { createSite, mustQuery } from '../../server/test/api.js';
import { validRib } from '../../server/test/factories.js';
import { browserTest } from './browser.js';

/** The columns of the contractors CSV the test imports (the required ones and the RC number). */
const columns = [
  'legal_name',
  'legal_form',
  'fiscal_regime',
  'nif',
  'nis',
  'tax_article',
  'address',
  'commune_id',
  'bank_account',
  'operating_wilaya_codes',
  'team_capacity',
  'rc_number',
];

/** A CSV line of a valid SARL numbered `n`, seated in Aïn Benian (commune 554), operating in `wilayas` ("16;09"). */
function line(n: number, legalName: string, wilayas: string, nif = `4${String(n).padStart(14, '0')}`): string {
  const values: Record<string, string> = {
    legal_name: legalName,
    legal_form: 'SARL',
    fiscal_regime: 'REAL',
    nif,
    nis: `0991600${String(n).padStart(8, '0')}`,
    tax_article: `16${String(n).padStart(9, '0')}`,
    address: '3 rue Hassiba Ben Bouali',
    commune_id: '554',
    bank_account: validRib(n),
    operating_wilaya_codes: wilayas,
    team_capacity: '2',
    rc_number: `16/00-${String(n).padStart(7, '0')}B23`,
  };
  return columns.map((column) => values[column]).join(',');
}

/** The firm to find: its name sorts after the 120 others of wilaya 16, past the old lists' 100 entries. */
const target = { legalName: 'SARL Zéphyr Raccordements', nif: '098765432100017' };

describe('choosing a contractor among many in a real Chromium', () => {
  const run = browserTest();
  let targetId = '';

  beforeAll(async () => {
    const lines = Array.from({ length: 120 }, (_, index) =>
      line(index + 1, `SARL Fibre Lot ${String(index + 1).padStart(3, '0')}`, '16;09'),
    );
    lines.push(line(900, target.legalName, '16;09', target.nif), line(901, 'SARL Zéphyr Oranie', '31'));
    const { importContractors } = await mustQuery<{ importContractors: { created: number; errorCount: number } }>(
      run.t,
      'mutation ($csv: String!) { importContractors(csv: $csv) { created errorCount } }',
      { csv: `${[columns.join(','), ...lines].join('\n')}\n` },
    );
    expect(importContractors).toEqual({ created: 122, errorCount: 0 });
    // Imported firms wait for approval: each is approved through the API, a few at a time.
    const pending = await run.t.sql<{ id: string }>(
      "select id from contractor where status = 'PENDING_APPROVAL' order by id",
    );
    for (let start = 0; start < pending.length; start += 8) {
      await Promise.all(
        pending
          .slice(start, start + 8)
          .map(({ id }) =>
            mustQuery(
              run.t,
              'mutation ($id: ID!) { approveContractor(input: { id: $id, expectedVersion: 1, reason: "dossier complet" }) { contractor { id } } }',
              { id: String(id) },
            ),
          ),
      );
    }
    const [found] = await run.t.sql<{ id: string }>('select id from contractor where nif = $1', [target.nif]);
    targetId = String(found!.id);
    // The firm is past the first 100 active firms by legal name: a list of 100 never offered it.
    const firstHundred = await mustQuery<{ contractors: { totalCount: number; edges: { node: { id: string } }[] } }>(
      run.t,
      '{ contractors(first: 100, filter: { status: ACTIVE }) { totalCount edges { node { id } } } }',
    );
    expect(firstHundred.contractors.totalCount).toBe(122);
    expect(firstHundred.contractors.edges.map(({ node }) => node.id)).not.toContain(targetId);
  });

  it('creates a firm’s user with a firm past the 100th, found by typing part of its name and chosen with the keyboard only', async () => {
    const page = await run.signIn('/acces');
    await page.getByRole('heading', { name: 'Utilisateurs et clés d’API' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Adresse e-mail').fill('chef@zephyr.test');
    await page.getByLabel('Nom affiché').fill('Chef de Zéphyr');
    await page.getByLabel('Rôle').selectOption('CONTRACTOR');
    await page.getByLabel('Mot de passe initial (12 caractères au moins)').fill('un mot de passe assez long');

    // Tab reaches the firm's combobox, labelled, its list closed.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<unknown>('document.activeElement?.id')).toBe('user-contractor');
    const firm = page.getByRole('combobox', { name: 'Firme' });
    const options = page.getByRole('listbox', { name: 'Firme', includeHidden: true }).getByRole('option');
    expect(await firm.getAttribute('aria-expanded')).toBe('false');
    expect(await firm.getAttribute('aria-controls')).toBe('user-contractor-listbox');

    // A broad search offers the first 20 and says that others match; Escape closes the list, then empties the field.
    await page.keyboard.type('Fibre Lot');
    await page
      .getByText('Contractants proposés : 20. D’autres correspondent : précisez le nom ou le NIF.')
      .waitFor({ timeout: 10_000 });
    expect(await options.count()).toBe(20);
    expect(await firm.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await firm.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await firm.inputValue()).toBe('');

    // Part of the name finds both firms of that name, each with its NIF; the arrows move through them.
    await page.keyboard.type('Zéphyr');
    await page.getByText('Contractants proposés : 2.').waitFor({ timeout: 10_000 });
    expect(await options.allInnerTexts()).toEqual([
      `SARL Zéphyr Oranie NIF 4${String(901).padStart(14, '0')}`,
      `SARL Zéphyr Raccordements NIF ${target.nif}`,
    ]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const option = options.filter({ hasText: target.legalName });
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await firm.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    expect(await firm.inputValue()).toBe(target.legalName);
    expect(await firm.getAttribute('aria-expanded')).toBe('false');
    await page.getByText(`Contractant choisi : ${target.legalName}, NIF ${target.nif}.`).waitFor();
    expect(await page.evaluate<unknown>('document.activeElement?.id')).toBe('user-contractor');

    // Enter, the list closed, submits the form.
    await page.keyboard.press('Enter');
    await page.getByText('Utilisateur chef@zephyr.test créé.').waitFor({ timeout: 10_000 });
    const row = page.getByTestId('user-row').filter({ hasText: 'chef@zephyr.test' });
    expect(await row.innerText()).toMatch(/Chef de Zéphyr\s+Contractant\s+SARL Zéphyr Raccordements\s+Actif/);
    const [user] = await run.t.sql<{ contractor_id: string; role: string }>(
      'select contractor_id, role from app_user where email = $1',
      ['chef@zephyr.test'],
    );
    expect({ contractorId: String(user!.contractor_id), role: user!.role }).toEqual({
      contractorId: targetId,
      role: 'CONTRACTOR',
    });
    await page.close();
  });

  it('assigns a site to a firm of its wilaya found by part of its NIF, after changing a first choice; a firm of another wilaya is not offered', async () => {
    const site = await createSite(run.t);
    const page = await run.signIn(`/sites/${site.id}`);
    await page.getByRole('button', { name: 'Affecter' }).click({ timeout: 15_000 });
    const choice = page.getByRole('combobox', { name: 'Contractant (actifs dans la wilaya)' });
    const options = page
      .getByRole('listbox', { name: 'Contractant (actifs dans la wilaya)', includeHidden: true })
      .getByRole('option');
    await choice.focus();

    // SARL Zéphyr Oranie works in wilaya 31 only: the site, in Algiers (16), has no such firm.
    await page.keyboard.type('Oranie');
    await page.getByText('Aucun contractant actif ne correspond à « Oranie ».').waitFor({ timeout: 10_000 });
    expect(await options.count()).toBe(0);

    // A first choice…
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Lot 042');
    await page.getByText('Contractants proposés : 1.').waitFor({ timeout: 10_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText(`Contractant choisi : SARL Fibre Lot 042, NIF 4${String(42).padStart(14, '0')}.`).waitFor();

    // … changed: the button empties the field and gives it the focus back, the list open.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<unknown>('document.activeElement?.textContent')).toBe('Changer de contractant');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<unknown>('document.activeElement?.id')).toBe('site-contractor-choice');
    expect(await choice.inputValue()).toBe('');
    await page
      .getByText('Contractants proposés : 20. D’autres correspondent : précisez le nom ou le NIF.')
      .waitFor({ timeout: 10_000 });
    await page.keyboard.type(target.nif.slice(3, 12));
    await page.getByText('Contractants proposés : 1.').waitFor({ timeout: 10_000 });
    expect(await options.innerText()).toBe(`${target.legalName} NIF ${target.nif}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText(`Contractant choisi : ${target.legalName}, NIF ${target.nif}.`).waitFor();
    // The list closed, Enter submits the form (while it is open, Enter chooses).
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBe(0);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('site-status').innerText(), { timeout: 20_000 }).toBe('Affecté');
    expect(await page.getByTestId('site-contractor').innerText()).toBe(target.legalName);
    const [stored] = await run.t.sql<{ contractor_id: string; status: string }>(
      'select contractor_id, status from site where id = $1',
      [site.id],
    );
    expect({ contractorId: String(stored!.contractor_id), status: stored!.status }).toEqual({
      contractorId: targetId,
      status: 'ASSIGNED',
    });
    await page.close();
  });

  it('asks for a firm when none was chosen (typed text is no choice), beside the field, which gets the focus', async () => {
    const page = await run.signIn('/acces');
    await page.getByRole('heading', { name: 'Utilisateurs et clés d’API' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Adresse e-mail').fill('sans-firme@zephyr.test');
    await page.getByLabel('Nom affiché').fill('Sans firme');
    await page.getByLabel('Rôle').selectOption('CONTRACTOR');
    await page.getByLabel('Mot de passe initial (12 caractères au moins)').fill('un mot de passe assez long');
    await page.getByRole('combobox', { name: 'Firme' }).fill('Zéphyr');
    await page.getByText('Contractants proposés : 2.').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    const firm = page.getByRole('combobox', { name: 'Firme' });
    await expect.poll(() => firm.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    expect(await firm.getAttribute('aria-describedby')).toBe('user-contractor-problem');
    expect(await page.locator('#user-contractor-problem').innerText()).toBe(
      'Choisissez la firme de l’utilisateur dans la liste.',
    );
    await expect.poll(() => page.evaluate<unknown>('document.activeElement?.id')).toBe('user-contractor');
    expect(await run.t.sql('select id from app_user where email = $1', ['sans-firme@zephyr.test'])).toEqual([]);
    await page.close();
  });
});
