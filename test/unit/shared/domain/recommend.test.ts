import { describe, expect, it } from 'vitest';
import { pickedUnitIds, recommend } from '../../../../shared/domain/recommend';
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
