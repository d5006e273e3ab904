import { describe, expect, it } from 'vitest';
import { activeContractor } from '../../server/test/api.js';
import { validRib } from '../../server/test/factories.js';
import { browserTest } from './browser.js';

describe('contractors in a real Chromium', () => {
  const run = browserTest();

  const signedIn = (path: string) => run.signIn(path);

  it('creates a contractor through the form — its own checks and the server’s shown beside their fields — then approves it with a reason', async () => {
    const existing = await activeContractor(run.t);
    const [{ nif: takenNif }] = (await run.t.sql<{ nif: string }>('select nif from contractor where id = $1', [
      existing.id,
    ])) as [{ nif: string }];
    const page = await signedIn('/contractants');
    await page.getByRole('heading', { name: 'Contractants' }).waitFor();
    await page.getByRole('link', { name: 'Nouveau contractant' }).click();
    await page.getByRole('heading', { name: 'Nouveau contractant' }).waitFor();

    await page.getByLabel('Raison sociale').fill('SARL Fibre des Hauts Plateaux');
    await page.getByLabel('NIF').fill(takenNif);
    await page.getByLabel('NIS').fill('099116000000123');
    await page.getByLabel('N° de registre du commerce (RC)').fill('19/00-0012345B21');
    await page.getByLabel('Article d’imposition').fill('19012345678');
    await page.getByLabel('Adresse').fill('Cité 1000 logements, bâtiment 4');
    await page.getByLabel('Wilaya du siège').selectOption('19');
    await expect
      .poll(() => page.getByLabel('Commune du siège').locator('option').count(), { timeout: 10_000 })
      .toBeGreaterThan(10);
    await page.getByLabel('Commune du siège').selectOption({ index: 1 });
    const rib = validRib(424242);
    await page
      .getByLabel('RIB ou RIP (20 chiffres)')
      .fill(`${rib.slice(0, 18)}${rib.slice(18) === '00' ? '01' : '00'}`);
    await page.getByLabel('Wilayas d’intervention (codes, ex. 16, 09)').fill('19, 05');
    await page.getByLabel('Nombre d’équipes').fill('3');

    // The console's own check: the RIB key is wrong; nothing is sent.
    await page.getByRole('button', { name: 'Créer le contractant' }).click();
    await page.locator('#contractor-bankAccount-problem').filter({ hasText: 'clé' }).waitFor();
    expect(await page.getByLabel('RIB ou RIP (20 chiffres)').getAttribute('aria-invalid')).toBe('true');

    // The server's check: the NIF is taken; its answer shows beside the NIF.
    await page.getByLabel('RIB ou RIP (20 chiffres)').fill(rib);
    await page.getByRole('button', { name: 'Créer le contractant' }).click();
    await page.locator('#contractor-nif-problem').waitFor({ timeout: 10_000 });
    expect(await page.locator('#contractor-nif-problem').innerText()).toBe(
      'Cette valeur est déjà utilisée par un autre enregistrement.',
    );

    await page.getByLabel('NIF').fill('000019000000777');
    await page.getByRole('button', { name: 'Créer le contractant' }).click();
    await page.getByRole('heading', { name: 'SARL Fibre des Hauts Plateaux' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('contractor-status').innerText()).toBe('En attente d’agrément');

    await page.getByRole('button', { name: 'Agréer' }).click();
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Indiquez la raison' }).waitFor();
    await page.getByLabel('Raison (gardée dans l’historique)').fill('dossier complet, visite du dépôt faite');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.getByTestId('contractor-status').innerText(), { timeout: 10_000 }).toBe('Actif');
    // The reason shows beside the status and in the history, which follows the change.
    await page.locator('.muted', { hasText: 'dossier complet, visite du dépôt faite' }).waitFor();
    await page
      .getByTestId('timeline-event')
      .filter({ hasText: 'En attente d’agrément → Actif (dossier complet, visite du dépôt faite)' })
      .waitFor({ timeout: 10_000 });

    await page.getByRole('link', { name: '← Contractants' }).click();
    await page.getByLabel('Rechercher (raison sociale, nom commercial ou NIF)').fill('hauts plateaux');
    await expect.poll(() => page.getByTestId('contractor-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('contractor-row').innerText()).toMatch(
      /SARL Fibre des Hauts Plateaux\s+000019000000777\s+Actif\s+05, 19\s+3/,
    );
    await page.close();
  });
});
