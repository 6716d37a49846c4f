/**
 * 20,000 units reporting once a second (20,000 updates per second, in batches as the core sends
 * them) for a minute: the JavaScript heap does not grow. The live-units layer keeps units in typed
 * arrays it reuses, so steady reporting must not leave anything behind. Nor does it keep sending
 * text to the GPU: cluster counts change with every move, but they are set from a dozen glyphs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapPage, startMapPages } from './pages/map-page';

let pages: Awaited<ReturnType<typeof startMapPages>>;

beforeAll(async () => {
  pages = await startMapPages();
});

afterAll(async () => {
  await pages.close();
});

/** Allowed heap growth over the minute after warm-up (a leak of one object per update is ~50 MB). */
const BOUND = 4 * 1024 * 1024;

describe('live units memory', () => {
  it('does not grow the heap over 60 s of 20,000 updates per second', { timeout: 180_000 }, async () => {
    const map = await MapPage.open(pages.browser, pages.server, 'layer=live&units=20000');
    await map.startFleet();
    await map.page.waitForTimeout(10_000); // warm-up: buffers sized, code optimised, atlas filled
    const before = await map.heapAfterGc();
    const run = await map.measure(60_000);
    const after = await map.heapAfterGc();
    await map.stopFleet();
    console.log(
      `map memory: heap ${(before / 1048576).toFixed(1)} → ${(after / 1048576).toFixed(1)} MB after ${run.seconds} s at ${run.updatesPerSecond} updates/s (${run.fps} fps, ${run.layerDrawsPerSecond} draws/s, ${run.textRowsPerSecond} text rows/s uploaded)`,
    );
    expect(run.updatesPerSecond).toBeGreaterThan(19_000);
    expect(run.layerDrawsPerSecond).toBeGreaterThan(0);
    expect(run.textRowsPerSecond).toBe(0);
    expect(after - before).toBeLessThan(BOUND);
    await map.close();
  });
});
