/**
 * bench/map: frame rate of the live map on this machine, in Debian's Chromium with software WebGL
 * (SwiftShader), headless, 1280×800, all scenarios in one run so the ratios compare like with
 * like: an empty map; 20,000 units reporting at 1 Hz on the live-units layer; the same plus
 * 100,000 static objects; the same two with OpenLayers' stock WebGLVectorLayer as the units
 * layer; and the time from a position batch's arrival at the renderer to the frame that draws it.
 * Two informational rows: every unit drawn (no clustering) and a close zoom with labels.
 * `npx tsx bench/map.ts [seconds=10]`
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import type { Measurement } from './map-page/api';
import { serveMapPage } from './map-page/serve';

const SECONDS = Number(process.argv[2] ?? 10);
const WARMUP_MS = 3000;

interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly query: string;
  readonly fleet: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  { key: 'empty', label: 'empty map', query: 'layer=none', fleet: false },
  { key: 'live', label: '20,000 units (live layer)', query: 'layer=live&units=20000', fleet: true },
  { key: 'liveStatic', label: '20,000 units + 100,000 static (live layer)', query: 'layer=live&units=20000&static=100000', fleet: true },
  { key: 'stock', label: '20,000 units (stock WebGLVectorLayer)', query: 'layer=stock&units=20000', fleet: true },
  { key: 'stockStatic', label: '20,000 units + 100,000 static (stock)', query: 'layer=stock&units=20000&static=100000', fleet: true },
  { key: 'liveAll', label: 'info: 20,000 units, no clustering', query: 'layer=live&units=20000&declutter=0', fleet: true },
  { key: 'liveClose', label: 'info: 20,000 units, zoom 16 with labels', query: 'layer=live&units=20000&zoom=16', fleet: true },
  { key: 'empty2', label: 'empty map (again, drift check)', query: 'layer=none', fleet: false },
];

async function run(page: Page, url: string, s: Scenario): Promise<Measurement> {
  await page.goto(`${url}?${s.query}`);
  await page.waitForFunction(() => window.qxBench?.ready === true || window.qxBench?.error, null, { timeout: 120_000 });
  if (s.fleet) await page.evaluate(() => window.qxBench?.startFleet());
  await page.waitForTimeout(WARMUP_MS);
  const m = await page.evaluate((ms) => window.qxBench?.measure(ms), SECONDS * 1000);
  await page.evaluate(() => window.qxBench?.stopFleet());
  if (!m) throw new Error(`bench/map: ${s.key}: the page did not measure`);
  return m;
}

const server = await serveMapPage();
const browser = await launchBrowser({ width: 1280, height: 800 });
const results = new Map<string, Measurement>();
try {
  for (const s of SCENARIOS) {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const m = await run(page, server.url, s);
    await page.close();
    if (errors.length) throw new Error(`bench/map: ${s.key}: ${errors.join('; ')}`);
    results.set(s.key, m);
    console.log(`${s.label.padEnd(46)} ${m.fps.toFixed(1).padStart(5)} fps  p95 frame ${m.p95FrameMs.toFixed(1).padStart(5)} ms  layer draws ${m.layerDrawsPerSecond.toFixed(1).padStart(5)}/s  map renders ${m.mapRendersPerSecond.toFixed(1).padStart(5)}/s  updates ${String(m.updatesPerSecond).padStart(5)}/s`);
  }
} finally {
  await browser.close();
  await server.close();
}

const get = (k: string): Measurement => {
  const m = results.get(k);
  if (!m) throw new Error(`bench/map: no result for ${k}`);
  return m;
};
const empty = (get('empty').fps + get('empty2').fps) / 2;
const ratio = (k: string): string => `${((get(k).fps / empty) * 100).toFixed(0)}%`;
console.log(`\nempty map (mean of first and last run): ${empty.toFixed(1)} fps`);
for (const s of SCENARIOS.filter((x) => !x.key.startsWith('empty'))) console.log(`  ${s.label.padEnd(46)} ${get(s.key).fps.toFixed(1).padStart(5)} fps = ${ratio(s.key).padStart(4)} of empty`);
const vsStock = get('live').fps / get('stock').fps;
const vsStockStatic = get('liveStatic').fps / get('stockStatic').fps;
console.log(`live layer vs stock: ${vsStock.toFixed(1)}× (units), ${vsStockStatic.toFixed(1)}× (units + static)`);
for (const k of ['live', 'liveStatic', 'liveAll', 'liveClose']) {
  const l = get(k).latency;
  if (!l) continue;
  console.log(
    `latency ${k.padEnd(10)} arrival→drawn: p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, max ${l.maxMs} ms; frames p50 ${l.p50Frames}, p95 ${l.p95Frames}, max ${l.maxFrames}; within 2 frames ${(l.withinTwoFrames * 100).toFixed(1)}% of ${l.count} batches`,
  );
}
const l = get('live').latency;
const ok = get('live').fps >= 0.8 * empty && vsStock >= 3 && l !== null && l.maxFrames <= 2;
console.log(`\ntargets (≥80% of empty, ≥3× stock, every batch within 2 frames): ${ok ? 'met' : 'NOT met'}`);
