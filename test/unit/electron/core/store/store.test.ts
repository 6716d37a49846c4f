import { describe, expect, it } from 'vitest';
import { Queries } from '../../../../../electron/core/store/queries';
import { Store } from '../../../../../electron/core/store/store';
import { parseHlc } from '../../../../../shared/hlc';

const who = { actor: 'alice', consoleId: 'ws-1', role: 'supervisor' as const };
const unit = { id: 'F-101', name: '水罐车1', agency: 'fire' as const, type: 'engine', station: 'ST-1', lat: 31.1, lon: 104.4 };
const incident = { id: '00000000-0000-4000-8000-000000000001', number: 1, type: 'structure_fire', priority: 1, lat: 31, lon: 104, address: 'A', summary: '' };

function fresh(now = () => 1_800_000_000_000) {
  const store = new Store({ file: ':memory:', consoleId: 'ws-1', now });
  return { store, q: new Queries(store.db) };
}

describe('store', () => {
  it('stamps every event with an id, an increasing HLC, the actor and console', () => {
    const { store } = fresh(() => 1_000_000_000_000);
    const a = store.append('unit.rostered', unit, who);
    const b = store.append('incident.created', incident, who);
    expect(a.id).not.toEqual(b.id);
    expect(b.hlc > a.hlc).toBe(true);
    expect(parseHlc(a.hlc).node).toBe('ws-1');
    expect(store.events().map((e) => [e.type, e.actor, e.console])).toEqual([
      ['unit.rostered', 'alice', 'ws-1'],
      ['incident.created', 'alice', 'ws-1'],
    ]);
  });

  it('projects the dispatch lifecycle into units, incidents and orders', () => {
    const { store, q } = fresh();
    store.append('unit.rostered', unit, who);
    store.append('incident.created', incident, who);
    store.append('incident.dispatched', { incidentId: incident.id, level: 1, orders: [{ orderId: 'o1', unitId: 'F-101' }] }, who);
    expect(q.incident(incident.id)?.status).toBe('dispatched');
    expect(q.unit('F-101')?.incidentId).toBe(incident.id);
    expect(q.order('o1')?.state).toBe('queued');
    store.append('order.sent', { orderId: 'o1' }, who);
    store.append('order.answered', { orderId: 'o1', accepted: true, ts: 1, reason: null }, who);
    expect(q.order('o1')?.state).toBe('acknowledged');
    store.append('unit.status', { unitId: 'F-101', status: 'on_scene', ts: 2, orderId: 'o1' }, who);
    expect(q.incident(incident.id)?.status).toBe('on_scene');
    store.append('unit.status', { unitId: 'F-101', status: 'available', ts: 3, orderId: null }, who);
    expect(q.unit('F-101')).toMatchObject({ status: 'available', incidentId: null });
  });

  it('frees a unit that refuses or does not answer', () => {
    const { store, q } = fresh();
    store.append('unit.rostered', unit, who);
    store.append('incident.created', incident, who);
    store.append('incident.dispatched', { incidentId: incident.id, level: 1, orders: [{ orderId: 'o1', unitId: 'F-101' }] }, who);
    store.append('order.no_answer', { orderId: 'o1', timeoutMs: 30_000 }, who);
    expect(q.order('o1')?.state).toBe('no_answer');
    expect(q.unit('F-101')?.incidentId).toBeNull();
    // a late acceptance still counts: the unit is coming
    store.append('order.answered', { orderId: 'o1', accepted: true, ts: 1, reason: null }, who);
    expect(q.unit('F-101')?.incidentId).toBe(incident.id);
  });

  it('rebuilds the same tables from the log alone', () => {
    const { store, q } = fresh();
    store.append('unit.rostered', unit, who);
    store.append('unit.unregistered_seen', { id: 'X-9' }, who);
    store.append('incident.created', incident, who);
    store.append('incident.dispatched', { incidentId: incident.id, level: 1, orders: [{ orderId: 'o1', unitId: 'F-101' }] }, who);
    store.append('order.answered', { orderId: 'o1', accepted: false, ts: 1, reason: 'flat tyre' }, who);
    const before = { units: q.units(), incident: q.incident(incident.id), orders: q.ordersOf(incident.id) };
    store.rebuildProjections();
    expect({ units: q.units(), incident: q.incident(incident.id), orders: q.ordersOf(incident.id) }).toEqual(before);
  });

  it('tells listeners only about committed events', () => {
    const { store } = fresh();
    const heard: string[] = [];
    store.onEvent((e) => heard.push(e.type));
    expect(() =>
      store.tx(() => {
        store.append('unit.rostered', unit, who);
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(heard).toEqual([]);
    expect(store.events()).toEqual([]);
    store.append('unit.rostered', unit, who);
    expect(heard).toEqual(['unit.rostered']);
  });
});

describe('durability settings', () => {
  it('keeps synchronous=FULL for records, relaxing it only inside a relaxed transaction', () => {
    const { store } = fresh();
    const level = () => store.db.pragma('synchronous', { simple: true });
    expect(level()).toBe(2); // FULL
    let inside = -1;
    store.tx(() => {
      inside = level() as number;
    }, 'relaxed');
    expect(inside).toBe(1); // NORMAL
    expect(level()).toBe(2);
    expect(() => store.tx(() => {
      throw new Error('boom');
    }, 'relaxed')).toThrow('boom');
    expect(level()).toBe(2);
  });
});
