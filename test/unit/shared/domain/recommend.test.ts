import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMEND_OPTIONS, pickedUnitIds, recommend, type RecommendOptions } from '../../../../shared/domain/recommend';
import { buildRoadGraph, type GeoJsonLike } from '../../../../shared/domain/roads';
import { UnitIndex } from '../../../../shared/domain/unit-index';
import type { UnitView } from '../../../../shared/model';
import type { Catalog } from '../../../../shared/schemas/catalog';

const NOW = 1_800_000_000_000;
const catalog: Catalog = {
  agencies: [
    { id: 'fire', name: { zh: '消防', en: 'Fire' }, color: '#ff0000' },
    { id: 'ems', name: { zh: '急救', en: 'EMS' }, color: '#00ff00' },
  ],
  unitTypes: [
    { id: 'engine', agency: 'fire', name: { zh: '水罐车', en: 'Engine' }, capabilities: [] },
    { id: 'ambulance', agency: 'ems', name: { zh: '救护车', en: 'Ambulance' }, capabilities: [] },
  ],
  incidentTypes: [
    {
      id: 'structure_fire',
      name: { zh: '火灾', en: 'Structure fire' },
      priority: 1,
      plan: [
        { level: 1, slots: [{ unitType: 'engine', count: 2 }, { unitType: 'ambulance', count: 1 }] },
        { level: 2, slots: [{ unitType: 'engine', count: 1 }] },
      ],
    },
  ],
};

function unit(id: string, type: string, lat: number, patch: Partial<UnitView> = {}): UnitView {
  return {
    id, name: id, agency: type === 'engine' ? 'fire' : 'ems', type, station: 's', registered: true, status: 'available',
    statusSince: NOW, lat, lon: 104, heading: null, speed: null, positionTs: NOW - 1000, incidentId: null, ...patch,
  };
}

const at = { lat: 31, lon: 104 };

describe('recommendation (skeleton: straight-line)', () => {
  it('fills each slot with the nearest available units of its type', () => {
    const units = [unit('E1', 'engine', 31.03), unit('E2', 'engine', 31.01), unit('E3', 'engine', 31.02), unit('A1', 'ambulance', 31.05)];
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at, units, now: NOW });
    expect(pickedUnitIds(rec)).toEqual(['E2', 'E3', 'A1']);
    expect(rec.slots[0].picks[0].distanceM).toBeGreaterThan(1100);
    expect(rec.slots[0].picks[0].distanceM).toBeLessThan(1125);
    expect(rec.slots.every((s) => s.missing === 0)).toBe(true);
  });

  it('never recommends unregistered, busy, assigned or out-of-service units', () => {
    const units = [
      unit('U', 'engine', 31.001, { registered: false }),
      unit('B', 'engine', 31.001, { status: 'en_route' }),
      unit('X', 'engine', 31.001, { incidentId: 'other' }),
      unit('O', 'engine', 31.001, { status: 'out_of_service' }),
      unit('E1', 'engine', 31.2),
    ];
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at, units, now: NOW });
    expect(rec.slots[0].picks.map((p) => p.unitId)).toEqual(['E1']);
    expect(rec.slots[0].missing).toBe(1);
    expect(rec.slots[1]).toMatchObject({ unitType: 'ambulance', missing: 1, picks: [] });
  });

  it('ranks a stale position after every fresh one', () => {
    const units = [unit('near-stale', 'engine', 31.001, { positionTs: NOW - 3_600_000 }), unit('far', 'engine', 31.1), unit('mid', 'engine', 31.05)];
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at, units, now: NOW });
    expect(rec.slots[0].picks.map((p) => p.unitId)).toEqual(['mid', 'far']);
  });

  it('adds the units of higher alarm levels', () => {
    const units = [1, 2, 3, 4].map((i) => unit(`E${i}`, 'engine', 31 + i / 100));
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at, level: 2, units, now: NOW });
    expect(rec.slots[0]).toMatchObject({ unitType: 'engine', count: 3, missing: 0 });
  });

  it('refuses an unknown incident type', () => {
    expect(() => recommend(catalog, { incidentId: 'i', incidentType: 'alien', at, units: [], now: NOW })).toThrow(/unknown incident type/);
  });
});

