/**
 * Page model of the map bench page (bench/map-page): the console's own map and stores, fed with
 * units the tests describe, in Debian's Chromium with software WebGL at 1280×800. Tests speak in
 * units, views and pixels; what they check on screen is read from real screenshots.
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { BenchUnit, Measurement } from '../../../bench/map-page/api';
import { serveMapPage, type MapPageServer } from '../../../bench/map-page/serve';
import { launchBrowser, type TestBrowser } from '../../helpers/browser';

export type Rgb = readonly [number, number, number];

/** '#rrggbb' → [r, g, b]. */
export function hex(colour: string): Rgb {
  const n = parseInt(colour.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Largest per-channel difference between two colours. */
export function distance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** A decoded 8-bit RGB or RGBA PNG (what Chromium's screenshots are), as RGBA rows. */
export function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0 || (data[9] !== 2 && data[9] !== 6)) throw new Error('decodePng: only 8-bit RGB(A), not interlaced');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      cur[i] = (line[i] + predictor) & 255;
    }
    for (let x = 0; x < width; x++) {
      out.set(channels === 4 ? cur.subarray(x * 4, x * 4 + 4) : [cur[x * 3], cur[x * 3 + 1], cur[x * 3 + 2], 255], (y * width + x) * 4);
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

export class MapPage {
  private constructor(readonly page: Page) {}

  /** Opens the bench page with `query` (see bench/map-page/main.ts) and waits until it has drawn. */
  static async open(browser: TestBrowser, server: MapPageServer, query: string): Promise<MapPage> {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}?${query}`);
    await page.waitForFunction(() => window.qxBench?.ready === true || window.qxBench?.error, null, { timeout: 60_000 });
    const error = await page.evaluate(() => window.qxBench?.error ?? null);
    if (error) throw new Error(`map page: ${error}`);
    return new MapPage(page);
  }

  async setView(lon: number, lat: number, zoom: number): Promise<void> {
    await this.page.evaluate(([x, y, z]) => window.qxBench?.setView(x, y, z), [lon, lat, zoom] as const);
  }

  async push(units: readonly BenchUnit[]): Promise<void> {
    await this.page.evaluate((u) => window.qxBench?.push(u), units);
  }

  async startFleet(): Promise<void> {
    await this.page.evaluate(() => window.qxBench?.startFleet());
  }

  async stopFleet(): Promise<void> {
    await this.page.evaluate(() => window.qxBench?.stopFleet());
  }

  async measure(ms: number): Promise<Measurement> {
    const m = await this.page.evaluate((t) => window.qxBench?.measure(t), ms);
    if (!m) throw new Error('map page: no measurement');
    return m;
  }

  /** Waits until `n` more frames have been produced (the layer draws in animation frames). */
  async frames(n: number): Promise<void> {
    await this.page.evaluate(async (count) => {
      for (let i = 0; i < count; i++) await new Promise((r) => requestAnimationFrame(r));
    }, n);
  }

  /** Where unit `id` is drawn, in page pixels (null when it is not drawn). */
  async unitPixel(id: string): Promise<[number, number] | null> {
    return this.page.evaluate((u) => window.qxBench?.unitPixel(u) ?? null, id);
  }

  async visibleUnits(limit: number): Promise<{ id: string; x: number; y: number }[]> {
    return this.page.evaluate((n) => window.qxBench?.visibleUnits(n) ?? [], limit);
  }

  async selectedUnit(): Promise<string | null> {
    return this.page.evaluate(() => window.qxBench?.selectedUnit() ?? null);
  }

  async clearSelection(): Promise<void> {
    await this.page.evaluate(() => window.qxBench?.clearSelection());
  }

  async click(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }

  /** Colours on screen (a real screenshot) at page pixels, in order. */
  async pixels(points: readonly (readonly [number, number])[]): Promise<Rgb[]> {
    const shot = decodePng(await this.page.screenshot({ type: 'png' }));
    return points.map(([x, y]) => {
      const i = (Math.floor(y) * shot.width + Math.floor(x)) * 4;
      return [shot.rgba[i], shot.rgba[i + 1], shot.rgba[i + 2]] as const;
    });
  }

  /** JavaScript heap in use after two full collections, in bytes (Chrome DevTools Protocol). */
  async heapAfterGc(): Promise<number> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The bench page served and a 1280×800 browser, for a test file's beforeAll/afterAll. */
export async function startMapPages(): Promise<{ server: MapPageServer; browser: TestBrowser; close(): Promise<void> }> {
  const server = await serveMapPage();
  const browser = await launchBrowser({ width: 1280, height: 800 });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
