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

/** Moves the k-th smallest of a[lo..hi] to a[k] (Hoare's selection, in place, expected linear time). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Nearest-rank percentiles (ascending ps) of the first n values, without sorting them all; reorders `a`. */
export function percentiles(a: Float64Array, n: number, ps: readonly number[]): (number | null)[] {
  if (n === 0) return ps.map(() => null);
  let lo = 0;
  return ps.map((p) => {
    const k = Math.max(0, Math.ceil(p * n) - 1);
    select(a, k, lo, n - 1);
    lo = k;
    return a[k];
  });
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function figures(facts: readonly CaseFact[], q: KpiFilter): KpiFigures {
  return onePass(facts, q, false).figures;
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

/** Counts per week or month of receipt over the population. */
export function trend(facts: readonly CaseFact[], q: KpiFilter, by: 'week' | 'month'): TrendPoint[] {
  const r = onePass(facts, q, true);
  return by === 'week' ? r.byWeek : r.byMonth;
}

const METRICS = 6; // collected, completed, resolved, slaBreaches, satisfied, dissatisfied

function count(c: Int32Array, o: number, done: boolean, ok: boolean, breached: boolean, sat: boolean, dis: boolean): void {
  c[o]++;
  if (done) c[o + 1]++;
  if (ok) c[o + 2]++;
  if (breached) c[o + 3]++;
  if (sat) c[o + 4]++;
  if (dis) c[o + 5]++;
}

/**
 * Figures and (optionally) week and month series in one pass over the facts: each China-local day
 * of the period is mapped once to its week and month bucket, so a case costs a few array reads.
 */
function onePass(facts: readonly CaseFact[], q: KpiFilter, withTrends: boolean): { figures: KpiFigures; byWeek: TrendPoint[]; byMonth: TrendPoint[] } {
  // Periods longer than ten years (e.g. "everything since 1970") get no trend series.
  const trends = withTrends && q.to > q.from && q.to - q.from <= 3653 * DAY_MS;
  const day0 = Math.floor((q.from + CHINA_OFFSET_MS) / DAY_MS);
  const days = trends ? Math.floor((q.to - 1 + CHINA_OFFSET_MS) / DAY_MS) - day0 + 1 : 0;
  const weeks: { start: number; label: string }[] = [];
  const months: { start: number; label: string }[] = [];
  const weekOfDay = new Int32Array(days);
  const monthOfDay = new Int32Array(days);
  for (let d = 0; d < days; d++) {
    const t = Math.max(q.from, (day0 + d) * DAY_MS - CHINA_OFFSET_MS);
    const w = weekOf(t);
    if (weeks.length === 0 || weeks[weeks.length - 1].start !== w.start) weeks.push(w);
    weekOfDay[d] = weeks.length - 1;
    const m = monthOf(t);
    if (months.length === 0 || months[months.length - 1].start !== m.start) months.push(m);
    monthOfDay[d] = months.length - 1;
  }
  const wc = new Int32Array(weeks.length * METRICS);
  const mc = new Int32Array(months.length * METRICS);
  const accept = new Float64Array(facts.length);
  const complete = new Float64Array(facts.length);
  let collected = 0, completed = 0, accepted = 0, resolved = 0, breaches = 0, satisfied = 0, dissatisfied = 0;
  for (const f of facts) {
    if (!inPopulation(f, q)) continue;
    collected++;
    const done = f.completedAt !== null;
    if (f.completedAt !== null) complete[completed++] = f.completedAt - f.receivedAt;
    if (f.acceptedAt !== null) accept[accepted++] = f.acceptedAt - f.receivedAt;
    const ok = f.outcome === 'resolved';
    if (ok) resolved++;
    if (f.breached) breaches++;
    const sat = f.feedback === 'satisfied';
    const dis = f.feedback === 'dissatisfied';
    if (sat) satisfied++;
    else if (dis) dissatisfied++;
    if (trends) {
      const d = Math.floor((f.receivedAt + CHINA_OFFSET_MS) / DAY_MS) - day0;
      count(wc, weekOfDay[d] * METRICS, done, ok, f.breached, sat, dis);
      count(mc, monthOfDay[d] * METRICS, done, ok, f.breached, sat, dis);
    }
  }
  const [acceptMedianMs, acceptP90Ms] = percentiles(accept, accepted, [0.5, 0.9]);
  const [completeMedianMs, completeP90Ms] = percentiles(complete, completed, [0.5, 0.9]);
  const series = (buckets: { start: number; label: string }[], c: Int32Array): TrendPoint[] =>
    buckets.map((b, i) => ({ ...b, collected: c[i * METRICS], completed: c[i * METRICS + 1], resolved: c[i * METRICS + 2], slaBreaches: c[i * METRICS + 3], satisfied: c[i * METRICS + 4], dissatisfied: c[i * METRICS + 5] }));
  return {
    figures: {
      collected,
      completed,
      completionRate: ratio(completed, collected),
      resolved,
      resolutionRate: ratio(resolved, completed),
      acceptMedianMs,
      acceptP90Ms,
      completeMedianMs,
      completeP90Ms,
      slaBreaches: breaches,
      satisfied,
      dissatisfied,
      satisfactionRate: ratio(satisfied, satisfied + dissatisfied),
    },
    byWeek: series(weeks, wc),
    byMonth: series(months, mc),
  };
}

const change = (now: number | null, then: number | null): number | null => (now === null || then === null || then === 0 ? null : (now - then) / then);

/** The facts received in [from, to) of facts sorted by receivedAt (binary search). */
export function receivedIn(sorted: readonly CaseFact[], from: number, to: number): readonly CaseFact[] {
  const first = (t: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid].receivedAt < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return sorted.slice(first(from), first(to));
}

/** The report; `sorted`: the facts are in receivedAt order, so only each period's slice is read. */
export function kpiReport(all: readonly CaseFact[], q: KpiFilter, sorted = false): Omit<KpiReport, 'computedMs'> {
  const prevQ = { ...q, from: yearEarlier(q.from), to: yearEarlier(q.to) };
  const now = onePass(sorted ? receivedIn(all, q.from, q.to) : all, q, true);
  const cur = now.figures;
  const prev = figures(sorted ? receivedIn(all, prevQ.from, prevQ.to) : all, prevQ);
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
    byWeek: now.byWeek,
    byMonth: now.byMonth,
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