// Hand-made city in metres east / north of (31 N, 104 E): a river along y = 0 with one bridge at
// x = 3000; a north bank road (y = 200), a south bank road (y = -200) and a north avenue (x = 0).
const M_LAT = 111_195, M_LON = 111_195 * Math.cos((31 * Math.PI) / 180);
const ll = (x: number, y: number): { lat: number; lon: number } => ({ lat: 31 + y / M_LAT, lon: 104 + x / M_LON });
const road = (pts: [number, number][], props: Record<string, unknown> = {}): GeoJsonLike['features'][number] => ({
  properties: { layer: 'road', speedKmh: 36, oneway: false, ...props },
  geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => [Math.round(ll(x, y).lon * 1e7) / 1e7, Math.round(ll(x, y).lat * 1e7) / 1e7]) },
});
const roads = buildRoadGraph({
  features: [
    road([[-500, 200], [0, 200], [3000, 200]]),
    road([[-500, -200], [0, -200], [3000, -200]]),
    road([[3000, -200], [3000, 200]]),
    road([[0, 200], [0, 1500]]),
    // An island road, not connected to anything.
    road([[8000, 8000], [8500, 8000]]),
  ],
});
const routed: RecommendOptions = { ...DEFAULT_RECOMMEND_OPTIONS, roads };
const scene = ll(0, 200);
const placed = (id: string, type: string, x: number, y: number, patch: Partial<UnitView> = {}): UnitView => unit(id, type, 0, { ...ll(x, y), ...patch });

