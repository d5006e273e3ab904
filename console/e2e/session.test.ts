import { describe, it } from 'vitest';
import { browserTest } from './browser.js';

describe('a session that ends while a live page is open', () => {
  // The server checks open WebSockets' sessions every second here (30 s by default).
  const run = browserTest({ WS_SESSION_CHECK_SECONDS: '1' });

  it('sends the user back to sign-in, to come back to the page it was on', async () => {
    const page = await run.signIn('/');
    await page.getByText(/^En direct au /).waitFor({ timeout: 15_000 });
    // Runs in the page, where sessionStorage is the browser's.
    const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('raccord.token'));
    await fetch(`${run.t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    await page.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: 10_000 });
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/');
    await page.close();
  });
});
