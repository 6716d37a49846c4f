import { describe, expect, it } from 'vitest';
import { distanceM } from '../../../../shared/geo';
import type { UnitView } from '../../../../shared/model';
import { UnitIndex } from '../../../../shared/domain/unit-index';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

function unit(id: string, type: string | null, lat: number | null, lon: number | null, patch: Partial<UnitView> = {}): UnitView {
  return {
    id, name: id, agency: 'fire', type, station: null, registered: true, status: 'available', statusSince: 0,
    lat, lon, heading: null, speed: null, positionTs: 0, incidentId: null, ...patch,
  };
}

function bruteForce(units: Iterable<UnitView>, type: string, lat: number, lon: number, k: number, accept: (u: UnitView) => boolean): string[] {
  return [...units]
    .filter((u) => u.type === type && u.lat !== null && u.lon !== null && accept(u))
    .map((u) => ({ id: u.id, d: distanceM({ lat, lon }, { lat: u.lat as number, lon: u.lon as number }) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map((x) => x.id);
}

describe('unit index', () => {
  it('finds the same k nearest as a brute-force scan, with a filter, after many moves', () => {
    const rand = rng(7);
    const index = new UnitIndex({ cellM: 300 });
    const units = new Map<string, UnitView>();
    const place = (id: string, type: string): void => {
      const u = unit(id, type, 31.08 + rand() * 0.1, 104.32 + rand() * 0.15, { status: rand() < 0.3 ? 'en_route' : 'available' });
      units.set(id, u);
      index.upsert(u);
    };
    for (let i = 0; i < 2000; i++) place(`U${i}`, i % 3 === 0 ? 'engine' : 'ambulance');
    // Move half of them (many change cell), and drop a few.
    for (let i = 0; i < 2000; i += 2) place(`U${i}`, i % 3 === 0 ? 'engine' : 'ambulance');
    for (let i = 1; i < 200; i += 10) {
      index.remove(`U${i}`);
      units.delete(`U${i}`);
    }
    expect(index.size).toBe(units.size);
    const available = (u: UnitView): boolean => u.status === 'available';
    for (let q = 0; q < 200; q++) {
      const lat = 31.06 + rand() * 0.14, lon = 104.3 + rand() * 0.19, k = 1 + Math.floor(rand() * 12);
      const type = q % 2 ? 'engine' : 'ambulance';
      const got = index.nearest(type, lat, lon, k, available);
      expect(got.map((n) => n.unit.id)).toEqual(bruteForce(units.values(), type, lat, lon, k, available));
      for (let i = 1; i < got.length; i++) expect(got[i].distanceM).toBeGreaterThanOrEqual(got[i - 1].distanceM);
    }
  });

  it('keeps the latest object of a unit that stays in its cell', () => {
    const index = new UnitIndex();
    index.upsert(unit('E1', 'engine', 31, 104));
    index.upsert(unit('E1', 'engine', 31.00001, 104, { status: 'en_route' }));
    expect(index.nearest('engine', 31, 104, 1)[0].unit.status).toBe('en_route');
    expect(index.size).toBe(1);
  });

  it('follows type changes and drops units that lose their position', () => {
    const index = new UnitIndex({ refLat: 31 });
    index.upsert(unit('X', 'engine', 31, 104));
    index.upsert(unit('X', 'ladder', 31, 104));
    expect(index.nearest('engine', 31, 104, 5)).toEqual([]);
    expect(index.nearest('ladder', 31, 104, 5).map((n) => n.unit.id)).toEqual(['X']);
    index.upsert(unit('X', 'ladder', null, null));
    expect(index.nearest('ladder', 31, 104, 5)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('answers from far outside the indexed area and for unknown types', () => {
    const index = new UnitIndex();
    index.upsert(unit('A', 'engine', 31, 104));
    index.upsert(unit('B', 'engine', 31.01, 104));
    expect(index.nearest('engine', 35, 110, 1).map((n) => n.unit.id)).toEqual(['B']);
    expect(index.nearest('tow', 31, 104, 3)).toEqual([]);
    expect(index.nearest('engine', 31, 104, 0)).toEqual([]);
  });
});
