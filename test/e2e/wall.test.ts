/**
 * The wall layouts in Chromium against a real console, opened with the read-only wall token as a
 * wall controller would: the incident board lists the open incidents and follows "show on wall";
 * the map wall at 3840×2160 (a 4K wall) is legible from five metres — every text of its header,
 * figures and focused incident at least 40 px high — with a screenshot written to test-results/;
 * the KPI wall draws its charts from stats.summary; the camera wall tiles the cameras nearest the
 * incident on the wall, their pictures relayed from a local camera server. No wall page
 * shows a control that changes anything, and no page makes a request outside the console.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput, ApiName, ApiResults, CallContext } from '../../shared/api';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { startConsole, type TestConsole } from '../helpers/console';
import { startCameraServer, type CameraServer } from '../helpers/camera-server';
import { decodePng } from './pages/map-page';
import { guardPage } from './pages/page-guard';
import { WallPage } from './pages/wall-page';

const RESULTS = join(import.meta.dirname, '../../test-results');
const DOCS = join(import.meta.dirname, '../../docs');
const WALL_TOKEN = 'wall-token-e2e-1';
const dispatcher: CallContext = { actor: '张伟', consoleId: 'e2e', role: 'dispatcher' };

let console_: TestConsole;
let browser: TestBrowser | null = null;
let cameras: CameraServer | null = null;

const call = <K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResults[K]> => console_.core.call(name, input, dispatcher, 'test') as Promise<ApiResults[K]>;

async function twoIncidents(): Promise<{ fire: string; crash: string }> {
  const fire = await call('incidents.create', { type: 'structure_fire', lat: 31.1302, lon: 104.4011, address: '人民路 88 号', summary: '三楼冒烟' });
  await call('incidents.dispatch', { incidentId: fire.incident.id });
  const crash = await call('incidents.create', { type: 'traffic_collision', lat: 31.1212, lon: 104.3899, address: '滨江路口' });
  return { fire: fire.incident.id, crash: crash.incident.id };
}

beforeEach(async () => {
  console_ = await startConsole(['--wall-token', WALL_TOKEN]);
  mkdirSync(RESULTS, { recursive: true });
});

afterEach(async () => {
  await browser?.close();
  browser = null;
  await console_.close();
  await cameras?.close();
  cameras = null;
});

async function openWall(layout: 'map' | 'kpi' | 'cameras' | 'incidents', size = { width: 1920, height: 1080 }) {
  browser = await launchBrowser({ ...size, locale: 'zh-CN' });
  const page = await browser.context.newPage();
  const guard = guardPage(page, console_.url);
  const wall = new WallPage(page, console_.url);
  await wall.open(layout, WALL_TOKEN);
  return { page, guard, wall };
}

describe('the wall', () => {
  it('incident board: open incidents in large rows, read-only, and the incident a dispatcher shows comes first, marked', async () => {
    const { fire, crash } = await twoIncidents();
    const { page, guard, wall } = await openWall('incidents');
    const rows = page.getByTestId('wall-incident');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('wall-title').innerText()).toBe('警情看板');
    expect(await rows.first().innerText()).toContain('人民路 88 号');
    // Nothing on a wall page changes anything: no buttons, inputs or forms.
    expect(await wall.root.locator('button, input, select, textarea, form').count()).toBe(0);

    // The dispatcher puts the collision (lower priority, listed second) on the wall: the board follows.
    expect(await rows.first().getAttribute('data-incident')).toBe(fire);
    await call('wall.show', { incidentId: crash });
    await page.locator(`[data-testid="wall-incident"][data-focused="true"][data-incident="${crash}"]`).waitFor();
    expect(await rows.first().getAttribute('data-incident')).toBe(crash);
    expect(await page.getByTestId('wall-focus-bar').innerText()).toContain('滨江路口');
    const heights = await wall.textHeights('[data-testid="wall-board"] td');
    expect(Math.min(...heights.map((h) => h.fontSize))).toBeGreaterThanOrEqual(28);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });

  it('map wall at 3840×2160: map, figures and the incident on the wall legible from 5 m (text ≥ 40 px), screenshot checked', async () => {
    const { fire } = await twoIncidents();
    await call('wall.show', { incidentId: fire });
    const { page, guard, wall } = await openWall('map', { width: 3840, height: 2160 });
    await page.locator('[data-testid="map"] canvas').first().waitFor();
    await page.locator(`[data-testid="wall-focus"][data-incident="${fire}"]`).waitFor();
    await expect.poll(() => wall.figure('open').innerText()).toBe('2');
    expect(await wall.root.locator('button, input, select, textarea, form').count()).toBe(0);

    const texts = await wall.textHeights('.qx-wall__head, [data-testid="live-figures"], [data-testid="wall-focus"]');
    expect(texts.length).toBeGreaterThan(10);
    const small = texts.filter((t) => t.height < 40);
    expect(small, `texts under 40 px: ${JSON.stringify(small)}`).toEqual([]);
    const figure = (await wall.textHeights('[data-testid="fig-open"] [data-testid="fig-value"]'))[0];
    expect(figure.height).toBeGreaterThanOrEqual(120);

    const path = join(RESULTS, 'wall-map-3840x2160.png');
    const png = decodePng(await wall.screenshot(path));
    console.log(`wall screenshot: ${path}`);
    expect([png.width, png.height]).toEqual([3840, 2160]);
    // The screenshot is a drawn wall, not a blank page: the map area has many distinct colours and
    // the "open incidents" figure is drawn in the alarm red.
    const colours = new Set<number>();
    for (let y = 300; y < 2000; y += 37) for (let x = 50; x < 2800; x += 41) {
      const i = (y * png.width + x) * 4;
      colours.add((png.rgba[i] << 16) | (png.rgba[i + 1] << 8) | png.rgba[i + 2]);
    }
    expect(colours.size).toBeGreaterThan(20);
    const box = await page.getByTestId('fig-open').getByTestId('fig-value').boundingBox();
    if (!box) throw new Error('the open-incidents figure is not drawn');
    let red = 0;
    for (let y = Math.floor(box.y); y < box.y + box.height; y += 2) for (let x = Math.floor(box.x); x < box.x + box.width; x += 2) {
      const i = (y * png.width + x) * 4;
      if (png.rgba[i] > 200 && png.rgba[i + 1] < 110 && png.rgba[i + 2] < 110) red += 1;
    }
    expect(red).toBeGreaterThan(50);

    // The README's picture of the wall: the same page on a 1920×1080 controller.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await wall.screenshot(join(DOCS, 'wall.png'));
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  }, 300_000);

  it('camera wall: the cameras nearest the incident on the wall, tiled, their pictures relayed by the console', async () => {
    cameras = await startCameraServer({ stream: [200, 40, 160], snapshot: [40, 200, 180] });
    // Only the test's cameras: the training city's own point at LAN addresses that do not exist here.
    for (const c of (await call('entities.list', { kinds: ['camera'] })).entities) await call('entities.delete', { id: c.id });
    const fov = { direction: 0, angle: 360, rangeM: 200 };
    const ids: string[] = [];
    for (const [i, kind] of (['mjpeg', 'snapshot', 'mjpeg'] as const).entries()) {
      const path = kind === 'mjpeg' ? 'stream' : 'snapshot';
      const e = await call('entities.create', { kind: 'camera', name: `测试摄像头 ${i + 1}`, lat: 31.1302 + 0.0003 * i, lon: 104.4013, camera: { ...fov, streamKind: kind, streamUrl: `${cameras.url}/${path}` } });
      ids.push(e.id);
    }
    const { fire } = await twoIncidents();
    const focus = await call('wall.show', { incidentId: fire });
    expect(focus.cameraIds.slice(0, 3).sort()).toEqual([...ids].sort());
    const { page, guard, wall } = await openWall('cameras');
    const tiles = page.getByTestId('camera-feed');
    await expect.poll(() => tiles.count()).toBe(3);
    for (const id of ids)
      await page.waitForFunction((cam) => {
        const img = document.querySelector<HTMLImageElement>(`[data-testid="camera-feed"][data-camera="${cam}"] img`);
        return img !== null && img.complete && img.naturalWidth === 256;
      }, id);
    const captions = await wall.textHeights('[data-testid="camera-wall"] figcaption');
    expect(Math.min(...captions.map((c) => c.fontSize))).toBeGreaterThanOrEqual(18);
    expect(await wall.root.locator('button, input, select, textarea, form').count()).toBe(0);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });

  it('KPI wall: live figures and the statistics of the event log as charts and year over year', async () => {
    await twoIncidents();
    const { page, guard, wall } = await openWall('kpi');
    await page.locator('[data-testid="kpi"][data-loaded="true"]').waitFor();
    expect(await wall.figure('open').innerText()).toBe('2');
    expect(await page.getByTestId('kpi').getAttribute('data-total')).toBe('2');
    for (const id of ['chart-category', 'chart-weekly', 'chart-monthly']) await page.locator(`[data-testid="${id}"] canvas`).waitFor();
    expect(await page.getByTestId('yoy-row').count()).toBeGreaterThan(0);
    expect(await wall.root.locator('button, input, select, textarea, form').count()).toBe(0);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
