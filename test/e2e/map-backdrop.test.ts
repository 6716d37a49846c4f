/**
 * The live-units layer's canvas is opaque and carries an image of the basemap beneath it (see
 * renderer/src/map/live/backdrop.ts). It must never show plain background where the basemap is:
 * not at first, and not after its WebGL context was lost and restored (the GPU, or the browser's
 * limit of live contexts, can take it at any time), when the image on the GPU is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distance, MapPage, startMapPages } from './pages/map-page';

let pages: Awaited<ReturnType<typeof startMapPages>>;

beforeAll(async () => {
  pages = await startMapPages();
});

afterAll(async () => {
  await pages.close();
});

/** A grid of sample points over the map (1280×800), away from the centre where the unit is. */
const GRID: [number, number][] = [];
for (let x = 100; x < 1280; x += 180) for (let y = 80; y < 800; y += 160) GRID.push([x, y]);

describe('live units backdrop', () => {
  it('shows the basemap through the live layer, also after its WebGL context is lost and restored', async () => {
    const map = await MapPage.open(pages.browser, pages.server, 'layer=live');
    await map.setView(104.4, 31.13, 15);
    await map.push([{ id: 'A', lat: 31.13, lon: 104.4 }]);
    await map.frames(3);
    const basemap = await map.pixels(GRID);
    // The sample points do show a basemap: several different colours, not one flat background.
    expect(new Set(basemap.map((c) => c.join(','))).size).toBeGreaterThan(3);

    const restored = await map.page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.qx-live-units canvas');
      const lose = canvas?.getContext('webgl2')?.getExtension('WEBGL_lose_context');
      if (!canvas || !lose) return false;
      const lost = new Promise((resolve) => canvas.addEventListener('webglcontextlost', resolve, { once: true }));
      const back = new Promise<boolean>((resolve) => {
        canvas.addEventListener('webglcontextrestored', () => resolve(true), { once: true });
        setTimeout(() => resolve(false), 10_000);
      });
      lose.loseContext();
      await lost;
      await new Promise((r) => setTimeout(r, 50));
      lose.restoreContext();
      return back;
    });
    expect(restored).toBe(true);
    // A report after the restore makes the layer draw again.
    await map.push([{ id: 'A', lat: 31.1301, lon: 104.4 }]);
    await map.frames(5);
    const after = await map.pixels(GRID);
    for (let i = 0; i < GRID.length; i++) expect(distance(after[i], basemap[i]), `pixel ${GRID[i].join(',')}`).toBeLessThan(12);
    await map.close();
  });
});
