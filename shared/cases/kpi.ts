/**
 * KPIs of the case desk, from facts (one compact record per case, projected from the event log).
 * Definitions (docs/cases.md has them for operators):
 *  - population: cases received in [from, to) (in the district / assigned to the body when given),
 *    merged duplicates left out; "collected" is its size.
 *  - completed: handled to an end (resolved or not resolved); completion rate = completed / collected.
 *  - resolved: outcome resolved; resolution rate = resolved / completed.
 *  - time to accept / complete: wall time from receipt, over the cases that reached the step;
 *    median and p90 by nearest rank (the value at rank ⌈p·n⌉ of the sorted times).
 *  - SLA breaches: cases whose accept or complete clock was breached.
 *  - satisfaction: satisfied / (satisfied + dissatisfied) over closed cases that gave feedback.
 * Weeks start on Monday and months on the 1st, China time (UTC+8).
 */
import type { Breakdown, CaseFeedback, CaseOutcome, KpiFigure, KpiFigures, KpiReport, TrendPoint } from './model.js';
import { CHINA_OFFSET_MS, DAY_MS } from './sla.js';

export interface CaseFact {
  readonly id: string;
  readonly receivedAt: number;
  readonly category: string;
  readonly district: string | null;
  readonly bodyId: string | null;
  readonly acceptedAt: number | null;
  readonly completedAt: number | null;
  readonly outcome: CaseOutcome | null;
  readonly feedback: CaseFeedback | null;
  readonly breached: boolean;
  readonly merged: boolean;
  /** Still being worked (received … in progress). */
  readonly open: boolean;
}

export interface KpiFilter {
  readonly from: number;
  readonly to: number;
  readonly district?: string | null;
  readonly bodyId?: string | null;
}

export function inPopulation(f: CaseFact, q: KpiFilter): boolean {
  return !f.merged && f.receivedAt >= q.from && f.receivedAt < q.to && (!q.district || f.district === q.district) && (!q.bodyId || f.bodyId === q.bodyId);
}

/** Does the case count towards `figure` (given it is in the population)? */
export function countsFor(f: CaseFact, figure: KpiFigure): boolean {
  switch (figure) {
    case 'collected':
      return true;
    case 'completed':
      return f.completedAt !== null;
    case 'resolved':
      return f.outcome === 'resolved';
    case 'accepted':
      return f.acceptedAt !== null;
    case 'slaBreaches':
      return f.breached;
    case 'satisfied':
      return f.feedback === 'satisfied';
    case 'dissatisfied':
      return f.feedback === 'dissatisfied';
    case 'open':
      return f.open;
  }
}

/** Nearest-rank percentile of ascending `sorted` (p in (0, 1]); null when empty. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function figures(facts: readonly CaseFact[], q: KpiFilter): KpiFigures {
  let collected = 0;
  let completed = 0;
  let resolved = 0;
  let breaches = 0;
  let satisfied = 0;
  let dissatisfied = 0;
  const accept: number[] = [];
  const complete: number[] = [];
  for (const f of facts) {
    if (!inPopulation(f, q)) continue;
    collected++;
    if (f.completedAt !== null) {
      completed++;
      complete.push(f.completedAt - f.receivedAt);
    }
    if (f.acceptedAt !== null) accept.push(f.acceptedAt - f.receivedAt);
    if (f.outcome === 'resolved') resolved++;
    if (f.breached) breaches++;
    if (f.feedback === 'satisfied') satisfied++;
    else if (f.feedback === 'dissatisfied') dissatisfied++;
  }
  const a = Float64Array.from(accept).sort();
  const c = Float64Array.from(complete).sort();
  return {
    collected,
    completed,
    completionRate: ratio(completed, collected),
    resolved,
    resolutionRate: ratio(resolved, completed),
    acceptMedianMs: nearestRank(a, 0.5),
    acceptP90Ms: nearestRank(a, 0.9),
    completeMedianMs: nearestRank(c, 0.5),
    completeP90Ms: nearestRank(c, 0.9),
    slaBreaches: breaches,
    satisfied,
    dissatisfied,
    satisfactionRate: ratio(satisfied, satisfied + dissatisfied),
  };
}

/** The same instant one year earlier, China calendar (29 Feb → 1 Mar). */
export function yearEarlier(t: number): number {
  const d = new Date(t + CHINA_OFFSET_MS);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime() - CHINA_OFFSET_MS;
}

