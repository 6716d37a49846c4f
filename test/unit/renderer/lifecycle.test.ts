/** An incident's lifecycle as shown: status steps, the times that matter, order tracks, replacements, timeline lines, the board. */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/model';
import { boardGroups } from '../../../renderer/src/lib/board';
import { assignedTo, awaitingReplacement, eventKey, orderSteps, responseTimes, statusSteps, timelineDetail } from '../../../renderer/src/lib/lifecycle';
import { catalog, incident, order, unit } from './fixtures';

describe('lifecycle', () => {
  it('marks status steps done, current and to do', () => {
    expect(statusSteps('on_scene').map((s) => s.state)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(statusSteps('closed').at(-1)?.state).toBe('current');
  });

  it('times call handling and response, ticking while pending and stopping at close', () => {
    const i = incident('i1', { createdAt: 0, times: { firstDispatchedAt: 40_000, firstAckAt: 52_000, firstEnRouteAt: null, firstOnSceneAt: null } });
    const t = responseTimes(i, 130_000);
    expect(t.map((r) => [r.key, r.ms, r.pending])).toEqual([
      ['toDispatch', 40_000, false],
      ['toAck', 12_000, false],
      ['toEnRoute', 90_000, true],
      ['toOnScene', 90_000, true],
    ]);
    const fresh = responseTimes(incident('i2', { createdAt: 0 }), 5_000);
    expect(fresh.map((r) => [r.ms, r.pending])).toEqual([[5_000, true], [null, false], [null, false], [null, false]]);
    const closed = responseTimes({ ...i, closedAt: 100_000 }, 500_000);
    expect(closed[2]).toMatchObject({ ms: null, pending: false });
  });

  it('tracks an order from sent to cleared', () => {
    const o = order('o1', { state: 'acknowledged', sentAt: 1, answeredAt: 2, enRouteAt: 3, onSceneAt: null, clearedAt: null });
    expect(orderSteps(o).map((s) => s.at)).toEqual([1, 2, 3, null, null]);
    expect(orderSteps(order('o2', { state: 'refused', sentAt: 1, answeredAt: 2 })).map((s) => s.at)).toEqual([1, null, null, null, null]);
    expect(orderSteps(order('o3', { state: 'cancelled', sentAt: 1, clearedAt: 9 })).at(-1)?.at).toBeNull();
  });

  it('offers next best for a refusal until a later unit of the same type was sent', () => {
    const units = new Map([
      ['E1', unit('E1')],
      ['E2', unit('E2')],
      ['A1', unit('A1', { type: 'ambulance' })],
    ]);
    const refused = order('o1', { unitId: 'E1', state: 'refused', issuedAt: 0, answeredAt: 10 });
    const other = order('o2', { unitId: 'A1', state: 'acknowledged', issuedAt: 20 });
    expect([...awaitingReplacement([refused, other], units)]).toEqual(['o1']);
    const replaced = order('o3', { unitId: 'E2', state: 'sent', issuedAt: 20 });
    expect([...awaitingReplacement([refused, other, replaced], units)]).toEqual([]);
  });

  it('lists the units still assigned to an incident', () => {
    const units = new Map([
      ['b', unit('b', { incidentId: 'i1' })],
      ['a', unit('a', { incidentId: 'i1' })],
      ['c', unit('c')],
    ]);
    expect(assignedTo(units, 'i1').map((u) => u.id)).toEqual(['a', 'b']);
  });

  it('describes timeline events with unit names', () => {
    const entry = (type: string, payload: Record<string, unknown>): TimelineEntry => ({ seq: 1, id: 'e', type, at: 0, hlc: 'h', actor: 'a', console: 'c', payload });
    const look = { orders: new Map([['o1', order('o1', { unitId: 'F-101' })]]), units: new Map([['F-101', unit('F-101', { name: '水罐车1' })]]) };
    expect(eventKey('order.answered')).toBe('timeline.type.order_answered');
    expect(timelineDetail(entry('order.answered', { orderId: 'o1', accepted: false, reason: 'busy' }), look)).toEqual({ unit: '水罐车1', accepted: false, text: 'busy' });
    expect(timelineDetail(entry('incident.dispatched', { level: 2, orders: [{ unitId: 'F-101' }, { unitId: 'X' }] }), look)).toEqual({ level: 2, unit: '水罐车1, X' });
    expect(timelineDetail(entry('incident.created', { address: '望江路', summary: '' }), look)).toEqual({ text: '望江路' });
    expect(timelineDetail(entry('unit.status', { unitId: 'F-101', status: 'on_scene' }), look)).toEqual({ unit: '水罐车1', status: 'on_scene' });
    expect(timelineDetail(entry('something.else', {}), look)).toEqual({});
  });
});

describe('unit status board', () => {
  it('groups units with their active order, warnings and availability per type', () => {
    const units = new Map([
      ['E1', unit('E1', { incidentId: 'i1', status: 'available' })],
      ['E2', unit('E2')],
      ['A1', unit('A1', { agency: 'ems', type: 'ambulance', status: 'on_scene', statusSince: 0, incidentId: 'i1' })],
    ]);
    const orders = [
      order('old', { unitId: 'E1', incidentId: 'i0', issuedAt: 0 }),
      order('o1', { unitId: 'E1', incidentId: 'i1', issuedAt: 1_000, state: 'sent' }),
      order('o2', { unitId: 'A1', incidentId: 'i1', issuedAt: 0, state: 'acknowledged', answeredAt: 1, enRouteAt: 2, onSceneAt: 2 }),
    ];
    const groups = boardGroups(units, orders, catalog, 40_000);
    expect(groups.map((g) => [g.agency, g.available, g.total, g.warnings])).toEqual([
      ['fire', 1, 2, 1],
      ['ems', 0, 1, 0],
    ]);
    expect(groups[0].rows.map((r) => [r.unit.id, r.order?.id, r.warning])).toEqual([
      ['E1', 'o1', 'not_acknowledged'],
      ['E2', undefined, null],
    ]);
    expect(groups[0].byType).toEqual([{ type: 'engine', available: 1 }]);
    expect(groups[1].byType).toEqual([{ type: 'ambulance', available: 0 }]);
    expect(boardGroups(units, orders, catalog, 2 * 3_600_000)[1].rows[0].warning).toBe('long_on_scene');
  });
});
