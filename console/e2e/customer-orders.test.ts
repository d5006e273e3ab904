import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { activeContractor, createSite, mustQuery } from '../../server/test/api.js';
import { nextSequence } from '../../server/test/factories.js';
import { browserTest } from './browser.js';

/** The calendar day `days` from now (UTC), "YYYY-MM-DD". */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** "DD/MM/YYYY" of a "YYYY-MM-DD" day, as the console writes it. */
const frenchDay = (day: string) => day.split('-').reverse().join('/');

describe('recording and importing customer orders in a real Chromium', () => {
  const run = browserTest();

  const ordersByReference = (references: string[]) =>
    run.t.sql<{ order_reference: string; status: string; site_id: string | null; customer_phone: string }>(
      'select order_reference, status, site_id, customer_phone from customer_subscription where order_reference = any($1) order by order_reference',
      [references],
    );

  it('records an order one by one: the refusals beside their fields, a site of the wilaya, the order time in Algiers time', async () => {
    const site = await createSite(run.t, { name: 'Cité des Orangers' });
    const reference = `AT-16-${nextSequence()}`;
    const page = await run.signIn('/raccordements');
    await page.getByRole('link', { name: 'Nouvelle commande' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Nouvelle commande' }).waitFor();

    await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
    await page.locator('#order-reference-problem').waitFor();
    expect(await page.locator('#order-reference:focus').count()).toBe(1);
    expect(await page.locator('#order-wilaya-problem').innerText()).toBe('est obligatoire');

    await page.getByLabel('Référence de la commande (AT)').fill(reference);
    await page.getByLabel('Nom du client').fill('Karim Benali');
    await page.getByLabel('Téléphone du client').fill('12 34');
    await page.getByLabel('Adresse du logement').fill('Bt 4, cité des Orangers');
    await page.getByLabel('Wilaya', { exact: true }).selectOption('16');
    await page.getByLabel('Commune', { exact: true }).selectOption('554');
    await page.getByLabel('Offre (ex. IDOOM FIBRE 300 Mbps)').fill('IDOOM FIBRE 300 Mbps');
    await page
      .getByLabel('Site (facultatif)')
      .selectOption({ label: `${site.code.toUpperCase()} — Cité des Orangers (Planifié)` });
    const yesterday = dayFromNow(-1);
    await page.getByLabel('Commandé le (heure d’Alger ; vide : maintenant)').fill(`${yesterday}T09:15`);

    // The server refuses the phone number: said beside it, in French, with the focus on it.
    await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
    await page
      .locator('#order-customer-phone-problem')
      .filter({ hasText: 'doit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56' })
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#order-reference-problem').count()).toBe(0);
    expect(await page.locator('#order-customer-phone:focus').count()).toBe(1);

    await page.getByLabel('Téléphone du client').fill('0661 23 45 67');
    await page.getByRole('button', { name: 'Enregistrer la commande' }).click();
    await page.getByRole('heading', { name: `Commande ${reference}` }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('customer-subscription-status').innerText()).toBe('En attente');
    await page
      .locator('dl.details')
      .getByText(`${frenchDay(yesterday)} 09:15:00`)
      .waitFor();
    await page.getByRole('link', { name: `${site.code.toUpperCase()} — Cité des Orangers` }).waitFor();
    const [row] = await run.t.sql<{ ordered_at: Date; customer_phone: string; site_id: string }>(
      'select ordered_at, customer_phone, site_id from customer_subscription where order_reference = $1',
      [reference],
    );
    // 09:15 in Algiers (UTC+1) is 08:15 UTC.
    expect(row!.ordered_at.toISOString()).toBe(`${yesterday}T08:15:00.000Z`);
    expect(row!.customer_phone).toBe('+213661234567');
    expect(String(row!.site_id)).toBe(site.id);
    await page.close();
  });

  it('imports an order backlog: a refused file lists each row’s problems and writes nothing; then the orders appear, one is assigned and booked', async () => {
    await activeContractor(run.t, { legalName: 'SARL Fibre des Hauts Plateaux' });
    const site = await createSite(run.t);
    const page = await run.signIn('/raccordements');
    await page.getByRole('link', { name: 'Importer un fichier CSV' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Importer des commandes' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le modèle (la ligne d’en-tête)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('commandes-modele.csv');
    const header = (await readFile((await download.path())!, 'utf8')).trim();
    const columns = header.split(',');
    expect(columns).toEqual([
      'order_reference',
      'customer_name',
      'customer_phone',
      'customer_address',
      'commune_id',
      'offer',
      'site_code',
      'ordered_at',
    ]);
    const line = (values: Record<string, string>) => {
      const n = nextSequence();
      const row: Record<string, string> = {
        order_reference: `IMP-16-${n}`,
        customer_name: `Client ${n}`,
        customer_phone: '0550 12 34 56',
        customer_address: `${n} rue Didouche Mourad`,
        commune_id: '554',
        offer: 'IDOOM FIBRE 100 Mbps',
        ...values,
      };
      return { reference: row['order_reference']!, text: columns.map((column) => row[column] ?? '').join(',') };
    };
    const send = async (rows: string[]) => {
      await page.getByLabel('Fichier CSV').setInputFiles({
        name: 'commandes.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${[header, ...rows].join('\n')}\n`, 'utf8'),
      });
      await page.getByRole('button', { name: 'Importer' }).click();
    };

    const good = line({});
    const badPhone = line({ customer_phone: '12' });
    const badCommune = line({ commune_id: '999999' });
    const badSite = line({ site_code: 'NULLE-PART' });
    await send([good.text, badPhone.text, badCommune.text, badSite.text]);
    await page.getByTestId('import-refused').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-refused').innerText()).toContain(
      'Fichier refusé : aucune commande n’a été enregistrée.',
    );
    expect(await page.getByTestId('import-error-count').innerText()).toBe('Problèmes : 3');
    expect((await page.getByTestId('import-error-row').allInnerTexts()).sort()).toEqual([
      '3\tcustomer_phone\tdoit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56',
      '4\tcommune_id\taucune commune n’a l’identifiant 999999',
      '5\tsite_code\taucun site n’a le code NULLE-PART',
    ]);
    expect(
      await ordersByReference([good.reference, badPhone.reference, badCommune.reference, badSite.reference]),
    ).toEqual([]);

    const onSite = line({ site_code: site.code });
    const dated = line({ ordered_at: `${dayFromNow(-3)}T08:30:00+01:00` });
    await send([good.text, onSite.text, dated.text]);
    await page.getByTestId('import-success').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-success').innerText()).toMatch(
      /Lignes lues : 3\s+Commandes créées : 3\s+Déjà enregistrées \(même référence\), laissées inchangées : 0/,
    );
    const imported = await ordersByReference([good.reference, onSite.reference, dated.reference]);
    expect(imported.map((order) => [order.order_reference, order.status, order.site_id === null])).toEqual(
      [
        [good.reference, 'PENDING', true],
        [onSite.reference, 'PENDING', false],
        [dated.reference, 'PENDING', true],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );

    // The new orders wait in the list; one is given to a firm of the wilaya and its appointment booked.
    await page.goto(`${run.t.url}/raccordements?statut=PENDING`);
    await page.getByRole('link', { name: good.reference }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: `Commande ${good.reference}` }).waitFor();
    await page.getByRole('button', { name: 'Affecter' }).click();
    await page.getByRole('combobox', { name: 'Contractant (actifs dans la wilaya)' }).fill('Hauts Plateaux');
    await page.getByRole('option', { name: /^SARL Fibre des Hauts Plateaux/ }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => page.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Affecté');
    const day = dayFromNow(4);
    await page.getByRole('button', { name: 'Planifier le rendez-vous' }).click();
    await page.getByLabel('Rendez-vous (heure d’Alger)').fill(`${day}T11:00`);
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => page.getByTestId('customer-subscription-status').innerText(), { timeout: 10_000 })
      .toBe('Rendez-vous pris');
    expect(await page.getByTestId('customer-subscription-appointment').innerText()).toBe(`${frenchDay(day)} 11:00:00`);
    await page.close();
  });

  it('offers the import to administrators only and the new order to DOT managers too', async () => {
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: 'dot-alger@at.test',
        displayName: 'DOT Alger',
        role: 'DOT_MANAGER',
        password: 'dot manager password',
        wilayaCodes: ['16'],
      },
    });
    const dot = await run.signIn('/raccordements', 'dot-alger@at.test', 'dot manager password');
    await dot.getByRole('link', { name: 'Nouvelle commande' }).waitFor({ timeout: 15_000 });
    expect(await dot.getByRole('link', { name: 'Importer un fichier CSV' }).count()).toBe(0);
    await dot.goto(`${run.t.url}/raccordements/import`);
    await dot.getByText('Seul un administrateur peut importer des commandes.').waitFor({ timeout: 15_000 });
    await dot.close();
  });
});
