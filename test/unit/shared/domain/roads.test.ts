import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceM } from '../../../../shared/geo';
import { buildRoadGraph, closedEdges, snap, timesTo, type GeoJsonLike, type RoadSnap } from '../../../../shared/domain/roads';

// Hand-made networks in metres east / north of (31 N, 104 E).
const LAT0 = 31, LON0 = 104;
const M_LAT = 111_195, M_LON = 111_195 * Math.cos((LAT0 * Math.PI) / 180);
const ll = (x: number, y: number): { lat: number; lon: number } => ({ lat: LAT0 + y / M_LAT, lon: LON0 + x / M_LON });
const pos = (x: number, y: number): [number, number] => [Math.round((LON0 + x / M_LON) * 1e7) / 1e7, Math.round((LAT0 + y / M_LAT) * 1e7) / 1e7];
const road = (pts: [number, number][], props: Record<string, unknown> = {}): GeoJsonLike['features'][number] => ({
  properties: { layer: 'road', speedKmh: 36, oneway: false, ...props },
  geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => pos(x, y)) },
});
const at = (g: ReturnType<typeof buildRoadGraph>, x: number, y: number): RoadSnap => {
  const s = snap(g, ll(x, y).lat, ll(x, y).lon);
  if (!s) throw new Error('no snap');
  return s;
};

describe('road graph', () => {
  it('joins crossing roads at shared vertices and ignores non-road features', () => {
    const g = buildRoadGraph({
      features: [
        road([[-100, 0], [0, 0], [100, 0]]),
        road([[0, -100], [0, 0], [0, 100]]),
        { properties: { layer: 'river' }, geometry: { type: 'LineString', coordinates: [pos(0, 0), pos(500, 0)] } },
      ],
    });
    expect(g.nodeCount).toBe(5);
    expect(g.segA.length).toBe(4);
    expect(timesTo(g, at(g, 0, 100), [at(g, -100, 0)]).etaS[0]).toBeCloseTo(20, 0); // 200 m at 10 m/s
  });

  it('drives around a closed area (circle or polygon), and cannot pass when it cuts the only road', () => {
    // A square loop: the short way from (0,0) to (1000,0) is the bottom road; the top way is 3 km.
    const g = buildRoadGraph({ features: [road([[0, 0], [1000, 0]]), road([[0, 0], [0, 1000], [1000, 1000], [1000, 0]])] });
    const from = [at(g, 0, 0)];
    const to = at(g, 1000, 0);
    expect(timesTo(g, to, from).roadM[0]).toBeCloseTo(1000, -1);
    // A closure in the middle of the bottom road (no vertex inside it): both directions closed.
    const bridge = { type: 'Circle', center: pos(500, 20), radiusM: 50 } as const;
    expect(closedEdges(g, [bridge])?.reduce((n, x) => n + x, 0)).toBe(2);
    expect(timesTo(g, to, from, { closures: [bridge] }).roadM[0]).toBeCloseTo(3000, -1);
    // A polygon over the top-left corner as well: no way round any more.
    const corner = { type: 'Polygon', coordinates: [[pos(-50, 950), pos(50, 950), pos(50, 1050), pos(-50, 1050), pos(-50, 950)]] } as const;
    expect(timesTo(g, to, from, { closures: [bridge, corner] }).etaS[0]).toBe(Infinity);
    // An incident inside the closure is still reached (the crews are let in), and a unit inside one drives out.
    expect(timesTo(g, at(g, 500, 0), from, { closures: [bridge] }).roadM[0]).toBeCloseTo(500, -1);
    expect(timesTo(g, at(g, 0, 0), [at(g, 500, 0)], { closures: [bridge] }).roadM[0]).toBeCloseTo(500, -1);
    expect(closedEdges(g, [{ type: 'Circle', center: pos(5000, 5000), radiusM: 10 }])).toBeUndefined();
  });

  it('merges an endpoint that misses a vertex by under mergeM, and only then', () => {
    const data = { features: [road([[0, 0], [100, 0]]), road([[100.8, 0], [100.8, 100]])] };
    const merged = buildRoadGraph(data);
    expect(merged.nodeCount).toBe(3);
    expect(timesTo(merged, at(merged, 100, 100), [at(merged, 0, 0)]).etaS[0]).toBeCloseTo(20, 0);
    const strict = buildRoadGraph(data, { mergeM: 0 });
    expect(strict.nodeCount).toBe(4);
    expect(timesTo(strict, at(strict, 100, 100), [at(strict, 0, 0)]).etaS[0]).toBe(Infinity);
  });

  it('snaps to the nearest point on a segment, not to the nearest vertex', () => {
    const g = buildRoadGraph({ features: [road([[0, 0], [1000, 0]]), road([[0, 300], [1000, 300]])] });
    const s = at(g, 400, 40);
    expect(s.distanceM).toBeCloseTo(40, 0);
    expect(s.t).toBeCloseTo(0.4, 2);
    expect(g.segB[s.seg]).not.toBe(g.segB[at(g, 400, 290).seg]);
    expect(snap(g, ll(400, 900).lat, ll(400, 900).lon, 500)).toBeNull();
    expect(snap(g, ll(5000, 5000).lat, ll(5000, 5000).lon)?.distanceM).toBeGreaterThan(5000);
  });

  it('uses road speeds and adds the access legs at the access speed', () => {
    const g = buildRoadGraph({ features: [road([[0, 0], [500, 0]], { speedKmh: 72 }), road([[500, 0], [1000, 0]], { speedKmh: 18 })] });
    const r = timesTo(g, at(g, 1000, 0), [at(g, 0, 0), at(g, 500, -20)], { accessSpeedMps: 5 });
    expect(r.etaS[0]).toBeCloseTo(25 + 100, 0);
    expect(r.roadM[0]).toBeCloseTo(1000, -1);
    expect(r.etaS[1]).toBeCloseTo(100 + 4, 0); // 20 m at 5 m/s to reach the road
  });

  it('respects one-way roads, in the drive towards the incident', () => {
    // One-way eastbound main street, two-way loop 500 m north of it.
    const g = buildRoadGraph({
      features: [
        road([[-1000, 0], [0, 0], [1000, 0]], { oneway: true }),
        road([[1000, 0], [1000, 500], [-1000, 500], [-1000, 0]]),
      ],
    });
    const r = timesTo(g, at(g, 0, 0), [at(g, -800, 0), at(g, 500, 0), at(g, -200, 0), at(g, 200, 0)]);
    expect(r.etaS[0]).toBeCloseTo(80, 0); // upstream: straight on
    expect(r.etaS[1]).toBeCloseTo(450, 0); // downstream: round the loop, 4.5 km
    expect(r.etaS[2]).toBeCloseTo(20, 0); // same segment, behind the incident
    expect(r.etaS[3]).toBeCloseTo(480, 0); // same segment, past it: no U-turn on a one-way
    const backwards = buildRoadGraph({ features: [road([[0, 0], [1000, 0]], { oneway: '-1' })] });
    expect(timesTo(backwards, at(backwards, 0, 0), [at(backwards, 1000, 0)]).etaS[0]).toBeCloseTo(100, 0);
    expect(timesTo(backwards, at(backwards, 1000, 0), [at(backwards, 0, 0)]).etaS[0]).toBe(Infinity);
  });

  it('reports unreachable and over-the-cap sources as Infinity', () => {
    const g = buildRoadGraph({ features: [road([[0, 0], [1000, 0]]), road([[0, 5000], [1000, 5000]])] });
    const r = timesTo(g, at(g, 0, 0), [at(g, 500, 5000), at(g, 1000, 0), null], { maxTimeS: 50 });
    expect([...r.etaS]).toEqual([Infinity, Infinity, Infinity]);
    expect(timesTo(g, at(g, 0, 0), [at(g, 400, 0)], { maxTimeS: 50 }).etaS[0]).toBeCloseTo(40, 0);
  });

  it('reads MultiLineString and OSM-style tags', () => {
    const g = buildRoadGraph({
      features: [{ properties: { highway: 'primary', oneway: 'yes' }, geometry: { type: 'MultiLineString', coordinates: [[pos(0, 0), pos(600, 0)], [pos(600, 0), pos(600, 600)]] } }],
    });
    expect(g.segA.length).toBe(2);
    expect(timesTo(g, at(g, 600, 600), [at(g, 0, 0)]).etaS[0]).toBeCloseTo(1200 / (60 / 3.6), 0);
  });
});

