/** Editing a recommendation before dispatch: swap, add, remove; Dispatch sends exactly the draft. */
import { describe, expect, it } from 'vitest';
import type { RecommendationView } from '../../../shared/model';
import { addUnit, candidates, draftFrom, draftMissing, draftUnitIds, estimatePick, removeUnit, swapUnit } from '../../../renderer/src/lib/draft';
import { unit } from './fixtures';

const pick = (unitId: string, etaS = 60) => ({ unitId, distanceM: 500, etaS, roadM: 700, routed: true, stale: false, station: 'ST-1' });
const rec: RecommendationView = {
  incidentId: 'i1',
  level: 1,
  slots: [
    { unitType: 'engine', agency: 'fire', count: 2, picks: [pick('E1'), pick('E2')], missing: 0, shortage: null },
    { unitType: 'ambulance', agency: 'ems', count: 1, picks: [], missing: 1, shortage: 'none_available' },
  ],
};
const at = { lat: 31.1, lon: 104.4 };

describe('draft', () => {
  it('starts as the recommendation, unedited', () => {
    const d = draftFrom(rec);
    expect(draftUnitIds(d)).toEqual(['E1', 'E2']);
    expect(draftMissing(d)).toBe(1);
    expect(d.edited).toBe(false);
  });

  it('swaps a pick for another unit in the same slot and place', () => {
    const e9 = unit('E9', { lat: 31.11, lon: 104.4, positionTs: 0 });
    const d = swapUnit(draftFrom(rec), 'E1', estimatePick(e9, at, 10 * 60_000));
    expect(draftUnitIds(d)).toEqual(['E9', 'E2']);
    expect(d.edited).toBe(true);
    const p = d.slots[0].picks[0];
    expect(p).toMatchObject({ manual: true, routed: false, stale: true, station: null });
    expect(p.distanceM).toBeGreaterThan(1000);
    expect(p.roadM).toBeCloseTo(p.distanceM * 1.4, -1);
    expect(d.slots[0].shortage).toBe('position_stale');
  });

  it('adds to the slot of the type, fills a shortage, or opens a new slot', () => {
    let d = addUnit(draftFrom(rec), 'ambulance', 'ems', estimatePick(unit('A1', { type: 'ambulance', agency: 'ems' }), at, 1_000));
    expect(d.slots[1]).toMatchObject({ missing: 0, shortage: null });
    d = addUnit(d, 'rescue', 'fire', estimatePick(unit('R1', { type: 'rescue' }), at, 1_000));
    expect(d.slots.map((s) => s.unitType)).toEqual(['engine', 'ambulance', 'rescue']);
    expect(d.slots[2]).toMatchObject({ count: 0, missing: 0 });
    expect(draftUnitIds(d)).toEqual(['E1', 'E2', 'A1', 'R1']);
    // The same unit twice is ignored.
    expect(addUnit(d, 'rescue', 'fire', estimatePick(unit('R1'), at, 0))).toBe(d);
  });

  it('removes a unit; a slot the plan asks for stays, showing what is missing', () => {
    let d = removeUnit(draftFrom(rec), 'E2');
    expect(d.slots[0]).toMatchObject({ missing: 1, shortage: 'none_available' });
    d = addUnit(d, 'rescue', 'fire', estimatePick(unit('R1', { type: 'rescue' }), at, 0));
    d = removeUnit(d, 'R1');
    expect(d.slots.map((s) => s.unitType)).toEqual(['engine', 'ambulance']);
  });

  it('offers available units of the type, nearest first, without those already picked', () => {
    const units = [
      unit('E1', { lat: 31.1001 }),
      unit('E5', { lat: 31.2 }),
      unit('E3', { lat: 31.101 }),
      unit('E4', { lat: 31.1002, status: 'en_route' }),
      unit('E6', { lat: 31.1003, incidentId: 'other' }),
      unit('E7', { lat: null, lon: null }),
      unit('E8', { lat: 31.1, registered: false }),
      unit('A1', { type: 'ambulance' }),
    ];
    expect(candidates(units, 'engine', at, new Set(['E1'])).map((c) => c.unit.id)).toEqual(['E3', 'E5']);
    expect(candidates(units, 'engine', at, new Set(), 1).map((c) => c.unit.id)).toEqual(['E1']);
  });
});