/** Start of the China-time month containing t, and its label. */
export function monthOf(t: number): { start: number; label: string } {
  const d = new Date(t + CHINA_OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return { start: Date.UTC(y, m, 1) - CHINA_OFFSET_MS, label: `${y}-${String(m + 1).padStart(2, '0')}` };
}

/** Start of the China-time ISO week (Monday) containing t, and its ISO label (2026-W48). */
export function weekOf(t: number): { start: number; label: string } {
  const day = Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
  const weekday = (day + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const monday = day - weekday;
  const thursday = new Date((monday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { start: monday * DAY_MS - CHINA_OFFSET_MS, label: `${year}-W${String(week).padStart(2, '0')}` };
}

/** Memoised bucket start per China-local day: one Date per day seen rather than one per case. */
function bucketByDay(by: 'week' | 'month'): (t: number) => number {
  const memo = new Map<number, number>();
  return (t) => {
    const day = Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
    let start = memo.get(day);
    if (start === undefined) {
      start = (by === 'week' ? weekOf(t) : monthOf(t)).start;
      memo.set(day, start);
    }
    return start;
  };
}

/** Counts per week or month of receipt over the population. */
export function trend(facts: readonly CaseFact[], q: KpiFilter, by: 'week' | 'month'): TrendPoint[] {
  const bucket = by === 'week' ? weekOf : monthOf;
  const next = (start: number): number => (by === 'week' ? start + 7 * DAY_MS : monthOf(start + 32 * DAY_MS).start);
  // Periods longer than ten years (e.g. "everything since 1970") get no trend series.
  if (q.to - q.from > 3653 * DAY_MS) return [];
  const points = new Map<number, { start: number; label: string; collected: number; completed: number; resolved: number; slaBreaches: number; satisfied: number; dissatisfied: number }>();
  for (let t = bucket(q.from).start; t < q.to; t = next(t)) {
    const b = bucket(t);
    points.set(b.start, { ...b, collected: 0, completed: 0, resolved: 0, slaBreaches: 0, satisfied: 0, dissatisfied: 0 });
  }
  const startOf = bucketByDay(by);
  for (const f of facts) {
    if (!inPopulation(f, q)) continue;
    const p = points.get(startOf(f.receivedAt));
    if (!p) continue;
    p.collected++;
    if (f.completedAt !== null) p.completed++;
    if (f.outcome === 'resolved') p.resolved++;
    if (f.breached) p.slaBreaches++;
    if (f.feedback === 'satisfied') p.satisfied++;
    else if (f.feedback === 'dissatisfied') p.dissatisfied++;
  }
  return [...points.values()];
}

const change = (now: number | null, then: number | null): number | null => (now === null || then === null || then === 0 ? null : (now - then) / then);

export function kpiReport(facts: readonly CaseFact[], q: KpiFilter): Omit<KpiReport, 'computedMs'> {
  const cur = figures(facts, q);
  const prev = figures(facts, { ...q, from: yearEarlier(q.from), to: yearEarlier(q.to) });
  return {
    from: q.from,
    to: q.to,
    district: q.district ?? null,
    bodyId: q.bodyId ?? null,
    figures: cur,
    previousYear: prev,
    yoy: {
      collected: change(cur.collected, prev.collected),
      completionRate: change(cur.completionRate, prev.completionRate),
      resolutionRate: change(cur.resolutionRate, prev.resolutionRate),
      slaBreaches: change(cur.slaBreaches, prev.slaBreaches),
      satisfactionRate: change(cur.satisfactionRate, prev.satisfactionRate),
    },
    byWeek: trend(facts, q, 'week'),
    byMonth: trend(facts, q, 'month'),
  };
}

/** Ids of the population cases behind a figure (oldest first). */
export function kpiCaseIds(facts: readonly CaseFact[], q: KpiFilter, figure: KpiFigure): string[] {
  const hits = facts.filter((f) => inPopulation(f, q) && countsFor(f, figure));
  return hits.sort((a, b) => a.receivedAt - b.receivedAt).map((f) => f.id);
}

/** Counts per key (category, body, district) over the population, largest first. */
export function breakdown(facts: readonly CaseFact[], q: KpiFilter, key: (f: CaseFact) => string | null): Breakdown[] {
  const m = new Map<string, { key: string; collected: number; completed: number; resolved: number; slaBreaches: number }>();
  for (const f of facts) {
    if (!inPopulation(f, q)) continue;
    const k = key(f) ?? '';
    let b = m.get(k);
    if (!b) m.set(k, (b = { key: k, collected: 0, completed: 0, resolved: 0, slaBreaches: 0 }));
    b.collected++;
    if (f.completedAt !== null) b.completed++;
    if (f.outcome === 'resolved') b.resolved++;
    if (f.breached) b.slaBreaches++;
  }
  return [...m.values()].sort((a, b) => b.collected - a.collected || a.key.localeCompare(b.key));
}
