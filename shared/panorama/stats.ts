/**
 * Incident statistics for the wall, as pure functions of (type, created time) pairs read from the
 * event log: counts by type and category, weekly and monthly trends, and year-over-year change
 * (year to date against the same span a year earlier). Buckets use a fixed offset from UTC
 * (China Standard Time by default), so the figures do not depend on the machine's time zone.
 */
import type { CountRow, TrendPoint, YoyRow } from './model.js';

/** Categories over the catalog's incident types; `criminal` has no type behind it yet. */
export const INCIDENT_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  fire: ['structure_fire', 'vehicle_fire'],
  traffic: ['traffic_collision'],
  medical: ['medical'],
  hazmat: ['hazmat'],
  disaster: ['flood', 'landslide'],
  public_order: ['public_order', 'crowd_event'],
  criminal: [],
};

export function categoryOf(type: string): string {
  for (const [c, types] of Object.entries(INCIDENT_CATEGORIES)) if (types.includes(type)) return c;
  return 'other';
}

export interface Occurrence {
  readonly type: string;
  readonly at: number;
}

const DAY = 86_400_000;

/** Local midnight (at `tz` minutes east of UTC) of the day containing t, as epoch ms. */
export function startOfDay(t: number, tz: number): number {
  const off = tz * 60_000;
  return Math.floor((t + off) / DAY) * DAY - off;
}
export function startOfWeek(t: number, tz: number): number {
  const d = startOfDay(t, tz);
  const weekday = (new Date(d + tz * 60_000).getUTCDay() + 6) % 7; // Monday 0
  return d - weekday * DAY;
}
export function startOfMonth(t: number, tz: number, add = 0): number {
  const off = tz * 60_000;
  const local = new Date(t + off);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + add, 1) - off;
}
function startOfYear(t: number, tz: number): number {
  const off = tz * 60_000;
  return Date.UTC(new Date(t + off).getUTCFullYear(), 0, 1) - off;
}
/** The same local wall time one year earlier. */
function yearBefore(t: number, tz: number): number {
  const off = tz * 60_000;
  const l = new Date(t + off);
  return Date.UTC(l.getUTCFullYear() - 1, l.getUTCMonth(), l.getUTCDate(), l.getUTCHours(), l.getUTCMinutes(), l.getUTCSeconds(), l.getUTCMilliseconds()) - off;
}

const counts = (keys: readonly string[]): CountRow[] => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
};

export const changePct = (current: number, previous: number): number | null =>
  previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10;

export interface IncidentStats {
  readonly total: number;
  readonly byType: CountRow[];
  readonly byCategory: CountRow[];
  readonly weekly: TrendPoint[];
  readonly monthly: TrendPoint[];
  readonly yoy: YoyRow[];
  readonly noData: string[];
}

export function incidentStats(all: readonly Occurrence[], from: number, to: number, tz: number): IncidentStats {
  const inRange = all.filter((o) => o.at >= from && o.at < to);
  const weekly: TrendPoint[] = [];
  const w0 = startOfWeek(to - 1, tz);
  for (let i = 11; i >= 0; i--) {
    const start = w0 - i * 7 * DAY;
    weekly.push({ start, count: all.filter((o) => o.at >= start && o.at < start + 7 * DAY && o.at < to).length });
  }
  const monthly: TrendPoint[] = [];
  for (let i = 11; i >= 0; i--) {
    const start = startOfMonth(to - 1, tz, -i);
    const end = startOfMonth(to - 1, tz, -i + 1);
    monthly.push({ start, count: all.filter((o) => o.at >= start && o.at < end && o.at < to).length });
  }
  const y0 = startOfYear(to - 1, tz);
  const cur = all.filter((o) => o.at >= y0 && o.at < to);
  const prev = all.filter((o) => o.at >= yearBefore(y0, tz) && o.at < yearBefore(to, tz));
  const cats = Object.keys(INCIDENT_CATEGORIES).filter((c) => INCIDENT_CATEGORIES[c].length > 0);
  const yoy: YoyRow[] = [{ key: 'total', current: cur.length, previous: prev.length, changePct: changePct(cur.length, prev.length) }];
  for (const c of cats) {
    const a = cur.filter((o) => categoryOf(o.type) === c).length;
    const b = prev.filter((o) => categoryOf(o.type) === c).length;
    yoy.push({ key: c, current: a, previous: b, changePct: changePct(a, b) });
  }
  return {
    total: inRange.length,
    byType: counts(inRange.map((o) => o.type)),
    byCategory: counts(inRange.map((o) => categoryOf(o.type))),
    weekly,
    monthly,
    yoy,
    noData: Object.keys(INCIDENT_CATEGORIES).filter((c) => INCIDENT_CATEGORIES[c].length === 0),
  };
}
