/**
 * The unit tracker's flush: positions written in one transaction before the push, newer-only, and
 * pushed as positions for units the clients have, as whole views for units new to them.
 */
import { describe, expect, it } from 'vitest';
import type { UnitPosition } from '../../../../../shared/api';
import type { UnitView } from '../../../../../shared/model';
import { UnitTracker } from '../../../../../electron/core/field/units';
import { Queries } from '../../../../../electron/core/store/queries';
import { Store } from '../../../../../electron/core/store/store';

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);
const who = { actor: 'system', consoleId: 'c1' };

function setup() {
  const store = new Store({ file: ':memory:', consoleId: 'c1', now: () => NOW });
  store.append('unit.rostered', { id: 'F-101', name: '水罐车1', agency: 'fire', type: 'engine', station: 'S1', lat: 31.1, lon: 104.4 }, who);
  const queries = new Queries(store.db);
  const pushes: { units: UnitView[]; positions: UnitPosition[]; stored: unknown }[] = [];
  const stored = () => store.db.prepare('SELECT id, lat, position_ts FROM units ORDER BY id').all();
  const tracker = new UnitTracker(store, queries, 'c1', (units, positions) => pushes.push({ units, positions, stored: stored() }), 1_000_000);
  return { store, tracker, pushes };
}

describe('UnitTracker', () => {
  it('writes a batch before pushing it: positions for known units, whole views for new ones', () => {
    const { tracker, pushes } = setup();
    tracker.position('F-101', { lat: 31.2, lon: 104.5, ts: NOW - 1000, speed: 3 });
    tracker.position('X-9', { lat: 31.3, lon: 104.6, ts: NOW - 500 });
    tracker.flush();
    expect(pushes).toHaveLength(1);
    const [p] = pushes;
    expect(p.positions).toEqual([{ id: 'F-101', lat: 31.2, lon: 104.5, heading: null, speed: 3, positionTs: NOW - 1000 }]);
    expect(p.units.map((u) => [u.id, u.registered, u.lat])).toEqual([['X-9', false, 31.3]]);
    // The table already held both when the push went out.
    expect(p.stored).toEqual([
      { id: 'F-101', lat: 31.2, position_ts: NOW - 1000 },
      { id: 'X-9', lat: 31.3, position_ts: NOW - 500 },
    ]);
    expect(tracker.get('F-101')?.lat).toBe(31.2);
  });

  it('keeps the newest report of a unit and ignores an older one arriving late', () => {
    const { tracker, pushes } = setup();
    tracker.position('F-101', { lat: 31.2, lon: 104.5, ts: NOW - 1000 });
    tracker.position('F-101', { lat: 31.25, lon: 104.5, ts: NOW - 900 });
    tracker.flush();
    tracker.position('F-101', { lat: 31.0, lon: 104.5, ts: NOW - 2000 });
    tracker.flush();
    expect(pushes.map((p) => p.positions.map((q) => q.lat))).toEqual([[31.25]]);
    expect(tracker.get('F-101')?.lat).toBe(31.25);
  });

  it('sends the whole view of a unit an event changed, with its newest position', () => {
    const { store, tracker, pushes } = setup();
    store.append('unit.status', { unitId: 'F-101', status: 'en_route', ts: NOW, orderId: null }, who);
    tracker.touch(['F-101']);
    tracker.position('F-101', { lat: 31.2, lon: 104.5, ts: NOW - 1000 });
    tracker.flush();
    expect(pushes[0].positions).toEqual([]);
    expect(pushes[0].units.map((u) => [u.status, u.lat])).toEqual([['en_route', 31.2]]);
  });

  it('moves the view in place, and a push keeps what the unit was when it went out', () => {
    const { store, tracker, pushes } = setup();
    const view = tracker.get('F-101');
    store.append('unit.status', { unitId: 'F-101', status: 'en_route', ts: NOW, orderId: null }, who);
    tracker.touch(['F-101']);
    tracker.position('F-101', { lat: 31.2, lon: 104.5, ts: NOW - 1000 });
    tracker.flush();
    // An event gave the tracker a fresh view from the table; positions then move that one.
    const live = tracker.get('F-101');
    expect(live).not.toBe(view);
    tracker.position('F-101', { lat: 31.3, lon: 104.6, heading: 90, speed: 8, ts: NOW - 500 });
    tracker.flush();
    expect(tracker.get('F-101')).toBe(live);
    expect(live).toMatchObject({ status: 'en_route', lat: 31.3, lon: 104.6, heading: 90, speed: 8, positionTs: NOW - 500 });
    // The first push's whole view is a copy: it still says where the unit was then.
    expect(pushes[0].units[0]).toMatchObject({ lat: 31.2, positionTs: NOW - 1000 });
    expect(pushes[1].positions).toEqual([{ id: 'F-101', lat: 31.3, lon: 104.6, heading: 90, speed: 8, positionTs: NOW - 500 }]);
    // Recommendations search the index, which holds the moved view.
    expect(tracker.index.nearest('engine', 31.3, 104.6, 1).map((n) => [n.unit.lat, Math.round(n.distanceM)])).toEqual([[31.3, 0]]);
  });
});
