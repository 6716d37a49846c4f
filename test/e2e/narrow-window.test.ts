/**
 * A workstation's window is not always 1920 px wide. From the app's narrowest (1100 px) to full HD, in Chinese and
 * in English, every control of the header is there whole (no switch squeezed until its last buttons vanish, nothing
 * past the edge), the map's hint never lies under the search box, and a unit's name in the list is never cut
 * while there is room for it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleInBrowser } from '../helpers/e2e-setup';
import { ConsolePage } from './pages/console-page';

const setup = consoleInBrowser();

const HEADER_CONTROLS = ['view-map', 'view-board', 'view-cases', 'view-kpi', 'warnings-button', 'replay-button', 'diagnostics-button', 'lang-zh-CN', 'lang-en', 'link-status'];

/** Each control's box, whether it lies inside the window, and whether its text is cut (wider than its box). */
async function controls(page: Page, width: number): Promise<string[]> {
  const faults: string[] = [];
  for (const id of HEADER_CONTROLS) {
    const el = page.getByTestId(id);
    const box = await el.boundingBox();
    if (!box) {
      faults.push(`${id}: not shown`);
      continue;
    }
    if (box.x < 0 || box.x + box.width > width + 0.5) faults.push(`${id}: at ${box.x.toFixed(0)}–${(box.x + box.width).toFixed(0)} of ${width}`);
    // The field link's label may narrow (its dot and outbox stay); nothing else may be cut.
    if (id !== 'link-status' && (await el.evaluate((e) => e.scrollWidth > e.clientWidth + 1))) faults.push(`${id}: text cut`);
  }
  const clock = await page.locator('.qx-clock').boundingBox();
  if (!clock || clock.x + clock.width > width + 0.5) faults.push('clock: past the edge');
  for (const group of ['view-switch', 'language-switch']) {
    if (await page.getByTestId(group).evaluate((e) => e.scrollWidth > e.clientWidth + 1)) faults.push(`${group}: squeezed`);
  }
  return faults;
}

describe('narrow windows', () => {
  it('shows the whole header, the hint clear of the search and whole unit names from 1100 to 1920 px, in both languages', async () => {
    const page = await setup.browser.context.newPage();
    const app = new ConsolePage(page, setup.console.url);
    await app.open(setup.console.token);
    const faults: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      await app.setLanguage(lang);
      for (const width of [1100, 1280, 1440, 1600, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        faults.push(...(await controls(page, width)).map((f) => `${lang} ${width}: ${f}`));
        const hint = await page.locator('.qx-map-hint').boundingBox();
        const search = await page.locator('.qx-pano-search').boundingBox();
        if (hint && search && hint.x + hint.width > search.x) faults.push(`${lang} ${width}: the map's hint runs under the search box`);
        // The fire engines' names (城东消防站 水罐车1 …) are short enough for the list at every width.
        const cut = await page.locator('.qx-unit__name').evaluateAll((els) => els.slice(0, 10).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
        if (cut.length > 0) faults.push(`${lang} ${width}: unit names cut: ${cut.join(', ')}`);
      }
    }
    expect(faults).toEqual([]);
  });
});
