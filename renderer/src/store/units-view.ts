/**
 * The units slice of the console store (console-store.ts): a read-only view of the live units
 * map, so that publishing the units to React copies nothing, and what counts as a change a unit
 * list shows.
 */
import type { UnitView } from '../../../shared/model';

/**
 * A read-only view of the live units map. A new view is published when React must re-render
 * (identity = "changed"); every view reads the current map, so nothing is copied.
 */
export class UnitsView implements ReadonlyMap<string, UnitView> {
  constructor(private readonly m: ReadonlyMap<string, UnitView>) {}
  get size(): number {
    return this.m.size;
  }
  get(id: string): UnitView | undefined {
    return this.m.get(id);
  }
  has(id: string): boolean {
    return this.m.has(id);
  }
  forEach(fn: (u: UnitView, id: string, map: ReadonlyMap<string, UnitView>) => void): void {
    this.m.forEach((u, id) => fn(u, id, this));
  }
  entries(): MapIterator<[string, UnitView]> {
    return this.m.entries();
  }
  keys(): MapIterator<string> {
    return this.m.keys();
  }
  values(): MapIterator<UnitView> {
    return this.m.values();
  }
  [Symbol.iterator](): MapIterator<[string, UnitView]> {
    return this.m.entries();
  }
}

/** Whether `b` differs from `a` in anything but its position (what unit lists show). */
export function shownChange(a: UnitView, b: UnitView): boolean {
  return (
    a.status !== b.status ||
    a.statusSince !== b.statusSince ||
    a.incidentId !== b.incidentId ||
    a.registered !== b.registered ||
    a.name !== b.name ||
    a.agency !== b.agency ||
    a.type !== b.type ||
    a.station !== b.station ||
    (a.lat === null) !== (b.lat === null)
  );
}
