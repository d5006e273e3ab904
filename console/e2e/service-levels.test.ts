import { describe, expect, it } from 'vitest';
import { activeContractor, mustQuery } from '../../server/test/api.js';
import { browserTest, money } from './browser.js';

/** The calendar day `days` from now in Algiers, "YYYY-MM-DD". */
const algiersDayFromNow = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date(Date.now() + days * 86_400_000));

/** "DD/MM/YYYY" of a "YYYY-MM-DD" day, as the console writes it. */
const frenchDay = (day: string) => day.split('-').reverse().join('/');

const startingName = 'Niveaux de service — proposition (à remplacer par ceux d’AT)';
const working = 'Jours ouvrés (dimanche à jeudi, hors fériés)';

describe('the service levels in a real Chromium', () => {
  const run = browserTest();

  it('shows the targets of the version in force; an administrator records a new version from a date, prefilled from it', async () => {
    const page = await run.signIn('/');
    await page.getByRole('link', { name: 'Niveaux de service' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Niveaux de service', level: 1 }).waitFor();
    const versions = page.getByTestId('service-level-version');
    await versions.first().waitFor({ timeout: 10_000 });
    expect(await versions.allInnerTexts()).toEqual([`${startingName}\t01/01/2026\t—\tEn vigueur`]);
    const national = page.getByTestId('service-level-national-target');
    const nationalOf = async (step: string) => (await national.filter({ hasText: step }).innerText()).split('\t');
    expect(await national.count()).toBe(7);
    expect(await nationalOf('Attribution de la commande')).toEqual([
      'Attribution de la commande',
      'Algérie Télécom',
      '2 jours ouvrés',
      working,
    ]);
    expect(await nationalOf('Prise de rendez-vous')).toEqual([
      'Prise de rendez-vous',
      'L’entreprise',
      '3 jours ouvrés',
      working,
    ]);
    expect(await nationalOf('Paiement de la facture')).toEqual([
      'Paiement de la facture',
      'Algérie Télécom',
      '30 jours calendaires',
      'Calendaire (tous les jours)',
    ]);
    const wilayaTargets = page.getByTestId('service-level-wilaya-target');
    await wilayaTargets.first().waitFor();
    expect(await wilayaTargets.count()).toBe(8);
    await expect
      .poll(async () => (await wilayaTargets.filter({ hasText: 'Tamanrasset' }).allInnerTexts()).sort())
      .toEqual([
        `11 — Tamanrasset\tNouveau rapport après rejet\tL’entreprise\t5 jours ouvrés\t${working}`,
        `11 — Tamanrasset\tPrise de rendez-vous\tL’entreprise\t5 jours ouvrés\t${working}`,
      ]);

    await page.getByRole('button', { name: 'Nouvelle version à partir d’une date' }).click();
    await page.getByTestId('new-version-national-target').first().waitFor();
    expect(await page.getByTestId('new-version-national-target').count()).toBe(7);
    expect(await page.getByTestId('new-version-wilaya-target').count()).toBe(8);
    const assignment = page.getByLabel('Objectif, Attribution de la commande', { exact: true });
    expect(await assignment.inputValue()).toBe('2');
    expect(await page.getByLabel('Unité, Attribution de la commande', { exact: true }).inputValue()).toBe('DAYS');
    expect(await page.getByLabel('Décompte, Paiement de la facture', { exact: true }).inputValue()).toBe('CALENDAR');
    expect(await page.getByLabel('Objectif, Paiement de la facture', { exact: true }).inputValue()).toBe('30');

    // A version in force never changes: today is refused by the console, a figure that is not a whole number beside its cell.
    await page.getByLabel('Nom de la version').fill('Niveaux de service 2027');
    await page.getByLabel('En vigueur à partir du').fill(algiersDayFromNow(0));
    await assignment.fill('2,5');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page.locator('#version-effective-from-problem').waitFor();
    expect(await page.locator('#version-effective-from-problem').innerText()).toBe(
      'doit être après aujourd’hui : une version en vigueur ne change jamais',
    );
    expect(await page.locator('#target-0-targetMinutes-problem').innerText()).toBe(
      'doit être un nombre entier à partir de 1',
    );

    // A wilaya's own target on an invoice's step is the server's refusal, beside its cell.
    const from = algiersDayFromNow(10);
    await page.getByLabel('En vigueur à partir du').fill(from);
    await assignment.fill('3');
    await page.getByRole('button', { name: 'Ajouter un objectif de wilaya' }).click();
    await page.getByLabel('Wilaya, wilaya ligne 9', { exact: true }).selectOption('16');
    await page.getByLabel('Étape, wilaya ligne 9', { exact: true }).selectOption('APPROVAL_TO_PAYMENT');
    await page.getByLabel('Objectif, wilaya ligne 9', { exact: true }).fill('4');
    await page.getByLabel('Unité, wilaya ligne 9', { exact: true }).selectOption('HOURS');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page
      .locator('#target-15-wilayaCode-problem')
      .filter({ hasText: 'doit rester vide : une étape de facture n’a qu’un objectif national' })
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#target-15-wilayaCode:focus').count()).toBe(1);

    await page.getByLabel('Étape, wilaya ligne 9', { exact: true }).selectOption('ORDER_TO_ASSIGNMENT');
    await page.getByRole('button', { name: 'Enregistrer la nouvelle version' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: `Version « Niveaux de service 2027 » enregistrée : en vigueur à partir du ${frenchDay(from)}.`,
      })
      .waitFor({ timeout: 10_000 });
    await expect
      .poll(() => versions.allInnerTexts(), { timeout: 10_000 })
      .toEqual([
        `Niveaux de service 2027\t${frenchDay(from)}\t—\tÀ venir`,
        `${startingName}\t01/01/2026\t${frenchDay(from)}\tEn vigueur`,
      ]);
    // The new version is shown: its targets as recorded, the hours in hours.
    expect(await page.getByTestId('service-level-targets-heading').innerText()).toBe(
      'Objectifs de la version « Niveaux de service 2027 »',
    );
    await expect
      .poll(() => nationalOf('Attribution de la commande'), { timeout: 10_000 })
      .toEqual(['Attribution de la commande', 'Algérie Télécom', '3 jours ouvrés', working]);
    expect(await wilayaTargets.filter({ hasText: '16 — Alger' }).innerText()).toBe(
      `16 — Alger\tAttribution de la commande\tAlgérie Télécom\t${money('4 h')}\t${working}`,
    );
    const stored = await run.t.sql<{ target_minutes: number }>(
      "select t.target_minutes from service_level_target t join service_level_schedule s on s.id = t.schedule_id where s.name = 'Niveaux de service 2027' and t.step = 'ORDER_TO_ASSIGNMENT' order by t.wilaya_code nulls first",
    );
    expect(stored.map((target) => Number(target.target_minutes))).toEqual([4320, 240]);

    // The version in force is still a click away.
    await page.getByRole('link', { name: startingName }).click();
    await expect
      .poll(() => nationalOf('Attribution de la commande'), { timeout: 10_000 })
      .toEqual(['Attribution de la commande', 'Algérie Télécom', '2 jours ouvrés', working]);
    await page.close();
  });

  it('lists the year’s public holidays; an administrator adds one to come and removes it, a holiday today or past offered for removal no more', async () => {
    const today = algiersDayFromNow(0);
    await run.t.sql("insert into public_holiday (day, name) values ($1, 'Fête du jour') on conflict do nothing", [
      today,
    ]);
    const page = await run.signIn('/niveaux-de-service');
    const holidays = page.getByTestId('public-holiday');
    await holidays.first().waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Année').inputValue()).toBe(today.slice(0, 4));

    const coming = algiersDayFromNow(20);
    await page.getByRole('button', { name: 'Ajouter le jour férié' }).click();
    await page.locator('#holiday-day-problem').filter({ hasText: 'est obligatoire' }).waitFor();
    await page.getByLabel('Jour', { exact: true }).fill(coming);
    await page.getByLabel('Nom du jour férié').fill('Jour férié de test');
    await page.getByRole('button', { name: 'Ajouter le jour férié' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Jour férié du ${frenchDay(coming)} ajouté.` })
      .waitFor({ timeout: 10_000 });
    const added = holidays.filter({ hasText: 'Jour férié de test' });
    await added.waitFor({ timeout: 10_000 });
    expect((await added.innerText()).split('\t').slice(0, 2)).toEqual([frenchDay(coming), 'Jour férié de test']);

    await page.getByRole('button', { name: `Retirer le jour férié du ${frenchDay(coming)}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Jour férié du ${frenchDay(coming)} retiré.` })
      .waitFor({ timeout: 10_000 });
    await expect.poll(() => added.count(), { timeout: 10_000 }).toBe(0);

    // A holiday today stays (clocks already counted never change): the API says it is not removable, and no button offers it.
    await page.getByLabel('Année').selectOption(today.slice(0, 4));
    await holidays.filter({ hasText: frenchDay(today) }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('button', { name: `Retirer le jour férié du ${frenchDay(today)}` }).count()).toBe(0);
    expect(await holidays.filter({ hasText: frenchDay(today) }).count()).toBe(1);
    await page.close();
  });

  it('lets a firm’s user read the service levels and the holidays, without a form', async () => {
    const firm = await activeContractor(run.t);
    const password = 'un mot de passe de firme';
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email: 'bureau@firme.dz', displayName: 'Bureau', role: 'CONTRACTOR', password, contractorId: firm.id },
    });
    const firmPage = await run.signIn('/', 'bureau@firme.dz', password);
    await firmPage.getByRole('link', { name: 'Niveaux de service' }).click({ timeout: 15_000 });
    await firmPage.getByTestId('service-level-national-target').first().waitFor({ timeout: 15_000 });
    await firmPage.getByTestId('public-holiday').first().waitFor({ timeout: 10_000 });
    expect(await firmPage.getByRole('button', { name: 'Nouvelle version à partir d’une date' }).count()).toBe(0);
    expect(await firmPage.getByRole('button', { name: 'Ajouter le jour férié' }).count()).toBe(0);
    expect(await firmPage.getByRole('button', { name: /^Retirer le jour férié/ }).count()).toBe(0);
    await firmPage.close();
  });
});
