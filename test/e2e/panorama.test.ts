/**
 * The panorama on the workstation, in Chromium against a real console. A dispatcher creates an
 * incident on the map: its panel shows what is around it (the hydrant and hazmat store just put
 * there, the grid cell and its grid worker, the nearest cameras); V puts it on the wall and a wall
 * page follows. A camera near the incident opens its live MJPEG picture from a local camera server
 * through the console. Entities are found, edited, linked and imported from the UI. Offline
 * MBTiles and PMTiles basemaps made in the test are drawn from the console's tiles route while no
 * request leaves the machine.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiName, ApiResults, CallContext } from '../../shared/api';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { startConsole, type TestConsole } from '../helpers/console';
import { startCameraServer, type CameraServer } from '../helpers/camera-server';
import { decodePng } from './pages/map-page';
import { guardPage } from './pages/page-guard';
import { PanoramaPage } from './pages/panorama-page';
import { solidPng, tilesOver, writeMbtiles, writePmtiles } from '../helpers/tiles';
import { WallPage } from './pages/wall-page';

const RESULTS = join(import.meta.dirname, '../../test-results');
const WALL_TOKEN = 'wall-token-e2e-2';
const supervisor: CallContext = { actor: 'e2e', consoleId: 'e2e', role: 'supervisor' };
/** A point in the training city, away from the default entities' exact positions. */
const AT = { lat: 31.1305, lon: 104.4012 };

let console_: TestConsole | null = null;
let browser: TestBrowser | null = null;
let temp: string | null = null;
let cameras: CameraServer | null = null;

afterEach(async () => {
  await browser?.close();
  await console_?.close();
  await cameras?.close();
  cameras = null;
  if (temp) rmSync(temp, { recursive: true, force: true });
  browser = console_ = temp = null;
});

/** Share of the map's pixels (sampled on a 13 px grid, inside its edges) that are `colour`. */
async function shareOf(page: Page, box: { x: number; y: number; width: number; height: number }, colour: readonly [number, number, number]): Promise<number> {
  const png = decodePng(await page.screenshot({ type: 'png' }));
  let hits = 0;
  let total = 0;
  for (let y = box.y + 20; y < box.y + box.height - 60; y += 13)
    for (let x = box.x + 20; x < box.x + box.width - 20; x += 13) {
      const i = (Math.floor(y) * png.width + Math.floor(x)) * 4;
      total += 1;
      if ([0, 1, 2].every((c) => Math.abs(png.rgba[i + c] - colour[c]) < 6)) hits += 1;
    }
  return hits / total;
}

/** The colour at the centre of an element on screen (a real screenshot). */
async function colourAt(page: Page, el: Locator): Promise<number[]> {
  const b = await el.boundingBox();
  if (!b) return [];
  const png = decodePng(await page.screenshot({ type: 'png' }));
  const i = (Math.floor(b.y + b.height / 2) * png.width + Math.floor(b.x + b.width / 2)) * 4;
  return [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]];
}

function caller(c: TestConsole) {
  return <K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResults[K]> => c.core.call(name, input, supervisor, 'test') as Promise<ApiResults[K]>;
}

/** A workstation at 1920×1080 on the console, with a structure fire created at AT by clicking the map. */
async function fireOnScreen(c: TestConsole): Promise<{ page: Page; guard: ReturnType<typeof guardPage>; app: PanoramaPage }> {
  browser = await launchBrowser({ width: 1920, height: 1080 });
  const page = await browser.context.newPage();
  const guard = guardPage(page, c.url);
  const app = new PanoramaPage(page, c.url);
  await app.open(c.token);
  const at = await app.pixelOf(AT.lat, AT.lon);
  await app.createIncidentAt(at.x, at.y, { type: 'structure_fire', address: '人民路 88 号' });
  return { page, guard, app };
}

