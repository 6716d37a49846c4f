/**
 * Multi-agency dispatch over a real broker: the whole plan in one call, orders followed to
 * acknowledgement, en route and on scene; refusals, silence (re-send, then "no answer") and the
 * next-best unit; escalation; reassignment; duplicate warnings; the rules for closing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import type { ApiInput, ApiName, ApiResults } from '../../shared/api';
import type { OrderView } from '../../shared/model';
import { nextPush, startTestCore, untilState } from '../helpers/core';

const ctx = { actor: 'dispatcher-li', consoleId: 'ws-3', role: 'supervisor' as const };
let core: Core;
let sim: Simulator;
/** Units that refuse every order, and units that never answer (no device). */
const REFUSERS = new Set(['F-102']);

const call = <K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiResults[K]> => core.call(name, input, ctx, 'test') as Promise<ApiResults[K]>;
const orderState = (id: string) => core.store.db.prepare('SELECT state FROM orders WHERE id = ?').pluck().get(id) as string;

beforeAll(async () => {
  core = await startTestCore({ ackTimeoutMs: 2_000 });
  const rows = core.store.db.prepare("SELECT id, lat, lon FROM units WHERE registered = 1 AND id NOT IN ('F-103', 'F-110')").all() as { id: string; lat: number; lon: number }[];
  // F-103 and F-110 have no device: their orders go unanswered.
  sim = startSimulator({ brokerUrl: core.link().broker, units: rows, positionIntervalMs: 500, ackDelayMs: 20, enRouteDelayMs: 50, speedMps: 2_000, onSceneMs: 600_000, refuse: (id) => REFUSERS.has(id) });
  await sim.ready;
});
afterAll(async () => {
  await sim.close();
  await core.close();
});

describe('one click for the whole plan', () => {
  it('dispatches every unit of the structure fire plan and follows each to on scene', async () => {
    const { incident, recommendation } = await call('incidents.create', { type: 'structure_fire', lat: 31.1478, lon: 104.3584, address: '城西 1 号' });
    expect(recommendation.slots.map((s) => [s.unitType, s.count, s.missing])).toEqual([
      ['engine', 2, 0], ['ladder', 1, 0], ['ambulance', 1, 0], ['traffic_patrol', 1, 0],
    ]);
    const { orders } = await call('incidents.dispatch', { incidentId: incident.id });
    expect(orders).toHaveLength(5);
    const all = orders.map((o) => o.id);
    await untilState(core, () => all.every((id) => core.store.db.prepare('SELECT on_scene_at FROM orders WHERE id = ?').pluck().get(id) !== null), 20_000);
    const detail = await call('incidents.get', { incidentId: incident.id });
    expect(detail.incident.status).toBe('on_scene');
    for (const o of detail.orders) {
      expect(o.state).toBe('acknowledged');
      expect(o.answeredAt).not.toBeNull();
      expect(o.enRouteAt).not.toBeNull();
      expect(o.onSceneAt).toBeGreaterThanOrEqual(o.enRouteAt ?? Infinity);
    }
    const t = detail.incident.times;
    expect(t.firstDispatchedAt).toBeGreaterThanOrEqual(detail.incident.createdAt);
    expect(t.firstAckAt).toBeGreaterThanOrEqual(t.firstDispatchedAt ?? Infinity);
    expect(t.firstOnSceneAt).toBeGreaterThanOrEqual(t.firstEnRouteAt ?? Infinity);
  });
});

describe('orders that do not go to plan', () => {
  it('a refusal frees the unit, and the next best replaces it with one action', async () => {
    const { incident } = await call('incidents.create', { type: 'vehicle_fire', lat: 31.1478, lon: 104.3584 });
    const refused = nextPush(core, (p) => p.kind === 'order' && p.order.unitId === 'F-102' && p.order.state === 'refused');
    await call('incidents.dispatch', { incidentId: incident.id, unitIds: ['F-102'] });
    const r = (await refused) as { order: OrderView };
    expect(r.order.reason).toBe('unit unavailable');
    expect(core.store.db.prepare('SELECT incident_id FROM units WHERE id = ?').pluck().get('F-102')).toBeNull();
    const { order } = await call('orders.replace', { orderId: r.order.id });
    expect(order?.unitId).not.toBe('F-102');
    expect(core.store.db.prepare('SELECT type FROM units WHERE id = ?').pluck().get(order?.unitId)).toBe('engine');
    await untilState(core, () => orderState(order?.id ?? '') === 'acknowledged');
  });

  it('silence: the order is sent again once, then flagged "no answer" and the unit freed', async () => {
    const { incident } = await call('incidents.create', { type: 'medical', lat: 31.1478, lon: 104.4079 });
    const [o] = (await call('incidents.dispatch', { incidentId: incident.id, unitIds: ['F-103'] })).orders;
    await untilState(core, () => orderState(o.id) === 'no_answer', 5_000);
    const final = (await call('incidents.get', { incidentId: incident.id })).orders[0];
    expect(final).toMatchObject({ state: 'no_answer', resent: 1 });
    expect(core.store.db.prepare('SELECT incident_id FROM units WHERE id = ?').pluck().get('F-103')).toBeNull();
    // The unit that did not answer is not offered again for this incident.
    const rec = await call('incidents.recommend', { incidentId: incident.id });
    expect(rec.slots.flatMap((s) => s.picks.map((p) => p.unitId))).not.toContain('F-103');
  });

  it('a cancelled order reaches the device as a cancellation, and the unit is free again', async () => {
    const { incident } = await call('incidents.create', { type: 'traffic_collision', lat: 31.104, lon: 104.3965 });
    const [o] = (await call('incidents.dispatch', { incidentId: incident.id, unitIds: ['T-401'] })).orders;
    await untilState(core, () => orderState(o.id) === 'acknowledged');
    const cancelled = await call('orders.cancel', { orderId: o.id, reason: '报警人称已自行处理' });
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: '报警人称已自行处理' });
    await untilState(core, () => sim.orders.some((m) => m.orderId === o.id && m.kind === 'cancel'));
    expect(core.store.db.prepare('SELECT incident_id FROM units WHERE id = ?').pluck().get('T-401')).toBeNull();
  });
});

