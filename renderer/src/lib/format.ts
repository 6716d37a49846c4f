/** Pure formatting helpers for what the dispatcher reads: times, ages, distances, ETAs. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** 24-hour wall-clock time, as command halls read it. */
export function clock(ts: number): string {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function dateIso(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type AgeUnit = 's' | 'm' | 'h' | 'd';

/** An age as its largest whole unit, for "3 min" style columns (the caller localizes the unit). */
export function age(ms: number): { readonly n: number; readonly unit: AgeUnit } {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return { n: s, unit: 's' };
  if (s < 3600) return { n: Math.floor(s / 60), unit: 'm' };
  if (s < 86_400) return { n: Math.floor(s / 3600), unit: 'h' };
  return { n: Math.floor(s / 86_400), unit: 'd' };
}

/** Whole minutes, rounded up and never 0: "arrives in 0 min" reads as "already there". */
export function etaMinutes(etaS: number): number {
  return Math.max(1, Math.ceil(etaS / 60));
}

export function distance(m: number): string {
  if (m < 1000) return `${Math.round(m)} m`;
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)} km`;
}

/** Latitude, longitude with five decimals (about a metre), the order Chinese dispatch uses. */
export function latLon(lat: number, lon: number): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

export type PriorityBand = 'critical' | 'high' | 'normal';

/** Priority 1 is the most urgent (catalog convention); bands drive the colour. */
export function priorityBand(priority: number): PriorityBand {
  if (priority <= 1) return 'critical';
  if (priority === 2) return 'high';
  return 'normal';
}

/** A span as a stopwatch reads: m:ss under an hour, h:mm:ss above. Negative spans read 0:00. */
export function span(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** An ETA in seconds as min:sec ("3:07"), rounded to the second. */
export function etaClock(etaS: number): string {
  return span(Math.round(etaS) * 1000);
}

/** Hours and minutes ("12:03"), with the month and day ("06-17 16:00") when not on `now`'s day. */
export function stamp(ts: number, now: number): string {
  const d = new Date(ts);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return dateIso(ts) === dateIso(now) ? hm : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

/** A reading as the map labels it: at most two decimals, no trailing zeros ("4.8 m", "12 %LEL"). */
export function reading(value: number, unit: string): string {
  return `${Number(value.toFixed(2))} ${unit}`;
}
