import { describe, expect, it } from 'vitest';
import { Aggregator, type ViewFrame } from '../../../../renderer/src/map/live/aggregate';
import { FLAG_HIDDEN, FLAG_SELECTED, UnitTable } from '../../../../renderer/src/map/live/unit-table';

const look = { agency: 0, status: 0, registered: true, heading: null, label: '' };
const view = (resolution: number): ViewFrame => ({
  centreX: 0,
  centreY: 0,
  resolution,
  rotation: 0,
  width: 1280,
  height: 800,
  pixelRatio: 1,
  extent: [-640 * resolution, -400 * resolution, 640 * resolution, 400 * resolution],
});

describe('Aggregator', () => {
  it('folds a crowded cell into one counted cluster and leaves sparse units alone', () => {
    const t = new UnitTable();
    for (let i = 0; i < 10; i++) t.set(`crowd${i}`, 105 + i, 105 + i, look, 0); // one 40 px cell at 10 m/px
    t.set('alone', 3_005, 3_005, look, 0);
    const a = new Aggregator();
    expect(a.run(t, 0, view(10), 40, 4)).toBe(true);
    expect(a.clusterCount).toBe(1);
    expect(a.clusters[2]).toBe(10);
    expect(a.clusters[0] + t.originX).toBeCloseTo(109.5);
    for (let i = 0; i < 10; i++) expect(t.has(t.slotOf(`crowd${i}`) ?? -1, FLAG_HIDDEN)).toBe(true);
    expect(t.has(t.slotOf('alone') ?? -1, FLAG_HIDDEN)).toBe(false);
    expect(a.clusterAt(view(10), t, 110, 110, 2)).toBe(0);
    expect(a.clusterAt(view(10), t, 3_005, 3_005, 2)).toBe(-1);
    // Nothing moved: a second run reports no change, so no frame needs drawing.
    expect(a.run(t, 0, view(10), 40, 4)).toBe(false);
  });

  it('never folds the selected unit away', () => {
    const t = new UnitTable();
    for (let i = 0; i < 10; i++) t.set(`u${i}`, 105 + i, 105, look, 0);
    t.flag(t.slotOf('u3') ?? -1, FLAG_SELECTED, true);
    const a = new Aggregator();
    a.run(t, 0, view(10), 40, 4);
    expect(t.has(t.slotOf('u3') ?? -1, FLAG_HIDDEN)).toBe(false);
    expect(a.clusters[2]).toBe(9);
  });

  it('shows everyone again on reset (zoomed in past the clustering zoom)', () => {
    const t = new UnitTable();
    for (let i = 0; i < 10; i++) t.set(`u${i}`, 105 + i, 105, look, 0);
    const a = new Aggregator();
    a.run(t, 0, view(10), 40, 4);
    expect(a.reset(t)).toBe(true);
    expect(a.clusterCount).toBe(0);
    for (let s = 0; s < t.count; s++) expect(t.has(s, FLAG_HIDDEN)).toBe(false);
  });
});