describe('panorama on the workstation', () => {
  it('around the new incident in its panel, then V shows it on the wall and the wall follows', async () => {
    console_ = await startConsole(['--wall-token', WALL_TOKEN]);
    const call = caller(console_);
    await call('entities.create', { kind: 'hydrant', name: '测试消火栓 甲', lat: AT.lat + 0.0002, lon: AT.lon, address: '人民路 90 号' });
    await call('entities.create', { kind: 'hazmat_store', name: '测试危化品仓库 乙', lat: AT.lat, lon: AT.lon + 0.0006 });
    const { page, guard, app } = await fireOnScreen(console_);
    await app.around.getByTestId('around').waitFor();
    expect(await app.aroundSection('hydrants').innerText()).toContain('测试消火栓 甲');
    expect(await app.aroundSection('hazards').innerText()).toContain('测试危化品仓库 乙');
    // The hydrant 22 m away is listed first, with its distance.
    expect(await app.aroundSection('hydrants').locator('li').first().innerText()).toMatch(/测试消火栓 甲\s+2\d m/);
    expect(await app.aroundSection('cell').getByTestId('around-cell-name').innerText()).toMatch(/网格/);

    // A wall page (read-only token) is open on the incident board; V on the workstation puts the incident on it.
    const wallPage = await page.context().newPage();
    const wallGuard = guardPage(wallPage, console_.url);
    const wall = new WallPage(wallPage, console_.url);
    await wall.open('incidents', WALL_TOKEN);
    const id = await app.incidentPanel.getAttribute('data-incident');
    await app.key('v');
    await page.locator('[data-testid="show-on-wall"][data-on-wall="true"]').waitFor();
    await wallPage.locator(`[data-testid="wall-incident"][data-focused="true"][data-incident="${id}"]`).waitFor();
    expect(await wallPage.getByTestId('wall-focus-bar').innerText()).toContain('人民路 88 号');

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'workstation-around.png') });
    // The README's picture: street zoom around the incident, where hydrants and residents show.
    for (let i = 0; i < 3; i++) await page.locator('.ol-zoom-in').click();
    await page.locator('[data-testid="incident-around"]').scrollIntoViewIfNeeded();
    // Only for the picture: the zoom buttons animate 250 ms each, then tiles and labels draw.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    await page.screenshot({ path: join(import.meta.dirname, '../../docs/workstation.png') });
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
    expect(wallGuard.foreign).toEqual([]);
  }, 240_000);

  it('entities from the UI: found by search, renamed, linked and unlinked, and a CSV imported with its refused row named', async () => {
    console_ = await startConsole();
    const call = caller(console_);
    const hydrant = await call('entities.create', { kind: 'hydrant', name: '测试消火栓 丙', lat: AT.lat, lon: AT.lon + 0.001 });
    await call('entities.create', { kind: 'school', name: '测试学校 丁', lat: AT.lat, lon: AT.lon + 0.0015 });
    browser = await launchBrowser({ width: 1600, height: 900 });
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new PanoramaPage(page, console_.url);
    await app.open(console_.token);

    // F, the name, Enter: the map flies there and the entity's card opens.
    await app.key('f');
    await page.keyboard.type('测试消火栓 丙');
    await page.locator('[data-testid="map-search-results"] [role="option"]', { hasText: '测试消火栓 丙' }).waitFor();
    await page.keyboard.press('Enter');
    const card = page.locator(`[data-testid="entity-card"][data-entity="${hydrant.id}"]`);
    await card.waitFor();

    await card.getByTestId('entity-name').fill('测试消火栓 丙（已检修）');
    await card.getByTestId('entity-save').click();
    await card.locator('h3', { hasText: '已检修' }).waitFor();
    await card.getByTestId('entity-link-to').fill('测试学校 丁');
    await card.getByTestId('entity-relation').selectOption('located_in');
    await card.getByTestId('entity-link-add').click();
    await card.getByTestId('entity-link').filter({ hasText: '测试学校 丁' }).waitFor();
    expect((await call('entities.get', { id: hydrant.id })).links.map((l) => l.relation)).toEqual(['located_in']);
    await card.getByTestId('entity-unlink').click();
    await expect.poll(async () => (await call('entities.get', { id: hydrant.id })).links.length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => card.getByTestId('entity-link').count()).toBe(0);

    // Import from the data card: two good rows, one refused with its line and reason.
    await page.getByTestId('pano-card-close').click();
    await app.key('l');
    await page.getByTestId('open-data').click();
    const csv = ['kind,name,lat,lon', 'hydrant,导入消火栓 1,31.131,104.402', 'school,导入学校 2,31.132,104.403', 'hydrant,坏行,95,104.4'].join('\n');
    await page.getByTestId('entities-import').setInputFiles({ name: 'import.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect([await result.getAttribute('data-created'), await result.getAttribute('data-errors')]).toEqual(['2', '1']);
    expect(await result.innerText()).toContain('第 4 行');
    expect((await call('entities.list', { q: '导入消火栓 1' })).entities).toHaveLength(1);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  }, 240_000);

  it('cameras near the incident are offered in its panel; the MJPEG feed plays and a snapshot camera refreshes, relayed by the console', async () => {
    const STREAM = [200, 40, 160] as const;
    const STILL = [40, 200, 180] as const;
    cameras = await startCameraServer({ stream: STREAM, snapshot: STILL });
    console_ = await startConsole();
    const call = caller(console_);
    const fov = { direction: 180, angle: 90, rangeM: 150 };
    const live = await call('entities.create', { kind: 'camera', name: '测试摄像头 人民路北', lat: AT.lat + 0.0004, lon: AT.lon, camera: { ...fov, streamKind: 'mjpeg', streamUrl: `${cameras.url}/stream` } });
    const snap = await call('entities.create', { kind: 'camera', name: '测试快照 人民路东', lat: AT.lat, lon: AT.lon + 0.0004, camera: { ...fov, direction: 270, streamKind: 'snapshot', streamUrl: `${cameras.url}/snapshot` } });
    const { page, guard, app } = await fireOnScreen(console_);

    // Both cameras are offered (they see the incident: it is inside their field of view).
    const offered = app.aroundSection('cameras');
    await offered.locator(`[data-entity="${live.id}"]`).waitFor();
    expect(await offered.locator(`[data-entity="${snap.id}"]`).count()).toBe(1);
    await offered.locator(`[data-entity="${live.id}"]`).getByTestId('around-camera-open').click();
    const feed = app.card.locator(`[data-testid="camera-feed"][data-camera="${live.id}"][data-kind="mjpeg"] img`);
    await page.waitForFunction((id) => {
      const img = document.querySelector<HTMLImageElement>(`[data-testid="camera-feed"][data-camera="${id}"] img`);
      return img !== null && img.complete && img.naturalWidth === 256;
    }, live.id);
    await expect.poll(() => colourAt(page, feed), { timeout: 20_000, interval: 500 }).toEqual(STREAM);
    expect(cameras.served.frames).toBeGreaterThan(0);

    // The snapshot camera: an image refreshed every few seconds.
    await offered.locator(`[data-entity="${snap.id}"]`).getByTestId('around-camera-open').click();
    const still = app.card.locator(`[data-testid="camera-feed"][data-camera="${snap.id}"][data-kind="snapshot"] img`);
    await expect.poll(() => colourAt(page, still), { timeout: 20_000, interval: 500 }).toEqual(STILL);
    const first = cameras.served.snapshots;
    await expect.poll(() => cameras?.served.snapshots ?? 0, { timeout: 20_000 }).toBeGreaterThan(first);
    // The page itself never contacted the camera: everything came through the console's origin.
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  }, 240_000);

  it('offline MBTiles and PMTiles basemaps are drawn from the console and no request leaves the machine', async () => {
    temp = mkdtempSync(join(tmpdir(), 'qx-tiles-'));
    const CITY = [104.3, 31.05, 104.5, 31.2] as const;
    const MB = [32, 96, 64] as const;
    const PM = [96, 48, 120] as const;
    writeMbtiles(join(temp, 'linjiang-mb.mbtiles'), 'png', tilesOver(CITY, [10, 15], solidPng(MB)), { name: 'Linjiang MBTiles' });
    writePmtiles(join(temp, 'linjiang-pm.pmtiles'), 'png', tilesOver(CITY, [10, 15], solidPng(PM)), { name: 'Linjiang PMTiles' }, [...CITY]);
    console_ = await startConsole(['--map', join(temp, 'linjiang-mb.mbtiles'), '--map', join(temp, 'linjiang-pm.pmtiles')]);
    browser = await launchBrowser({ width: 1600, height: 900 });
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const tiles = new Map<string, number>();
    page.on('response', (r) => {
      const m = /\/tiles\/([^/]+)\//.exec(r.url());
      if (m && r.status() === 200 && r.headers()['content-type'] === 'image/png') tiles.set(m[1], (tiles.get(m[1]) ?? 0) + 1);
    });
    const app = new PanoramaPage(page, console_.url);
    await app.open(console_.token);
    const box = await app.map.boundingBox();
    if (!box) throw new Error('no map');

    for (const [id, colour] of [['linjiang-mb', MB], ['linjiang-pm', PM]] as const) {
      await app.chooseBasemap(id);
      await expect.poll(() => tiles.get(id) ?? 0, { timeout: 30_000 }).toBeGreaterThan(3);
      // The map shows the file's colour where the city's own basemap was (entities and units stay on top).
      await expect.poll(() => shareOf(page, box, colour), { timeout: 30_000, interval: 1000 }).toBeGreaterThan(0.3);
    }
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  }, 240_000);
});
