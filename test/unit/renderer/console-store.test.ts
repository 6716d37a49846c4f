import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api';
import type { UnitView } from '../../../shared/model';
import { ConsoleStore } from '../../../renderer/src/store/console-store';
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
