import { describe, expect, it } from 'vitest';
import { statusBoard } from '../../../renderer/src/lib/board';
import { groupUnits, isFree, isStale, matchesQuery, openIncidents, ordersOf, summarizeOrders, STALE_AFTER_MS } from '../../../renderer/src/lib/viewmodel';
import { catalog, incident, order, unit } from './fixtures';

describe('view models', () => {
  it('lists open incidents newest first', () => {
    const m = new Map(
      [incident('a', { number: 1, createdAt: 10 }), incident('b', { number: 2, createdAt: 30 }), incident('c', { number: 3, createdAt: 20, status: 'closed' })].map(
        (i) => [i.id, i],
      ),
    );
    expect(openIncidents(m).map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('groups units by agency in catalog order, unregistered last, counting free units', () => {
    const units = [
      unit('E-2', { agency: 'ems', type: 'ambulance' }),
      unit('F-10'),
      unit('F-2', { status: 'en_route' }),
      unit('F-3', { incidentId: 'i1' }),
      unit('X-1', { registered: false, agency: null, type: null }),
    ];
    const groups = groupUnits(units, catalog);
    expect(groups.map((g) => [g.agency, g.available, g.total])).toEqual([
      ['fire', 1, 3],
      ['ems', 1, 1],
      [null, 0, 1],
    ]);
    // Natural order: F-2 before F-10.
    expect(groups[0].units.map((u) => u.id)).toEqual(['F-2', 'F-3', 'F-10']);
    expect(groupUnits(units, catalog, (u) => u.id.startsWith('E')).map((g) => g.agency)).toEqual(['ems']);
  });

  it('treats a dispatched unit that still reports available as not free', () => {
    expect(isFree(unit('a'))).toBe(true);
    expect(isFree(unit('a', { incidentId: 'i1' }))).toBe(false);
    expect(isFree(unit('a', { registered: false }))).toBe(false);
  });

  it('matches every word of a query in any field, ignoring case', () => {
    expect(matchesQuery('', ['x'])).toBe(true);
    expect(matchesQuery('f-1 engine', ['F-101', null, 'Engine'])).toBe(true);
    expect(matchesQuery('ladder', ['F-101', 'Engine'])).toBe(false);
    expect(matchesQuery('水罐', ['城东消防站 水罐车1'])).toBe(true);
  });

  it('flags positions older than the recommender threshold as stale', () => {
    expect(isStale(unit('a', { positionTs: 0 }), STALE_AFTER_MS)).toBe(false);
    expect(isStale(unit('a', { positionTs: 0 }), STALE_AFTER_MS + 1)).toBe(true);
    expect(isStale(unit('a', { positionTs: null }), 0)).toBe(true);
    expect(isStale(undefined, 0)).toBe(true);
  });

  it("lists an incident's dispatch orders in issue order and counts their states", () => {
    const m = new Map(
      [
        order('o2', { issuedAt: 2, unitId: 'b', state: 'acknowledged' }),
        order('o1', { issuedAt: 1, unitId: 'a', state: 'sent' }),
        order('o3', { issuedAt: 1, incidentId: 'other' }),
        order('o4', { issuedAt: 3, kind: 'cancel' }),
      ].map((o) => [o.id, o]),
    );
    const list = ordersOf(m, 'i1');
    expect(list.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(summarizeOrders(list)).toMatchObject({ sent: 1, acknowledged: 1, queued: 0 });
  });
});

describe('status board', () => {
  it('counts free, committed and out-of-service rostered units per agency', () => {
    const rows = statusBoard(
      [
        unit('F-1'),
        unit('F-2', { status: 'en_route', incidentId: 'i1' }),
        unit('F-3', { incidentId: 'i1' }),
        unit('F-4', { status: 'out_of_service' }),
        unit('X-1', { registered: false, agency: null }),
      ],
      catalog,
    );
    expect(rows).toEqual([{ agency: 'fire', free: 1, committed: 2, out: 1, total: 4 }]);
  });
});
