/**
 * The panorama's pure parts: which wall layout a path names, geodesic measuring, year-over-year
 * percentages as the wall writes them, the store's toggles and "around" keys, wall chart fonts.
 */
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { measureOf } from '../../../../renderer/src/panorama/map/measure';
import { PanoramaStore, pointKey } from '../../../../renderer/src/panorama/store';
import { wallLayoutOf } from '../../../../renderer/src/panorama/wall/route';
import { pct } from '../../../../renderer/src/panorama/wall/Yoy';
import { area } from '../../../../renderer/src/panorama/format';

describe('wall routes', () => {
  it('names the layout of /wall/{layout} and nothing else', () => {
    expect(wallLayoutOf('/wall/map')).toBe('map');
    expect(wallLayoutOf('/wall/kpi/')).toBe('kpi');
    expect(wallLayoutOf('/wall/cameras')).toBe('cameras');
    expect(wallLayoutOf('/wall/incidents')).toBe('incidents');
    expect(wallLayoutOf('/wall/other')).toBeNull();
    expect(wallLayoutOf('/')).toBeNull();
    expect(wallLayoutOf('/wall/map/x')).toBeNull();
  });
});

describe('measure', () => {
  const p = (lon: number, lat: number) => fromLonLat([lon, lat]);
  it('measures a geodesic distance along the line', () => {
    // 0.01° of latitude is about 1,109 m at 31°N.
    const r = measureOf('distance', [p(104.4, 31.12), p(104.4, 31.13)]);
    expect(r.length).toBeGreaterThan(1100);
    expect(r.length).toBeLessThan(1120);
    expect(r.area).toBe(0);
    expect(measureOf('distance', [p(104.4, 31.12)]).length).toBe(0);
  });
  it('measures an area and its perimeter from three points on', () => {
    // A square of 0.01° × 0.01° at 31°N: about 1,109 m × 952 m.
    const sq = [p(104.4, 31.12), p(104.41, 31.12), p(104.41, 31.13), p(104.4, 31.13)];
    const r = measureOf('area', sq);
    expect(r.area / 1e6).toBeGreaterThan(1.04);
    expect(r.area / 1e6).toBeLessThan(1.07);
    expect(r.length).toBeGreaterThan(4100);
    expect(measureOf('area', sq.slice(0, 2)).area).toBe(0);
  });
  it('writes areas in m² or km²', () => {
    expect(area(1234.4)).toBe('1,234 m²');
    expect(area(2_500_000)).toBe('2.50 km²');
  });
});

describe('year over year', () => {
  it('signs the change, a drop with a true minus, no data as a dash', () => {
    expect(pct(-33)).toBe('−33.0%');
    expect(pct(12.5)).toBe('+12.5%');
    expect(pct(0)).toBe('±0.0%');
    expect(pct(null)).toBe('—');
  });
});

describe('panorama store', () => {
  it('toggles kinds, keeps "around" by incident or point, and bumps fly-to requests', () => {
    const s = new PanoramaStore();
    expect(s.getState().kinds.has('hydrant')).toBe(true);
    s.toggleKind('hydrant');
    expect(s.getState().kinds.has('hydrant')).toBe(false);
    s.flyTo(31.1, 104.4);
    s.flyTo(31.1, 104.4);
    expect(s.getState().flyTo?.n).toBe(2);
    expect(pointKey(31.13, 104.4)).toBe('31.130000,104.400000');
    s.setTool('distance');
    s.setMeasure({ mode: 'distance', points: 2, length: 10, area: 0 });
    s.setTool(null);
    expect(s.getState().measure).toBeNull();
  });
});
