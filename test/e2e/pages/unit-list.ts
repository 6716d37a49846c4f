/** Page model of the unit list (left column): a virtual list, so only the lines in view exist. */
import type { Locator, Page } from 'playwright-core';

export class UnitListPanel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('unit-list');
  }

  /** The fleet's size as the list's title shows it. */
  count(): Promise<string> {
    return this.root.getByTestId('unit-count').innerText();
  }

  /** The unit rows in the document (those in view and a few beyond). */
  get rows(): Locator {
    return this.root.getByTestId('unit-row');
  }

  row(unitId: string): Locator {
    return this.root.locator(`[data-testid="unit-row"][data-unit="${unitId}"]`);
  }

  /** The agency whose heading is at the top of the list's view (it sticks there while its units scroll). */
  headingInView(): Promise<string | null> {
    return this.root.getByTestId('unit-list-scroll').evaluate((scroll) => {
      const top = scroll.getBoundingClientRect().top;
      const at = Array.from(scroll.querySelectorAll('[data-testid="unit-group"]')).find((h) => Math.abs(h.getBoundingClientRect().top - top) < 2);
      return at?.getAttribute('data-agency') ?? null;
    });
  }

  /** Scrolls the list to a fraction of its length, or to its end. */
  async scrollTo(where: number | 'end'): Promise<void> {
    await this.root.getByTestId('unit-list-scroll').evaluate((scroll, w) => {
      const max = scroll.scrollHeight - scroll.clientHeight;
      scroll.scrollTop = w === 'end' ? max : w * max;
    }, where);
  }

  async filter(text: string): Promise<void> {
    await this.root.getByTestId('unit-filter').fill(text);
  }
}
