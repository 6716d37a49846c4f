/**
 * The live-units layer on the console's own map (ConsoleMap with its stores, in Chromium with
 * software WebGL): the right symbol is drawn at the right place, read from real screenshots; a
 * moved unit shows at its new place; clicking a unit selects it at any zoom, moving or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchUnit } from '../../bench/map-page/api';
import { guardPage } from './pages/page-guard';
import { distance, hex, MapPage, startMapPages } from './pages/map-page';

let pages: Awaited<ReturnType<typeof startMapPages>>;

beforeAll(async () => {
  pages = await startMapPages();
});

afterAll(async () => {
  await pages.close();
});

const FIRE = hex('#e5533d');
const POLICE = hex('#3d8bfd');
const EMS = hex('#3ddc84');
const AMBER = hex('#ffb020'); // en route
const RED = hex('#ff4d4f'); // on scene
const POINTER = [238, 243, 250] as const;
const SELECTED = [76, 195, 255] as const;
const C = { lon: 104.4, lat: 31.13 };
/** Metres per pixel at zoom 16 near the city (Web Mercator at 31.13°N). */
const M_PER_PX = 2.3887 * Math.cos((31.13 * Math.PI) / 180);
const east = (px: number): number => C.lon + (px * M_PER_PX) / (111_320 * Math.cos((C.lat * Math.PI) / 180));
const north = (px: number): number => C.lat + (px * M_PER_PX) / 111_320;

async function pixelOf(map: MapPage, id: string): Promise<[number, number]> {
  const p = await map.unitPixel(id);
  if (!p) throw new Error(`${id} is not drawn`);
  return p;
}

describe('live units on the map', () => {
  it('draws each unit as its symbol at its place: agency fill, status ring, heading pointer', async () => {
    const map = await MapPage.open(pages.browser, pages.server, 'mode=console');
    const guard = guardPage(map.page, pages.server.url);
    const units: BenchUnit[] = [
      { id: 'A', name: 'A', agency: 'fire', status: 'en_route', lat: C.lat, lon: C.lon },
      { id: 'B', name: 'B', agency: 'police', status: 'available', lat: C.lat, lon: east(80) },
      { id: 'D', name: 'D', agency: 'ems', status: 'on_scene', heading: 0, lat: C.lat, lon: east(-80) },
    ];
    await map.push(units);
    await map.setView(C.lon, C.lat, 16);
    await map.frames(3);
    const [a, b, d] = [await pixelOf(map, 'A'), await pixelOf(map, 'B'), await pixelOf(map, 'D')];
    // Symbols where the map projects the units: A at the view centre, B 80 px east, D 80 px west.
    expect(Math.abs(a[0] - 640)).toBeLessThan(1.5);
    expect(Math.abs(a[1] - 400)).toBeLessThan(1.5);
    expect(Math.abs(b[0] - a[0] - 80)).toBeLessThan(1.5);
    const [aFill, aRing, bFill, dFill, dRing, dPointer, between] = await map.pixels([
      a,
      [a[0] + 6, a[1]],
      b,
      d,
      [d[0], d[1] + 6],
      [d[0], d[1] - 10], // the pointer points north (up)
      [a[0] + 40, a[1] + 40],
    ]);
    expect(distance(aFill, FIRE)).toBeLessThan(12);
    expect(distance(aRing, AMBER)).toBeLessThan(12);
    expect(distance(bFill, POLICE)).toBeLessThan(12);
    expect(distance(dFill, EMS)).toBeLessThan(12);
    expect(distance(dRing, RED)).toBeLessThan(12);
    expect(distance(dPointer, POINTER)).toBeLessThan(24);
    // Between the symbols: the basemap, none of the symbol colours.
    for (const c of [FIRE, POLICE, EMS]) expect(distance(between, c)).toBeGreaterThan(40);

    // A report moves A 100 px south: it glides there (about a second) and stays there.
    await map.push([{ ...units[0], lat: north(-100) }]);
    await map.page.waitForTimeout(1_300);
    await map.frames(2);
    const moved = await pixelOf(map, 'A');
    expect(Math.abs(moved[1] - a[1] - 100)).toBeLessThan(1.5);
    const [atNew, atOld] = await map.pixels([moved, a]);
    expect(distance(atNew, FIRE)).toBeLessThan(12);
    expect(distance(atOld, FIRE)).toBeGreaterThan(40);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
    await map.close();
  });

  it('selects the unit under a click at every zoom, moving or not, and highlights it', async () => {
    const map = await MapPage.open(pages.browser, pages.server, 'mode=console&units=3000');
    await map.startFleet();
    // A unit 5 km east of the fleet, alone at every zoom (never folded into a cluster).
    const target = { id: 'T', name: 'T', agency: 'police', status: 'available', lat: 31.13, lon: 104.52 };
    await map.push([target]);
    for (const zoom of [10, 11, 13, 15, 17, 19]) {
      await map.clearSelection();
      // Put the unit 200 px off centre, so that the click is not where the view happens to be.
      const offset = (200 * 156_543.03) / 2 ** zoom / 111_319.5;
      await map.setView(target.lon - offset, target.lat + offset / 2, zoom);
      const [x, y] = await pixelOf(map, 'T');
      await map.click(x, y);
      await expect.poll(() => map.selectedUnit(), { timeout: 5_000 }).toBe('T');
      await map.frames(3);
      const [ring] = await map.pixels([[x + 11, y]]);
      expect(distance(ring, SELECTED), `selection ring at zoom ${zoom}`).toBeLessThan(30);
    }
    // Close up, moving units of the fleet: pick a few that stand apart and click each.
    await map.clearSelection();
    await map.setView(104.4, 31.13, 18);
    const visible = await map.visibleUnits(400);
    const apart = visible.filter((u) => visible.every((v) => v === u || Math.hypot(v.x - u.x, v.y - u.y) > 30)).slice(0, 3);
    expect(apart.length).toBeGreaterThan(0);
    for (const u of apart) {
      const [x, y] = await pixelOf(map, u.id);
      await map.click(x, y);
      await expect.poll(() => map.selectedUnit(), { timeout: 5_000 }).toBe(u.id);
    }
    // A click on open ground selects nothing new (the console opens a new incident there).
    await map.clearSelection();
    await map.setView(104.52, 31.2, 15);
    await map.click(640, 400);
    await map.frames(2);
    expect(await map.selectedUnit()).toBeNull();
    await map.stopFleet();
    await map.close();
  });
});
