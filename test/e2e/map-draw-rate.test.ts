/**
 * Without a GPU (this machine: Chromium's WebGL is SwiftShader) every draw of the map costs the
 * CPU the console's core shares. The live-units layer draws each batch of reports while they
 * arrive on time, and at most ten times a second while they arrive late (the console catching
 * up), so that the core gets the CPU back; a rate set on the browser (`rate=N`, the map bench's
 * form of `localStorage['qx.map.drawRate']`) holds always. A report is on screen within the
 * limit's interval either way.
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

async function drawsPerSecond(query: string): Promise<{ draws: number; maxMs: number; software: boolean }> {
  const map = await MapPage.open(pages.browser, pages.server, query);
  const onSoftware = await software(map);
  await map.startFleet();
  // The first report of each unit is its whole view (as from the core), the rest positions: only
  // positions tell the map how late reports are, so the first second is not measured.
  await map.measure(1_500);
  const m = await map.measure(3_000);
  await map.stopFleet();
  await map.close();
  expect(m.updatesPerSecond).toBeGreaterThan(1_500);
  console.log(`draw rate (${query}): ${m.layerDrawsPerSecond}/s, batch → frame p95 ${m.latency?.p95Ms} ms, max ${m.latency?.maxMs} ms, map renders ${m.mapRendersPerSecond}/s (software WebGL: ${onSoftware})`);
  return { draws: m.layerDrawsPerSecond, maxMs: m.latency?.maxMs ?? NaN, software: onSoftware };
}

describe('live units draw rate', () => {
  it('draws each batch while reports are on time, at most ten a second on software WebGL while they are late', { timeout: 90_000 }, async () => {
    // Batches come ~30 a second: drawing each is well above ten.
    const onTime = await drawsPerSecond('layer=live&units=2000');
    expect(onTime.draws).toBeGreaterThan(14);

    const late = await drawsPerSecond('layer=live&units=2000&late=600');
    if (late.software) {
      expect(late.draws).toBeGreaterThan(5);
      expect(late.draws).toBeLessThanOrEqual(10.5);
      // Every batch is still drawn, within the limit's interval (and a frame or two of slack).
      expect(late.maxMs).toBeLessThan(250);
    } else {
      expect(late.draws).toBeGreaterThan(14);
    }

    // Set on the browser, a limit holds whatever the renderer and however fresh the reports.
    const set = await drawsPerSecond('layer=live&units=2000&rate=5');
    expect(set.draws).toBeGreaterThan(3);
    expect(set.draws).toBeLessThanOrEqual(5.5);
  });
});