describe('recommendation with a road graph', () => {
  it('ranks by routed ETA: the straight-line nearest unit across the river loses', () => {
    const units = [placed('south', 'engine', 0, -200, { station: 'S2' }), placed('north', 'engine', 0, 1500, { station: 'S1' }), placed('A', 'ambulance', 100, 200)];
    const straight = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at: scene, units, now: NOW });
    expect(straight.slots[0].picks.map((p) => p.unitId)).toEqual(['south', 'north']);
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at: scene, units, now: NOW }, routed);
    const [first, second] = rec.slots[0].picks;
    expect(first).toMatchObject({ unitId: 'north', routed: true, stale: false, station: 'S1' });
    expect(first.etaS).toBeCloseTo(130, -1);
    expect(first.roadM).toBeCloseTo(1300, -1);
    expect(second).toMatchObject({ unitId: 'south', routed: true });
    expect(second.distanceM).toBeCloseTo(400, -1);
    expect(second.roadM).toBeCloseTo(6400, -1); // over the bridge and back
    expect(rec.slots.map((sl) => sl.shortage)).toEqual([null, null]);
  });

  it('drives around a closed bridge: the unit across the river falls behind a farther one', () => {
    const units = [placed('south', 'engine', 2800, -200), placed('north', 'engine', 0, 1500)];
    const req = { incidentId: 'i', incidentType: 'structure_fire', level: 1, at: ll(3000, 200), units, now: NOW };
    const open = recommend(catalog, req, routed);
    expect(open.slots[0].picks[0]).toMatchObject({ unitId: 'south', routed: true });
    // The bridge at x = 3000 closed by a road-closure warning's circle.
    const closed = recommend(catalog, { ...req, closed: [{ type: 'Circle', center: [ll(3000, 0).lon, ll(3000, 0).lat], radiusM: 60 }] }, routed);
    // The south bank unit cannot reach the north bank any more: not recommended, the slot short by one.
    expect(closed.slots[0].picks.map((p) => p.unitId)).toEqual(['north']);
    expect(closed.slots[0].picks[0].routed).toBe(true);
    expect(closed.slots[0].missing).toBe(open.slots[0].missing + 1);
  });

  it('respects one-way streets', () => {
    const oneway = buildRoadGraph({
      features: [road([[-1000, 0], [0, 0], [1000, 0]], { oneway: true }), road([[1000, 0], [1000, 500], [-1000, 500], [-1000, 0]])],
    });
    const units = [placed('downstream', 'engine', 500, 0), placed('upstream', 'engine', -800, 0)];
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at: ll(0, 0), units, now: NOW }, { ...routed, roads: oneway });
    expect(rec.slots[0].picks.map((p) => [p.unitId, p.etaS])).toEqual([['upstream', 80], ['downstream', 450]]);
  });

  it('falls back to straight line for units off the network or unreachable, and says so', () => {
    const units = [placed('island', 'engine', 8200, 8000), placed('field', 'engine', 0, 5000), placed('road', 'engine', 1000, 200)];
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', level: 2, at: scene, units, now: NOW }, routed);
    const byId = new Map(rec.slots[0].picks.map((p) => [p.unitId, p]));
    expect(byId.get('road')).toMatchObject({ routed: true, etaS: 100 });
    for (const id of ['island', 'field']) {
      const p = byId.get(id);
      expect(p?.routed).toBe(false);
      expect(p?.etaS).toBe(Math.round((p?.roadM ?? 0) / DEFAULT_RECOMMEND_OPTIONS.speedMps));
    }
    // The incident itself off the network: nothing is routed.
    const far = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at: ll(-9000, -9000), units, now: NOW }, routed);
    expect(far.slots[0].picks.every((p) => !p.routed)).toBe(true);
  });

  it('explains shortages: none available, and filled only by stale positions', () => {
    const units = [placed('fresh', 'engine', 0, 1500), placed('old', 'engine', 0, 300, { positionTs: NOW - 3_600_000 })];
    const rec = recommend(catalog, { incidentId: 'i', incidentType: 'structure_fire', at: scene, units, now: NOW }, routed);
    expect(rec.slots[0]).toMatchObject({ missing: 0, shortage: 'position_stale' });
    expect(rec.slots[0].picks.map((p) => [p.unitId, p.stale])).toEqual([['fresh', false], ['old', true]]);
    expect(rec.slots[1]).toMatchObject({ unitType: 'ambulance', missing: 1, shortage: 'none_available', picks: [] });
  });

  it('takes what is still needed when the caller says, and honours exclusions', () => {
    const units = [1, 2, 3, 4].map((i) => placed(`E${i}`, 'engine', 0, 200 + i * 100));
    const rec = recommend(
      catalog,
      { incidentId: 'i', incidentType: 'structure_fire', level: 2, needs: new Map([['engine', 2]]), exclude: new Set(['E1']), at: scene, units, now: NOW },
      routed,
    );
    expect(rec.slots.map((sl) => [sl.unitType, sl.count])).toEqual([['engine', 2]]);
    expect(pickedUnitIds(rec)).toEqual(['E2', 'E3']);
  });

  it('gives the same picks from a unit index as from a scan of every unit', () => {
    let seed = 11;
    const rand = (): number => ((seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
    const units = Array.from({ length: 600 }, (_, i) =>
      placed(`U${i}`, i % 2 ? 'engine' : 'ambulance', rand() * 4000 - 500, rand() * 3000 - 1500, {
        positionTs: rand() < 0.2 ? NOW - 3_600_000 : NOW - 1000,
        status: rand() < 0.2 ? 'en_route' : 'available',
      }),
    );
    const index = new UnitIndex({ cellM: 250 });
    for (const u of units) index.upsert(u);
    for (let q = 0; q < 30; q++) {
      const at2 = ll(rand() * 3000, rand() * 2000 - 1000);
      const base = { incidentId: 'i', incidentType: 'structure_fire', level: 2, at: at2, now: NOW, exclude: new Set(['U3']) };
      expect(recommend(catalog, { ...base, index }, routed)).toEqual(recommend(catalog, { ...base, units }, routed));
    }
  });
});