describe('escalation and reassignment', () => {
  it('escalates to alarm 2 in one action, dispatching only what level 2 adds', async () => {
    const { incident } = await call('incidents.create', { type: 'structure_fire', lat: 31.1497, lon: 104.4546 });
    await call('incidents.dispatch', { incidentId: incident.id });
    const before = (await call('incidents.get', { incidentId: incident.id })).orders.length;
    const esc = await call('incidents.escalate', { incidentId: incident.id });
    expect(esc.incident.level).toBe(2);
    const added = esc.recommendation.slots.reduce((n, s) => n + s.count, 0);
    expect(esc.orders.length).toBe(added - esc.recommendation.slots.reduce((n, s) => n + s.missing, 0));
    expect((await call('incidents.get', { incidentId: incident.id })).orders.length).toBe(before + esc.orders.length);
    const timeline = (await call('incidents.timeline', { incidentId: incident.id })).entries;
    expect(timeline.map((e) => e.type)).toContain('incident.escalated');
  });

  it('reassigns a unit from a lower-priority incident with a logged reason, never the other way', async () => {
    const low = (await call('incidents.create', { type: 'public_order', lat: 31.13, lon: 104.4 })).incident;
    const [o] = (await call('incidents.dispatch', { incidentId: low.id, unitIds: ['P-305'] })).orders;
    await untilState(core, () => orderState(o.id) === 'acknowledged');
    const high = (await call('incidents.create', { type: 'structure_fire', lat: 31.13, lon: 104.4 })).incident;
    expect(high.priority).toBeLessThan(low.priority);
    const r = await call('units.reassign', { unitId: 'P-305', incidentId: high.id, reason: '火场需要警戒' });
    expect(r.cancelled).toMatchObject({ state: 'cancelled', cancelReason: `reassigned to #${high.number}: 火场需要警戒` });
    expect(r.order).toMatchObject({ incidentId: high.id, unitId: 'P-305' });
    const entry = (await call('incidents.timeline', { incidentId: low.id })).entries.find((e) => e.type === 'order.cancelled');
    expect(entry).toMatchObject({ actor: 'dispatcher-li', console: 'ws-3' });
    // back from the fire to the public-order incident: refused, the fire has the higher priority
    await expect(call('units.reassign', { unitId: 'P-305', incidentId: low.id, reason: 'x' })).rejects.toThrow(/higher priority/);
  });
});

describe('duplicates and closing', () => {
  it('warns of an open incident of a similar type nearby', async () => {
    const first = (await call('incidents.create', { type: 'structure_fire', lat: 31.12, lon: 104.38 })).incident;
    const second = await call('incidents.create', { type: 'vehicle_fire', lat: 31.1205, lon: 104.3805 });
    expect(second.duplicates.map((d) => d.id)).toContain(first.id);
    const far = await call('incidents.nearby', { type: 'structure_fire', lat: 31.2, lon: 104.5 });
    expect(far.duplicates).toEqual([]);
    const other = await call('incidents.nearby', { type: 'medical', lat: 31.12, lon: 104.38 });
    expect(other.duplicates.map((d) => d.id)).not.toContain(first.id);
    await call('incidents.link', { incidentId: second.incident.id, otherId: first.id, relation: 'duplicate' });
    expect((await call('incidents.get', { incidentId: first.id })).links).toEqual([{ otherId: second.incident.id, relation: 'duplicate' }]);
  });

  it('closes only with a disposition and no unit still assigned', async () => {
    const { incident } = await call('incidents.create', { type: 'medical', lat: 31.104, lon: 104.3965 });
    const amb = core.store.db.prepare("SELECT id FROM units WHERE type = 'ambulance' AND incident_id IS NULL ORDER BY id DESC LIMIT 1").pluck().get() as string;
    const [o] = (await call('incidents.dispatch', { incidentId: incident.id, unitIds: [amb] })).orders;
    await untilState(core, () => orderState(o.id) === 'acknowledged');
    await call('incidents.addNote', { incidentId: incident.id, text: '患者意识清醒，已送医' });
    await expect(call('incidents.setStatus', { incidentId: incident.id, status: 'closed', disposition: 'resolved' })).rejects.toThrow(`units still assigned: ${amb}`);
    await expect(call('incidents.setStatus', { incidentId: incident.id, status: 'closed' })).rejects.toThrow(/disposition/);
    await call('incidents.setStatus', { incidentId: incident.id, status: 'under_control' });
    await call('units.setStatus', { unitId: amb, status: 'available' });
    const closed = await call('incidents.setStatus', { incidentId: incident.id, status: 'closed', disposition: 'resolved' });
    expect(closed).toMatchObject({ status: 'closed', disposition: 'resolved' });
    expect(closed.underControlAt).not.toBeNull();
    await expect(call('incidents.dispatch', { incidentId: incident.id })).rejects.toThrow(/closed/);
    const types = (await call('incidents.timeline', { incidentId: incident.id })).entries.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['incident.created', 'incident.dispatched', 'order.sent', 'order.answered', 'incident.note', 'incident.status', 'unit.status']));
    expect(types.filter((t) => t === 'incident.status')).toHaveLength(2);
  });
});
