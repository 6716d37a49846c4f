/**
 * The case desk's pure helpers: what an SLA clock reads (left, soon, breached, paused, done), the
 * queue's order (open first, most urgent, least time left), filters with subcategories, and the
 * dashboard's periods.
 */
import { describe, expect, it } from 'vitest';
import type { CasesCatalog, CaseView, SlaClock, SlaView } from '../../../shared/cases/model';
import { change, hoursMinutes, percent, queueOf, slaReading, sortCases } from '../../../renderer/src/lib/cases';
import { periodRange } from '../../../renderer/src/store/kpi-store';

const H = 3_600_000;
const NOW = Date.parse('2026-11-29T10:00:00+08:00');

function clock(budgetH: number, leftMs: number, paused = false, state: SlaClock['state'] = 'pending'): SlaClock {
  return { budgetMs: budgetH * H, dueAt: paused ? null : NOW + leftMs, remainingMs: leftMs, state, doneAt: null };
}

function kase(over: Partial<CaseView> & { n: number }, sla: Partial<SlaView> = {}): CaseView {
  return {
    id: `c${over.n}`,
    number: over.n,
    channel: 'phone',
    sourceRef: null,
    category: 'neighbour_dispute.noise',
    urgency: 'normal',
    status: 'received',
    description: '',
    lat: 31.13,
    lon: 104.4,
    address: '',
    district: null,
    community: null,
    reporter: null,
    reporterHidden: false,
    bodyId: null,
    proposedBodyId: null,
    receivedAt: NOW - H,
    assignedAt: null,
    acceptedAt: null,
    startedAt: null,
    completedAt: null,
    closedAt: null,
    outcome: null,
    feedback: null,
    mergedInto: null,
    incidentId: null,
    updatedAt: NOW,
    ...over,
    sla: {
      accept: clock(12, 11 * H),
      complete: clock(96, 95 * H),
      paused: false,
      pausedSince: null,
      pauseReason: null,
      pausedMs: 0,
      warned: false,
      escalations: 0,
      ...sla,
    },
  };
}

describe('SLA clock reading', () => {
  it('counts down the accept clock until accepted, then the complete clock', () => {
    expect(slaReading(kase({ n: 1 }), NOW)).toEqual({ phase: 'accept', tone: 'ok', ms: 11 * H, breached: false });
    expect(slaReading(kase({ n: 1 }), NOW + H)).toMatchObject({ phase: 'accept', ms: 10 * H });
    expect(slaReading(kase({ n: 1, status: 'in_progress' }), NOW)).toMatchObject({ phase: 'complete', tone: 'ok', ms: 95 * H });
  });

  it('is soon with under a quarter of the budget left, breached past zero', () => {
    expect(slaReading(kase({ n: 1 }, { accept: clock(12, 2 * H) }), NOW).tone).toBe('soon');
    expect(slaReading(kase({ n: 1 }, { accept: clock(12, 2 * H) }), NOW + 3 * H)).toEqual({ phase: 'accept', tone: 'breached', ms: -H, breached: true });
  });

  it('freezes while paused (and says so), even across the due time', () => {
    const c = kase({ n: 1, status: 'in_progress' }, { paused: true, complete: clock(96, 40 * H, true) });
    expect(slaReading(c, NOW + 100 * H)).toEqual({ phase: 'complete', tone: 'paused', ms: 40 * H, breached: false });
  });

  it('reads handled cases as done, late when a clock was breached', () => {
    expect(slaReading(kase({ n: 1, status: 'closed' }), NOW)).toMatchObject({ phase: null, tone: 'done', breached: false });
    expect(slaReading(kase({ n: 1, status: 'resolved' }, { accept: clock(12, -H, false, 'breached') }), NOW)).toMatchObject({ tone: 'done', breached: true });
  });
});

describe('queue order and filters', () => {
  it('puts open cases first, then the most urgent, then the least time left', () => {
    const list = [
      kase({ n: 1, status: 'closed', urgency: 'urgent' }),
      kase({ n: 2 }, { accept: clock(12, 5 * H) }),
      kase({ n: 3, urgency: 'high' }, { accept: clock(12, 9 * H) }),
      kase({ n: 4 }, { accept: clock(12, -2 * H, false, 'breached') }),
      kase({ n: 5, urgency: 'low' }, { accept: clock(12, -9 * H, false, 'breached') }),
    ];
    expect(sortCases(list, NOW).map((c) => c.number)).toEqual([3, 4, 2, 5, 1]);
  });

  it('filters by status (open by default), channel, body and category with its subcategories', () => {
    const catalog = { categories: [{ id: 'neighbour_dispute', parent: null }, { id: 'neighbour_dispute.noise', parent: 'neighbour_dispute' }, { id: 'family', parent: null }] } as unknown as CasesCatalog;
    const list = [
      kase({ n: 1 }),
      kase({ n: 2, category: 'family', channel: 'walk_in', bodyId: 'B1', status: 'assigned' }),
      kase({ n: 3, status: 'closed' }),
    ];
    const f = { status: 'open', channel: '', category: '', body: '' } as const;
    expect(queueOf(list, f, catalog, NOW).map((c) => c.number)).toEqual([1, 2]);
    expect(queueOf(list, { ...f, category: 'neighbour_dispute' }, catalog, NOW).map((c) => c.number)).toEqual([1]);
    expect(queueOf(list, { ...f, status: 'all', category: 'neighbour_dispute' }, catalog, NOW).map((c) => c.number)).toEqual([1, 3]);
    expect(queueOf(list, { ...f, channel: 'walk_in' }, catalog, NOW).map((c) => c.number)).toEqual([2]);
    expect(queueOf(list, { ...f, body: 'B1' }, catalog, NOW).map((c) => c.number)).toEqual([2]);
    expect(queueOf(list, { ...f, status: 'closed' }, catalog, NOW).map((c) => c.number)).toEqual([3]);
  });
});

describe('figures as text', () => {
  it('formats rates, changes and spans', () => {
    expect(percent(0.985)).toBe('98.5 %');
    expect(percent(null)).toBe('—');
    expect(change(-0.18)).toBe('−18.0 %');
    expect(change(0.05)).toBe('+5.0 %');
    expect(hoursMinutes(-(26 * H + 5 * 60_000))).toEqual({ d: 1, h: 2, m: 5 });
  });

  it('ends every period at the start of tomorrow, local time', () => {
    const now = new Date(2026, 10, 29, 10).getTime();
    const tomorrow = new Date(2026, 10, 30).getTime();
    expect(periodRange('year', now)).toEqual({ from: new Date(2026, 0, 1).getTime(), to: tomorrow });
    expect(periodRange('month', now)).toEqual({ from: new Date(2026, 10, 1).getTime(), to: tomorrow });
    expect(periodRange('quarter', now)).toEqual({ from: new Date(2026, 9, 1).getTime(), to: tomorrow });
    expect(periodRange('7d', now).to - periodRange('7d', now).from).toBe(7 * 24 * H);
  });
});
