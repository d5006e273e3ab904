import { describe, expect, it } from 'vitest';
import { activeContractor, mustQuery } from '../../server/test/api.js';
import { testAdmin } from '../../server/test/harness.js';
import { browserTest } from './browser.js';

describe('users and API keys in a real Chromium', () => {
  const run = browserTest();

  it('creates a DOT manager and disables it; creates an API key shown once, that works until it is revoked', async () => {
    const page = await run.signIn('/acces');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.t.url });
    await page.getByRole('heading', { name: 'Utilisateurs et clés d’API' }).waitFor({ timeout: 15_000 });

    await page.getByLabel('Adresse e-mail').fill('dot-oran@at.dz');
    await page.getByLabel('Nom affiché').fill('DOT Oran');
    await page.getByLabel('Rôle').selectOption('DOT_MANAGER');
    await page.getByLabel('Mot de passe initial (12 caractères au moins)').fill('court');
    await page.getByLabel('Wilayas (codes, ex. 16, 09)').fill('31');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    // The server's refusal, in French, beside the field, which gets the focus back.
    await page
      .locator('#user-password-problem')
      .filter({ hasText: 'doit faire au moins 12 caractères' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Mot de passe initial (12 caractères au moins)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expect.poll(() => page.evaluate<unknown>('document.activeElement?.id')).toBe('user-password');
    await page.getByLabel('Mot de passe initial (12 caractères au moins)').fill('un mot de passe assez long');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'dot-oran@at.dz' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toMatch(/DOT Oran\s+Responsable DOT\s+31\s+Actif/);
    page.once('dialog', (dialog) => void dialog.accept('mutation vers une autre direction'));
    await row.getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/Désactivé le/);

    await page.getByLabel('Nom (l’application qui l’utilise)').fill('Tableau mural DOT');
    await page
      .getByLabel('Droits (séparés par des virgules, ex. READ_SITES, WRITE_ACCEPT_INSTALLATION)')
      .fill('READ_SITES');
    await page.getByRole('button', { name: 'Créer la clé' }).click();
    const secret = await page.getByTestId('api-key-secret').innerText({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Copier' }).click();
    await page.getByRole('button', { name: 'Copiée' }).waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toBe(secret);

    const sites = async () =>
      (
        await fetch(`${run.t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: JSON.stringify({ query: '{ sites(first: 1) { totalCount } }' }),
        })
      ).status;
    expect(await sites()).toBe(200);
    await page.getByRole('button', { name: 'Fermer' }).click();
    expect(await page.getByTestId('api-key-secret').count()).toBe(0);
    const keyRow = page.getByTestId('api-key-row').filter({ hasText: 'Tableau mural DOT' });
    page.once('dialog', (dialog) => void dialog.dismiss());
    await keyRow.getByRole('button', { name: 'Révoquer' }).click();
    expect(await sites()).toBe(200);
    page.once('dialog', (dialog) => void dialog.accept());
    await keyRow.getByRole('button', { name: 'Révoquer' }).click();
    await expect.poll(() => keyRow.innerText(), { timeout: 10_000 }).toMatch(/Révoquée le/);
    expect(await sites()).toBe(401);
    await page.close();
  });

  it('pages the users table past 100 users, and disables one seen only on the third page', async () => {
    // 110 readers more, written straight to the database with the test administrator's password hash.
    await run.t.sql(
      `insert into app_user (version, created_at, updated_at, email, password_hash, display_name, role, wilaya_codes, is_contractor_admin)
       select 1, now(), now(), 'lecteur-' || lpad(n::text, 3, '0') || '@at.test', (select password_hash from app_user where email = $1), 'Lecteur ' || n, 'VIEWER', '[]', false
       from generate_series(1, 110) as n`,
      [testAdmin.email],
    );
    const total = Number((await run.t.sql<{ count: string }>('select count(*) from app_user'))[0]!.count);
    expect(total).toBeGreaterThan(100);
    const page = await run.signIn('/acces');
    const rows = page.getByTestId('user-row');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(50);
    expect(await page.getByTestId('users-shown').innerText()).toBe(`Utilisateurs 1 à 50 sur ${total}.`);
    expect(await page.getByRole('button', { name: 'Première page' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect
      .poll(() => page.getByTestId('users-shown').innerText(), { timeout: 10_000 })
      .toBe(`Utilisateurs 51 à 100 sur ${total}.`);
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await expect
      .poll(() => page.getByTestId('users-shown').innerText(), { timeout: 10_000 })
      .toBe(`Utilisateurs 101 à ${total} sur ${total}.`);
    expect(await rows.count()).toBe(total - 100);
    expect(await page.getByRole('button', { name: 'Page suivante' }).count()).toBe(0);

    // The last user created is on this page only; it can be disabled from here.
    const last = rows.filter({ hasText: 'lecteur-110@at.test' });
    expect(await last.count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept('compte de test en trop'));
    await last.getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => last.innerText(), { timeout: 10_000 }).toMatch(/Désactivé le/);
    const [disabled] = await run.t.sql<{ disabled: boolean }>(
      'select disabled_at is not null as disabled from app_user where email = $1',
      ['lecteur-110@at.test'],
    );
    expect(disabled).toEqual({ disabled: true });
    expect(await page.getByTestId('users-shown').innerText()).toBe(`Utilisateurs 101 à ${total} sur ${total}.`);

    await page.getByRole('button', { name: 'Première page' }).click();
    await expect
      .poll(() => page.getByTestId('users-shown').innerText(), { timeout: 10_000 })
      .toBe(`Utilisateurs 1 à 50 sur ${total}.`);
    expect(await rows.filter({ hasText: testAdmin.email }).count()).toBe(1);
    await page.close();
  });

  it('shows the access page and its roles only to whom the API says manages access: a firm’s admin its firm’s roles, a firm’s other user nothing', async () => {
    const firm = await activeContractor(run.t);
    const password = 'un mot de passe de firme';
    for (const [email, isContractorAdmin] of [
      ['chef@firme.dz', true],
      ['bureau@firme.dz', false],
    ] as const) {
      await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { email, displayName: email, role: 'CONTRACTOR', password, contractorId: firm.id, isContractorAdmin },
      });
    }
    const navigation = (page: Awaited<ReturnType<typeof run.signIn>>) =>
      page.getByRole('navigation', { name: 'Navigation principale' });
    const offeredRoles = (page: Awaited<ReturnType<typeof run.signIn>>) =>
      page.getByLabel('Rôle').locator('option').allInnerTexts();

    const admin = await run.signIn('/acces');
    await admin.getByRole('button', { name: 'Créer l’utilisateur' }).waitFor({ timeout: 15_000 });
    expect(await offeredRoles(admin)).toEqual([
      'Administrateur',
      'Responsable DOT',
      'Finance',
      'Contractant',
      'Technicien',
      'Lecture seule',
    ]);
    await admin.close();

    const firmAdmin = await run.signIn('/acces', 'chef@firme.dz', password);
    await firmAdmin.getByRole('button', { name: 'Créer l’utilisateur' }).waitFor({ timeout: 15_000 });
    expect(await offeredRoles(firmAdmin)).toEqual(['Contractant', 'Technicien']);
    expect(await navigation(firmAdmin).getByRole('link', { name: 'Accès' }).count()).toBe(1);
    await firmAdmin.close();

    const office = await run.signIn('/acces', 'bureau@firme.dz', password);
    await office
      .getByText('Seuls un administrateur et l’administrateur d’une firme gèrent les accès.')
      .waitFor({ timeout: 15_000 });
    expect(await office.getByRole('button', { name: 'Créer l’utilisateur' }).count()).toBe(0);
    expect(await office.getByRole('button', { name: 'Créer la clé' }).count()).toBe(0);
    await navigation(office).getByRole('link', { name: 'Factures' }).waitFor();
    expect(await navigation(office).getByRole('link', { name: 'Accès' }).count()).toBe(0);
    await office.close();
  });
});