describe('training city road graph', () => {
  const data = JSON.parse(readFileSync(new URL('../../../../resources/map/training-city.geojson', import.meta.url), 'utf8')) as GeoJsonLike;
  const g = buildRoadGraph(data);

  it('is one connected network', () => {
    expect(g.nodeCount).toBe(2069);
    const nodes = Array.from({ length: g.nodeCount }, (_, n) => snap(g, g.lat[n], g.lon[n]));
    expect(nodes.every((s) => s !== null && s.distanceM < 0.01)).toBe(true);
    const r = timesTo(g, nodes[0] as RoadSnap, nodes);
    expect(r.etaS.every((t) => Number.isFinite(t))).toBe(true);
  });

  it('routes across the city in a plausible time', () => {
    const a = { lat: 31.085, lon: 104.33 }, b = { lat: 31.175, lon: 104.47 };
    const sa = snap(g, a.lat, a.lon), sb = snap(g, b.lat, b.lon);
    if (!sa || !sb) throw new Error('no snap');
    const r = timesTo(g, sb, [sa]);
    const straight = distanceM(a, b);
    expect(r.roadM[0]).toBeGreaterThan(straight);
    expect(r.roadM[0]).toBeLessThan(straight * 1.8);
    // 16+ km on 30–80 km/h roads: between a quarter of an hour and 40 minutes.
    expect(r.etaS[0]).toBeGreaterThan(12 * 60);
    expect(r.etaS[0]).toBeLessThan(40 * 60);
  });
});
