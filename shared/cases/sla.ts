/**
 * SLA clocks: pure arithmetic over time intervals. A clock counts *active* time from the case's
 * receipt: wall time minus pauses (waiting for the reporter), and, when the body keeps office
 * hours, only the time inside them (a 12-hour budget received Friday 16:00 with 08:30–17:30
 * weekdays runs out the following Tuesday). Without office hours a clock counts every hour of
 * every day. All local times are China time (UTC+8) unless the calendar says otherwise.
 */
import type { SlaClock, SlaView } from './model.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** China Standard Time, no daylight saving. */
export const CHINA_OFFSET_MS = 8 * HOUR_MS;

export interface OfficeHours {
  /** Minutes after local midnight. */
  readonly startMin: number;
  readonly endMin: number;
  /** Local weekdays with office hours, 0 = Sunday … 6 = Saturday. */
  readonly days: readonly number[];
  /** Local time = UTC + offset (default China time). */
  readonly offsetMs?: number;
}

export interface Pause {
  readonly from: number;
  /** Null: still paused. */
  readonly to: number | null;
  readonly reason?: string;
}

export interface SlaPolicy {
  readonly acceptMs: number;
  readonly completeMs: number;
  /** Null: the clock runs round the clock. */
  readonly hours: OfficeHours | null;
}

export interface SlaInput {
  readonly receivedAt: number;
  readonly acceptedAt: number | null;
  readonly completedAt: number | null;
  readonly pauses: readonly Pause[];
}

/** [from, to) intervals of wall time not paused, between a and b (pauses sorted, may overlap). */
function unpaused(a: number, b: number, pauses: readonly Pause[]): [number, number][] {
  const out: [number, number][] = [];
  let cursor = a;
  const sorted = [...pauses].sort((x, y) => x.from - y.from);
  for (const p of sorted) {
    const pTo = p.to ?? Infinity;
    if (pTo <= cursor) continue;
    if (p.from >= b) break;
    if (p.from > cursor) out.push([cursor, Math.min(p.from, b)]);
    cursor = Math.max(cursor, pTo);
    if (cursor >= b) break;
  }
  if (cursor < b) out.push([cursor, b]);
  return out;
}

