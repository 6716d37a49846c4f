/** Formatting for drill screens: durations as m:ss, the scenario's own clock. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Seconds as m:ss (h:mm:ss from an hour); — for none. */
export function mmss(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(t % 60)}` : `${m}:${pad(t % 60)}`;
}

/** The scenario's notional time of day: its start (as written, with its offset) plus the elapsed time. */
export function scenarioClock(startIso: string, elapsedS: number): string {
  const m = /T(\d{2}):(\d{2}):(\d{2})/.exec(startIso);
  if (!m) return '';
  const t = (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Math.floor(elapsedS)) % 86_400;
  return `${pad(Math.floor(t / 3600))}:${pad(Math.floor((t % 3600) / 60))}:${pad(t % 60)}`;
}
