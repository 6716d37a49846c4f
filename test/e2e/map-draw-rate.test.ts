/**
 * Without a GPU (this machine: Chromium's WebGL is SwiftShader) every draw of the map costs the
 * CPU the console's core shares, so the live-units layer draws moving units at most ten times a
 * second there, and each batch of reports on a GPU; a rate set on the browser (`rate=N|batch`,
 * the map bench's form of `localStorage['qx.map.drawRate']`) holds whatever the renderer. A report
 * is on screen within the limit's interval either way.
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

/**
 * Whether this page's WebGL is a software rasteriser, asked of the browser directly: the test's own
 * oracle, independent of the layer's detection (isSoftwareRenderer), which it checks.
 */
async function software(map: MapPage): Promise<boolean> {
  return map.page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(String(info && gl ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : ''));
  });
}

async function drawsPerSecond(query: string): Promise<{ draws: number; p95Ms: number; software: boolean }> {
  const map = await MapPage.open(pages.browser, pages.server, query);
  const onSoftware = await software(map);
  await map.startFleet();
  const m = await map.measure(3_000);
  await map.stopFleet();
  await map.close();
  expect(m.updatesPerSecond).toBeGreaterThan(1_500);
  console.log(`draw rate (${query}): ${m.layerDrawsPerSecond}/s, batch → frame p95 ${m.latency?.p95Ms} ms, max ${m.latency?.maxMs} ms, map renders ${m.mapRendersPerSecond}/s (software WebGL: ${onSoftware})`);
  return { draws: m.layerDrawsPerSecond, p95Ms: m.latency?.p95Ms ?? NaN, software: onSoftware };
}

/** Frames the page asks for a second (every requestAnimationFrame call) while its fleet moves. */
async function framesAskedPerSecond(query: string): Promise<{ asked: number; software: boolean }> {
  const map = await MapPage.open(pages.browser, pages.server, query);
  const onSoftware = await software(map);
  await map.page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    const w = window as Window & { qxAsked?: number };
    w.qxAsked = 0;
    window.requestAnimationFrame = (cb) => {
      w.qxAsked = (w.qxAsked ?? 0) + 1;
      return raf(cb);
    };
  });
  await map.startFleet();
  const asked = (): Promise<number> => map.page.evaluate(() => (window as Window & { qxAsked?: number }).qxAsked ?? 0);
  await expect.poll(asked).toBeGreaterThan(0); // moving
  const from = { n: await asked(), at: Date.now() };
  await map.page.waitForFunction((until) => Date.now() >= until, from.at + 3_000, { polling: 250 });
  const perSecond = ((await asked()) - from.n) / ((Date.now() - from.at) / 1000);
  await map.stopFleet();
  await map.close();
  console.log(`frames asked for (${query}): ${perSecond.toFixed(1)}/s (software WebGL: ${onSoftware})`);
  return { asked: perSecond, software: onSoftware };
}

describe('live units draw rate', () => {
  it('asks for a frame only when a draw is due while the rate is limited, and for every frame otherwise', { timeout: 90_000 }, async () => {
    // An empty requestAnimationFrame loop costs Chromium ~8 % of a core without a GPU: between
    // limited draws the loop sleeps rather than ask for frames that draw nothing.
    const limited = await framesAskedPerSecond('layer=live&units=2000&rate=10');
    expect(limited.asked).toBeGreaterThan(5);
    expect(limited.asked).toBeLessThan(25); // ten draws, a frame or two each; not the screen's 60
    // Unlimited (a GPU), the glides are drawn in every frame the screen shows.
    const each = await framesAskedPerSecond('layer=live&units=2000&rate=batch');
    expect(each.asked).toBeGreaterThan(limited.asked);
  });

  it('draws moving units at most ten times a second on software WebGL, each batch when told to', { timeout: 90_000 }, async () => {
    const auto = await drawsPerSecond('layer=live&units=2000');
    if (auto.software) {
      expect(auto.draws).toBeGreaterThan(5);
      expect(auto.draws).toBeLessThanOrEqual(10.5);
      // Batches are still drawn within the limit's interval (and a frame or two of slack).
      expect(auto.p95Ms).toBeLessThan(200);
    } else {
      expect(auto.draws).toBeGreaterThan(12);
    }

    // Batches come ~30 a second: drawing each is well above ten.
    const each = await drawsPerSecond('layer=live&units=2000&rate=batch');
    expect(each.draws).toBeGreaterThan(12);

    // Set on the browser, a limit holds whatever the renderer.
    const set = await drawsPerSecond('layer=live&units=2000&rate=5');
    expect(set.draws).toBeGreaterThan(3);
    expect(set.draws).toBeLessThanOrEqual(5.5);
  });
});
