/**
 * Every KPI on a generated history of 20,000 cases (two years through the real case desk),
 * checked against a plain computation from the generator's ground truth written out here, not
 * with the product's KPI code. SLA budgets are read from bodies.json directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedCase } from '../../../../../electron/core/cases/history';
import { historyDesk, RESOURCES, type CaseDeskHarness } from '../../../../helpers/cases';

const START = Date.parse('2024-01-01T00:00:00+08:00');
const END = Date.parse('2026-01-01T00:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface BodyJson {
  sla: { acceptHours: number; completeHours: number };
  bodies: { id: string; sla?: { acceptHours: number; completeHours: number } }[];
}
const bodyFile = JSON.parse(readFileSync(join(RESOURCES, 'cases', 'bodies.json'), 'utf8')) as BodyJson;

function budgets(bodyId: string | null): { accept: number; complete: number } {
  const b = bodyFile.bodies.find((x) => x.id === bodyId);
  const h = b?.sla ?? bodyFile.sla;
  return { accept: h.acceptHours * HOUR, complete: h.completeHours * HOUR };
}

function pausedBetween(c: PlannedCase, a: number, b: number): number {
  let sum = 0;
  for (const p of c.pauses) sum += Math.max(0, Math.min(b, p.to ?? END) - Math.max(a, p.from));
  return sum;
}

function breached(c: PlannedCase): boolean {
  const { accept, complete } = budgets(c.bodyId ?? c.proposedBodyId);
  const acceptEnd = c.acceptedAt ?? c.completedAt ?? END;
  const completeEnd = c.completedAt ?? END;
  return acceptEnd - c.receivedAt - pausedBetween(c, c.receivedAt, acceptEnd) > accept || completeEnd - c.receivedAt - pausedBetween(c, c.receivedAt, completeEnd) > complete;
}

function rank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1];
}

interface Q { from: number; to: number; district?: string; bodyId?: string }

function population(plan: PlannedCase[], q: Q): PlannedCase[] {
  return plan.filter((c) => !c.merged && c.receivedAt >= q.from && c.receivedAt < q.to && (!q.district || c.district === q.district) && (!q.bodyId || c.bodyId === q.bodyId));
}

function expected(plan: PlannedCase[], q: Q) {
  const pop = population(plan, q);
  const completed = pop.filter((c) => c.completedAt !== null);
  const resolved = pop.filter((c) => c.outcome === 'resolved');
  const satisfied = pop.filter((c) => c.feedback === 'satisfied').length;
  const dissatisfied = pop.filter((c) => c.feedback === 'dissatisfied').length;
  const accepts = pop.filter((c) => c.acceptedAt !== null).map((c) => (c.acceptedAt ?? 0) - c.receivedAt);
  const completes = completed.map((c) => (c.completedAt ?? 0) - c.receivedAt);
  return {
    collected: pop.length,
    completed: completed.length,
    completionRate: pop.length ? completed.length / pop.length : null,
    resolved: resolved.length,
    resolutionRate: completed.length ? resolved.length / completed.length : null,
    acceptMedianMs: rank(accepts, 0.5),
    acceptP90Ms: rank(accepts, 0.9),
    completeMedianMs: rank(completes, 0.5),
    completeP90Ms: rank(completes, 0.9),
    slaBreaches: pop.filter(breached).length,
    satisfied,
    dissatisfied,
    satisfactionRate: satisfied + dissatisfied ? satisfied / (satisfied + dissatisfied) : null,
  };
}

/** Local (UTC+8) calendar: the month's and the Monday's start of a time. */
const local = (t: number): Date => new Date(t + 8 * HOUR);
const monthStart = (t: number): number => Date.UTC(local(t).getUTCFullYear(), local(t).getUTCMonth(), 1) - 8 * HOUR;
function mondayStart(t: number): number {
  const d = local(t);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return midnight - ((d.getUTCDay() + 6) % 7) * DAY - 8 * HOUR;
}

function counts(plan: PlannedCase[], q: Q, bucket: (t: number) => number): Map<number, number> {
  const m = new Map<number, number>();
  for (const c of population(plan, q)) m.set(bucket(c.receivedAt), (m.get(bucket(c.receivedAt)) ?? 0) + 1);
  return m;
}

let h: CaseDeskHarness & { plan: PlannedCase[] };

