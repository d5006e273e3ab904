import { describe, it } from 'vitest';
import { testAdmin } from '../../server/test/harness.js';
import { browserTest } from './browser.js';

describe('a session that ends while a live page is open', () => {
  // The server checks open WebSockets' sessions every second here (30 s by default).
  const run = browserTest({ WS_SESSION_CHECK_SECONDS: '1' });

  it('sends the user back to sign-in, to come back to the page it was on', async () => {
    const page = await run.signIn('/');
    await page.getByText(/^En direct au /).waitFor({ timeout: 15_000 });
    // Read in the page, where localStorage is the browser's.
    const token = await page.evaluate<string | null>("localStorage.getItem('raccord.token')");
    await fetch(`${run.t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    await page.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: 10_000 });
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/');
    await page.close();
  });

  it('is shared by the tabs of the browser, and signing out in one signs out the others', async () => {
    const context = await run.browser.newContext();
    const first = await context.newPage();
    await first.goto(`${run.t.url}/wilayas`);
    await first.getByLabel('Adresse e-mail').fill(testAdmin.email);
    await first.getByLabel('Mot de passe').fill(testAdmin.password);
    await first.getByRole('button', { name: 'Se connecter' }).click();
    await first.getByRole('heading', { name: 'Wilayas' }).waitFor({ timeout: 15_000 });
    const second = await context.newPage();
    await second.goto(`${run.t.url}/factures`);
    await second.getByRole('heading', { name: 'Factures', exact: true }).waitFor({ timeout: 15_000 });
    await first.getByRole('button', { name: 'Se déconnecter' }).click();
    await first.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: 10_000 });
    await second.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: 10_000 });
    await context.close();
  });
});
