/**
 * The panorama on the workstation, in the dispatcher's words: layers, basemaps, what is around the
 * incident, cameras, the wall. Builds on ConsolePage (open, map clicks, incidents).
 */
import type { Locator } from 'playwright-core';
import { ConsolePage } from './console-page';

export class PanoramaPage extends ConsolePage {
  /** Opens the console and waits until the panorama's entities and grid are on the map (the page is busy until then). */
  override async open(token: string): Promise<void> {
    await super.open(token);
    await this.page.waitForFunction(() => {
      const m = document.querySelector<HTMLElement>('[data-testid="map"]');
      return Number(m?.dataset.entityFeatures ?? 0) > 0 && Number(m?.dataset.gridCells ?? 0) > 0;
    });
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  get around(): Locator {
    return this.page.getByTestId('incident-around');
  }

  /** One section of "around" (hazards, hydrants, cameras, vulnerable, places, incidents, reports, cell). */
  aroundSection(id: string): Locator {
    return this.around.getByTestId(`around-${id}`);
  }

  get card(): Locator {
    return this.page.getByTestId('pano-card');
  }

  /** Presses a panorama key with the keyboard on the page (not in a field). */
  async key(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  /** Opens the layer switcher (L, unless it is open) and picks a basemap by its map id. */
  async chooseBasemap(id: string): Promise<void> {
    if ((await this.page.getByTestId('layer-switcher').count()) === 0) await this.key('l');
    await this.page.getByTestId(`basemap-${id}`).check();
    await this.page.locator(`[data-testid="map"][data-basemap="${id}"]`).waitFor();
  }

  /** Map entities drawn (all kinds loaded so far). */
  async entityFeatures(): Promise<number> {
    return Number((await this.map.getAttribute('data-entity-features')) ?? '0');
  }
}
