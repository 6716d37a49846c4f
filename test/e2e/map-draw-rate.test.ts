/**
 * Without a GPU (this machine: Chromium's WebGL is SwiftShader) every draw of the map costs the
 * CPU the console's core shares, so the live-units layer draws moving units at most ten times a
 * second there; `rate=batch` (the map bench's form of `localStorage['qx.map.drawRate']`) draws
 * each batch of reports instead. Either way, a report is on screen within the limit's interval,
 * and the dispatcher's own hover and selection are not held back by it.
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

async function software(map: MapPage): Promise<boolean> {
  return map.page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(String(info && gl ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : ''));
  });
}

describe('live units draw rate', () => {
  it('draws a moving fleet at most ten times a second on software WebGL, each batch when told to', { timeout: 60_000 }, async () => {
    const limited = await MapPage.open(pages.browser, pages.server, 'layer=live&units=2000');
    const onSoftware = await software(limited);
    await limited.startFleet();
    const a = await limited.measure(3_000);
    await limited.stopFleet();
    await limited.close();

    const each = await MapPage.open(pages.browser, pages.server, 'layer=live&units=2000&rate=batch');
    await each.startFleet();
    const b = await each.measure(3_000);
    await each.stopFleet();
    await each.close();
    console.log(`draw rate: auto ${a.layerDrawsPerSecond}/s (software WebGL: ${onSoftware}; p95 batch → frame ${a.latency?.p95Ms} ms), batch ${b.layerDrawsPerSecond}/s (p95 ${b.latency?.p95Ms} ms)`);

    expect(a.updatesPerSecond).toBeGreaterThan(1_500);
    if (onSoftware) {
      expect(a.layerDrawsPerSecond).toBeGreaterThan(5);
      expect(a.layerDrawsPerSecond).toBeLessThanOrEqual(10.5);
      // Every batch is still drawn, within the limit's interval (and a frame or two of slack).
      expect(a.latency?.maxMs).toBeLessThan(250);
    }
    // Batches come ~30 a second: drawing each is well above the limit.
    expect(b.layerDrawsPerSecond).toBeGreaterThan(14);
  });
});
