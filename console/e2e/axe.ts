import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The rules axe checks: WCAG 2.0 and 2.1, levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical violations of WCAG 2.1 A and AA that axe finds on `page` as it is now,
 * each in words: the rule, its help, and every element with axe's explanation.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe within the page itself: the default opens a page of its own in the page's
  // context, which `browser.newPage()`'s pages (browserTest's signIn) refuse. The console has no frames.
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode().analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) =>
      [
        `${violation.id} (${violation.impact}): ${violation.help}`,
        ...violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`),
      ].join('\n'),
    );
}

/**
 * Fails the test when axe finds a serious or critical violation of WCAG 2.1 A or AA on `page` as it
 * is now, listing them (`accessibilityViolations`); `where` names the page (its path by default). The
 * failure is soft: the test goes on and reports every page's violations together. Call it once the
 * page shows what it checks: `pageReady` waits for a console page's content.
 */
export async function expectAccessible(page: Page, where = new URL(page.url()).pathname): Promise<void> {
  expect.soft(await accessibilityViolations(page), `accessibility of ${where}`).toEqual([]);
}

/**
 * Waits until the console's page shows its content: its main heading is there and nothing on it is
 * loading any more (`aria-busy`, which the loading skeletons carry).
 */
export async function pageReady(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 15_000 }).toBe(0);
}