beforeAll(() => {
  h = historyDesk({ cases: 20_000, seed: 20261129, start: START, end: END, yearlyTrend: -0.18 });
}, 900_000);
afterAll(() => h.store.close());

describe('KPIs on a generated history of 20,000 cases', () => {
  const year2025 = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: END };
  const year2024 = { from: START, to: Date.parse('2025-01-01T00:00:00+08:00') };

  it('went through the real desk: every case in the log and its projections', () => {
    expect(h.plan).toHaveLength(20_000);
    expect(h.store.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(20_000);
    expect(h.plan.filter((c) => c.merged).length).toBeGreaterThan(50);
    expect(h.plan.filter((c) => c.pauses.length).length).toBeGreaterThan(1000);
  });

  it('match the independent computation for a year, a district, a body and a quarter', async () => {
    const ctx = { actor: 'supervisor', consoleId: 'test', role: 'supervisor' as const };
    const busiest = [...population(h.plan, year2025).reduce((m, c) => m.set(c.bodyId ?? '', (m.get(c.bodyId ?? '') ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0][0];
    const queries: Q[] = [
      year2025,
      year2024,
      { ...year2025, district: 'jiangnan' },
      { ...year2025, bodyId: busiest },
      { from: Date.parse('2025-10-01T00:00:00+08:00'), to: END, district: 'chengdong' },
    ];
    for (const q of queries) {
      const r = await h.cases.handlers['cases.kpi'](q, ctx);
      const want = expected(h.plan, q);
      expect(r.figures.collected).toBe(want.collected);
      const { completionRate, resolutionRate, satisfactionRate, ...exact } = r.figures;
      const { completionRate: wc, resolutionRate: wr, satisfactionRate: ws, ...wantExact } = want;
      expect(exact).toEqual(wantExact);
      expect(completionRate).toBeCloseTo(wc ?? NaN, 12);
      expect(resolutionRate).toBeCloseTo(wr ?? NaN, 12);
      expect(satisfactionRate).toBeCloseTo(ws ?? NaN, 12);
    }
    const whole = expected(h.plan, year2025);
    expect(whole.collected).toBeGreaterThan(8000);
    expect(whole.completionRate).toBeGreaterThan(0.95);
    expect(whole.slaBreaches).toBeGreaterThan(100);
  });

  it('trend by week and month and the year-over-year change match', async () => {
    const r = h.cases.kpi.kpi(year2025);
    const months = counts(h.plan, year2025, monthStart);
    expect(r.byMonth).toHaveLength(12);
    expect(r.byMonth.map((p) => [p.label, p.collected])).toEqual(r.byMonth.map((p) => [p.label, months.get(p.start) ?? 0]));
    expect(r.byMonth[0].label).toBe('2025-01');
    const weeks = counts(h.plan, year2025, mondayStart);
    expect(r.byWeek.map((p) => p.collected)).toEqual(r.byWeek.map((p) => weeks.get(p.start) ?? 0));
    expect(r.byWeek.reduce((s, p) => s + p.collected, 0)).toBe(expected(h.plan, year2025).collected);
    expect(r.byWeek[0].label).toBe('2025-W01'); // 2024-12-30 is the Monday of ISO week 1 of 2025
    const prev = expected(h.plan, year2024);
    expect(r.previousYear.collected).toBe(prev.collected);
    expect(r.yoy.collected).toBeCloseTo((r.figures.collected - prev.collected) / prev.collected, 12);
    expect(r.yoy.collected).toBeLessThan(-0.05); // the generated rate falls 18 % a year
  });

  it('lists the cases behind each figure (audit)', async () => {
    const ctx = { actor: 'supervisor', consoleId: 'test', role: 'supervisor' as const };
    const q = { ...year2025, district: 'gaoxin' };
    const pop = population(h.plan, q);
    const audit = async (figure: 'collected' | 'slaBreaches' | 'dissatisfied') => new Set((await h.cases.handlers['cases.kpiCases']({ ...q, figure }, ctx)).ids);
    expect(await audit('collected')).toEqual(new Set(pop.map((c) => c.id)));
    expect(await audit('slaBreaches')).toEqual(new Set(pop.filter(breached).map((c) => c.id)));
    expect(await audit('dissatisfied')).toEqual(new Set(pop.filter((c) => c.feedback === 'dissatisfied').map((c) => c.id)));
  });
});
