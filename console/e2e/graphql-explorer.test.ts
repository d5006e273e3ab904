import { describe, expect, it } from 'vitest';
import { browserTest } from './browser.js';

describe('the GraphQL explorer (development) in a real Chromium without internet', () => {
  const session = browserTest();

  it('loads GraphiQL from the server alone and runs a query', async () => {
    const page = await session.browser.newPage();
    session.watchCsp(page);
    const origin = new URL(session.t.url).origin;
    const elsewhere: string[] = [];
    // The network cut off: anything not asked of Raccord itself fails, and is noted.
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) await route.continue();
      else {
        elsewhere.push(url);
        await route.abort('internetdisconnected');
      }
    });
    await page.goto(`${session.t.url}/graphql`);
    // The editors load after the page (slowly on a busy machine): a run asked before they hold the
    // default query sends nothing, so it is asked again until the answer shows.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: /execute query/i }).click();
          return page.locator('.graphiql-response').innerText();
        },
        { timeout: 30_000 },
      )
      // The answer of the default query, signed out: nobody.
      .toMatch(/"data":\s*\{\s*"me":\s*null\s*\}/);
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});
