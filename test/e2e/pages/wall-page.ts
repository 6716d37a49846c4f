/**
 * Page model of a wall screen (/wall/{layout}): opened with a token as a wall controller would,
 * read in the words of the wall (layout, figures, rows, tiles) and measured as seen from the hall
 * (rendered text heights in CSS pixels, a real screenshot).
 */
import type { Locator, Page } from 'playwright-core';

export type WallLayout = 'map' | 'kpi' | 'cameras' | 'incidents';

export interface TextBox {
  readonly text: string;
  /** Height of the text's line box as rendered (CSS px). */
  readonly height: number;
  /** Its computed font size (CSS px). */
  readonly fontSize: number;
}

export class WallPage {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  get root(): Locator {
    return this.page.getByTestId('wall');
  }

  /** Opens `/wall/{layout}` with the token in the fragment and waits until the data is in. */
  async open(layout: WallLayout, token: string): Promise<void> {
    await this.page.goto(`${this.origin}/wall/${layout}#token=${encodeURIComponent(token)}`);
    await this.page.locator(`[data-testid="wall"][data-layout="${layout}"][data-loaded="true"]`).waitFor();
  }

  figure(id: string): Locator {
    return this.page.getByTestId(`fig-${id}`).getByTestId('fig-value');
  }

  /**
   * Rendered height (CSS px, from the glyph line box of each text node's range) of the visible
   * texts inside `selector`: what a viewer five metres away has to read.
   */
  async textHeights(selector: string): Promise<TextBox[]> {
    return this.page.evaluate((sel) => {
      const out: { text: string; height: number; fontSize: number }[] = [];
      for (const el of Array.from(document.querySelectorAll(sel))) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          if (!text) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          if (rects.length === 0) continue;
          const fontSize = parseFloat(getComputedStyle(n.parentElement ?? el).fontSize);
          out.push({ text, height: Math.min(...rects.map((r) => r.height)), fontSize });
        }
      }
      return out;
    }, selector);
  }

  async screenshot(path: string): Promise<Buffer> {
    // A 4K frame on software WebGL takes a while: the default 30 s is not always enough.
    return this.page.screenshot({ path, type: 'png', timeout: 120_000 });
  }
}
