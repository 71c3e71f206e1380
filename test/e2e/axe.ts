// axe-core's serious and critical violations on a page as it is now: axe is evaluated through the DevTools
// protocol, which the page's CSP does not govern (an injected <script> would be refused). Every browser test
// uses this one. `exclude` leaves out what a test does not own (CSS selectors).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async (exclude) => {
    const w = globalThis as any; // the page's window (the tests are typed without the DOM library)
    const { violations } = await w.axe.run({ include: [w.document], exclude: exclude.map((s) => [s]) }, { resultTypes: ['violations'] });
    return (violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>)
      .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, exclude);
}