/** Office-hours time inside [a, b). */
function workingMs(a: number, b: number, hours: OfficeHours | null): number {
  if (b <= a) return 0;
  if (!hours) return b - a;
  const off = hours.offsetMs ?? CHINA_OFFSET_MS;
  let total = 0;
  for (let day = Math.floor((a + off) / DAY_MS); day * DAY_MS - off < b; day++) {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    if (!hours.days.includes(weekday)) continue;
    const s = day * DAY_MS - off + hours.startMin * 60_000;
    const e = day * DAY_MS - off + hours.endMin * 60_000;
    total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total;
}

/** Active (unpaused, in office hours) ms between a and b. */
export function activeMs(a: number, b: number, pauses: readonly Pause[], hours: OfficeHours | null): number {
  if (b <= a) return 0;
  let total = 0;
  for (const [s, e] of unpaused(a, b, pauses)) total += workingMs(s, e, hours);
  return total;
}

/** The wall time at which `budget` active ms have passed since `a`, or null if an open pause comes first. */
export function dueTime(a: number, budget: number, pauses: readonly Pause[], hours: OfficeHours | null): number | null {
  let left = budget;
  const sorted = [...pauses].sort((x, y) => x.from - y.from);
  let cursor = a;
  // Free segments between pauses; the last one is open-ended (unless an open pause ends the timeline).
  const segments: [number, number][] = [];
  for (const p of sorted) {
    const pTo = p.to ?? Infinity;
    if (pTo <= cursor) continue;
    if (p.from > cursor) segments.push([cursor, p.from]);
    cursor = Math.max(cursor, pTo);
  }
  if (cursor !== Infinity) segments.push([cursor, Infinity]);
  for (const [s, e] of segments) {
    const t = consume(s, e, left, hours);
    if (t.at !== null) return t.at;
    left = t.left;
  }
  return null;
}

/** Spends `left` active ms from s within [s, e); returns the moment it is spent, or what is left. */
function consume(s: number, e: number, left: number, hours: OfficeHours | null): { at: number | null; left: number } {
  if (!hours) return s + left <= e ? { at: s + left, left: 0 } : { at: null, left: left - (e - s) };
  if (hours.days.length === 0 || hours.endMin <= hours.startMin) return { at: null, left };
  const off = hours.offsetMs ?? CHINA_OFFSET_MS;
  for (let day = Math.floor((s + off) / DAY_MS); day * DAY_MS - off < e; day++) {
    if (!hours.days.includes((day + 4) % 7)) continue;
    const ws = Math.max(s, day * DAY_MS - off + hours.startMin * 60_000);
    const we = Math.min(e, day * DAY_MS - off + hours.endMin * 60_000);
    if (we <= ws) continue;
    if (left <= we - ws) return { at: ws + left, left: 0 };
    left -= we - ws;
  }
  return { at: null, left };
}

function clock(start: number, doneAt: number | null, budget: number, pauses: readonly Pause[], hours: OfficeHours | null, now: number, open: boolean): SlaClock {
  const end = doneAt ?? now;
  const used = activeMs(start, end, pauses, hours);
  const remainingMs = budget - used;
  const state: SlaClock['state'] = remainingMs < 0 ? 'breached' : doneAt !== null ? 'met' : 'pending';
  // A clock stopped by the step's time has no open pause to wait on; else an open pause freezes dueAt.
  const dueAt = doneAt !== null || !open ? dueTime(start, budget, pauses.map((p) => (p.to === null ? { from: p.from, to: end } : p)), hours) : dueTime(start, budget, pauses, hours);
  return { budgetMs: budget, dueAt, remainingMs, state, doneAt };
}

/**
 * Both clocks of a case at `now`. `ended`: the time the case left handling without a completion
 * (merged, converted): its clocks stop there and are neither met nor breached afterwards.
 */
export function computeSla(input: SlaInput, policy: SlaPolicy, now: number, extra: { warned?: boolean; escalations?: number; ended?: number | null } = {}): SlaView {
  const stop = extra.ended ?? null;
  const at = stop !== null ? Math.min(stop, now) : now;
  const openPause = input.pauses.find((p) => p.to === null) ?? null;
  const pausedMs = input.pauses.reduce((sum, p) => sum + Math.max(0, (p.to ?? at) - p.from), 0);
  const open = stop === null;
  return {
    accept: clock(input.receivedAt, input.acceptedAt ?? input.completedAt, policy.acceptMs, input.pauses, policy.hours, at, open),
    complete: clock(input.receivedAt, input.completedAt, policy.completeMs, input.pauses, policy.hours, at, open),
    paused: openPause !== null && open,
    pausedSince: open ? (openPause?.from ?? null) : null,
    pauseReason: open ? (openPause?.reason ?? null) : null,
    pausedMs,
    warned: extra.warned ?? false,
    escalations: extra.escalations ?? 0,
  };
}

/** Which clock (if any) should warn now: used at least `warnAt` of its budget, still pending. */
export function slaAttention(sla: SlaView, warnAt: number): { phase: 'accept' | 'complete'; kind: 'warn' | 'breach' }[] {
  const out: { phase: 'accept' | 'complete'; kind: 'warn' | 'breach' }[] = [];
  for (const phase of ['accept', 'complete'] as const) {
    const c = sla[phase];
    if (c.doneAt !== null && c.state === 'met') continue;
    if (c.state === 'breached') out.push({ phase, kind: 'breach' });
    else if (c.budgetMs - c.remainingMs >= warnAt * c.budgetMs) out.push({ phase, kind: 'warn' });
  }
  return out;
}
