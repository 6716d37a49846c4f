import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../shared/api';
import type { UnitView } from '../../../shared/model';
import { ConsoleStore, UNITS_PUBLISH_MS } from '../../../renderer/src/store/console-store';
import { catalog, incident, order, unit } from './fixtures';

function snapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    consoleId: 'c1',
    catalog,
    units: [unit('u1'), unit('u2')],
    incidents: [incident('i1')],
    orders: [],
    diagnostics: { startedAt: 0, accepted: {}, rejectedTotal: 0, rejectedBySource: {}, rejectedByReason: {}, recent: [] },
    link: { status: 'connected', broker: 'mqtt://x', embedded: true, since: 0, outbox: 0 },
    ...patch,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ConsoleStore', () => {
  it('loads a snapshot and tells the map to redraw everything', () => {
    const s = new ConsoleStore();
    const seen: (readonly UnitView[] | null)[] = [];
    s.subscribeUnits((c) => seen.push(c));
    s.load(snapshot());
    expect(s.getState().loaded).toBe(true);
    expect(s.getState().units.size).toBe(2);
    expect(seen).toEqual([null]);
  });

  it('hands the map only the units of a batch, and keeps untouched slices identical', () => {
    const s = new ConsoleStore();
    s.load(snapshot());
    const before = s.getState();
    const seen: (readonly UnitView[] | null)[] = [];
    s.subscribeUnits((c) => seen.push(c));
    const moved = unit('u2', { lat: 31.2 });
    s.apply({ kind: 'units', units: [moved] });
    expect(seen).toEqual([[moved]]);
    expect(s.getState().units.get('u2')).toBe(moved);
    expect(s.getState().units.get('u1')).toBe(before.units.get('u1'));
    expect(s.getState().incidents).toBe(before.incidents);
  });

  it('changes the units list version for what lists show, not for moves', () => {
    vi.useFakeTimers();
    const s = new ConsoleStore();
    s.load(snapshot());
    const v0 = s.getState().unitsListVersion;
    s.apply({ kind: 'positions', positions: [{ id: 'u1', lat: 31.3, lon: 104.5, heading: 90, speed: 5, positionTs: 1 }] });
    s.apply({ kind: 'units', units: [unit('u2', { lat: 31.25 })] });
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.move);
    expect(s.getState().units.get('u1')?.lat).toBe(31.3);
    expect(s.getState().unitsListVersion).toBe(v0);
    s.apply({ kind: 'units', units: [unit('u2', { status: 'en_route' })] });
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.change);
    expect(s.getState().unitsListVersion).toBe(v0 + 1);
    s.load(snapshot());
    expect(s.getState().unitsListVersion).toBe(v0 + 2);
  });

  it('applies a batch in place and tells React within a short delay for a status, a second for moves', () => {
    vi.useFakeTimers();
    const s = new ConsoleStore();
    s.load(snapshot());
    const loaded = s.getState().units;
    let renders = 0;
    s.subscribe(() => renders++);
    // 1,000 batches of moves: no copy, no re-render yet, reads see the newest position.
    for (let i = 0; i < 1000; i++) s.apply({ kind: 'units', units: [unit('u1', { lat: 31 + i / 1e4 })] });
    expect(s.getState().units).toBe(loaded);
    expect(s.getState().units.get('u1')?.lat).toBeCloseTo(31.0999);
    expect(renders).toBe(0);
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.change);
    expect(renders).toBe(0);
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.move - UNITS_PUBLISH_MS.change);
    expect(renders).toBe(1);
    const moved = s.getState().units;
    expect(moved).not.toBe(loaded);
    expect([...moved.keys()]).toEqual(['u1', 'u2']);
    // A status change (or a new unit) shows sooner, and once for the whole burst.
    s.apply({ kind: 'units', units: [unit('u1', { lat: 31.5 })] });
    s.apply({ kind: 'units', units: [unit('u2', { status: 'en_route' })] });
    s.apply({ kind: 'units', units: [unit('u3')] });
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.change);
    expect(renders).toBe(2);
    expect(s.getState().units.get('u2')?.status).toBe('en_route');
    expect(s.getState().units.size).toBe(3);
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.move * 2);
    expect(renders).toBe(2);
    // A new snapshot replaces the units at once and drops a pending publication.
    s.apply({ kind: 'units', units: [unit('u1', { lat: 30 })] });
    s.load(snapshot({ units: [unit('u9')] }));
    expect([...s.getState().units.keys()]).toEqual(['u9']);
    vi.advanceTimersByTime(UNITS_PUBLISH_MS.move * 2);
    expect(renders).toBe(3);
  });

  it('moves known units by a positions push and tells the map the moved views', () => {
    const s = new ConsoleStore();
    s.load(snapshot({ units: [unit('u1', { status: 'on_scene', name: '水罐车1' }), unit('u2')] }));
    const seen: (readonly UnitView[] | null)[] = [];
    s.subscribeUnits((c) => seen.push(c));
    s.apply({ kind: 'positions', positions: [{ id: 'u1', lat: 31.5, lon: 104.5, heading: 90, speed: 4, positionTs: 7 }, { id: 'nobody', lat: 1, lon: 1, heading: null, speed: null, positionTs: 7 }] });
    const u1 = s.getState().units.get('u1');
    expect(u1).toEqual({ ...unit('u1', { status: 'on_scene', name: '水罐车1' }), lat: 31.5, lon: 104.5, heading: 90, speed: 4, positionTs: 7 });
    expect(seen).toEqual([[u1]]);
    expect(s.getState().units.has('nobody')).toBe(false);
  });

  it('never lets an older copy of an order or incident replace a newer one', () => {
    const s = new ConsoleStore();
    s.load(snapshot());
    s.apply({ kind: 'order', order: order('o1', { state: 'acknowledged', sentAt: 1, answeredAt: 2 }) });
    s.mergeOrders([order('o1', { state: 'queued' })]);
    expect(s.getState().orders.get('o1')?.state).toBe('acknowledged');
    s.apply({ kind: 'incident', incident: incident('i1', { status: 'dispatched', updatedAt: 5 }) });
    s.mergeIncidents([incident('i1', { status: 'new', updatedAt: 1 })]);
    expect(s.getState().incidents.get('i1')?.status).toBe('dispatched');
  });

  it('notifies subscribers on link, diagnostics and connection changes only when they change', () => {
    const s = new ConsoleStore();
    let n = 0;
    s.subscribe(() => (n += 1));
    s.setConnection('connecting');
    expect(n).toBe(0);
    s.setConnection('ready');
    s.apply({ kind: 'link', link: { status: 'offline', broker: 'b', embedded: false, since: 1, outbox: 3 } });
    expect(n).toBe(2);
    expect(s.getState().link?.outbox).toBe(3);
  });
});
