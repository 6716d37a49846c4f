import { describe, expect, it } from 'vitest';
import { SpatialGrid } from '../../../../renderer/src/map/live/spatial-grid';

/** Every slot the grid visits around (x, y), sorted. */
function near(grid: SpatialGrid, x: number, y: number, r: number): number[] {
  const out: number[] = [];
  grid.query(x, y, r, (s) => out.push(s));
  return out.sort((a, b) => a - b);
}

describe('SpatialGrid', () => {
  it('finds what was placed, follows moves and forgets removals', () => {
    const g = new SpatialGrid(100);
    g.place(0, 10, 10);
    g.place(1, 20, 20);
    g.place(2, 5_000, 5_000);
    expect(near(g, 0, 0, 50)).toEqual([0, 1]);
    g.place(1, 5_010, 5_010);
    expect(near(g, 0, 0, 50)).toEqual([0]);
    expect(near(g, 5_000, 5_000, 50)).toEqual([1, 2]);
    g.remove(2);
    expect(near(g, 5_000, 5_000, 50)).toEqual([1]);
  });

  it('renumbers a slot moved into a freed one (the table stays dense)', () => {
    const g = new SpatialGrid(100);
    g.place(0, 0, 0);
    g.place(1, 1_000, 1_000);
    g.remove(0);
    g.renumber(1, 0);
    expect(near(g, 1_000, 1_000, 10)).toEqual([0]);
    expect(near(g, 0, 0, 10)).toEqual([]);
  });

  it('visits a superset of the points within the radius, and only nearby cells (random check)', () => {
    const g = new SpatialGrid(250);
    const pts: [number, number][] = [];
    let seed = 42;
    const rnd = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5_000; i++) {
      pts.push([rnd() * 20_000 - 10_000, rnd() * 20_000 - 10_000]);
      g.place(i, pts[i][0], pts[i][1]);
    }
    for (let q = 0; q < 50; q++) {
      const [x, y, r] = [rnd() * 20_000 - 10_000, rnd() * 20_000 - 10_000, rnd() * 600];
      const visited = new Set(near(g, x, y, r));
      const inside = pts.flatMap(([px, py], i) => (Math.hypot(px - x, py - y) <= r ? [i] : []));
      for (const i of inside) expect(visited.has(i)).toBe(true);
      // Only the cells around the point: a handful of cells' worth, not the whole set.
      expect(visited.size).toBeLessThan(400);
    }
  });

  it('walks the occupied cells instead when the query spans more cells than exist', () => {
    const g = new SpatialGrid(10);
    g.place(0, 0, 0);
    g.place(1, 90_000, 90_000);
    expect(near(g, 45_000, 45_000, 100_000)).toEqual([0, 1]);
  });
});
