/** The after-action report as plain text, for the headless drill's terminal. */
import type { AfterActionReport } from '../../../shared/drills/api.js';

const mmss = (s: number | null): string => (s === null ? '—' : `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`);
const at = (t0: number, t: number | null): string => (t === null ? '—' : `+${mmss((t - t0) / 1000)}`);

export function formatReport(r: AfterActionReport, lang: 'zh' | 'en'): string {
  const t0 = r.run.startedAt;
  const lines = [
    `After-action report: ${r.run.title[lang]} (${r.run.scenarioId}), run ${r.run.runId}`,
    `ended: ${r.run.endReason ?? 'running'}; calls ${r.calls}; incidents ${r.incidents.length}`,
    '',
    'incident  type               call     opened   dispatch ack      on scene units refused',
    ...r.incidents.map(
      (i) =>
        `#${String(i.number).padEnd(8)}${i.type.padEnd(19)}${at(t0, i.callAt).padEnd(9)}${at(t0, i.createdAt).padEnd(9)}${at(t0, i.dispatchedAt).padEnd(9)}${at(t0, i.ackAt).padEnd(9)}${at(t0, i.onSceneAt).padEnd(9)}${String(i.units).padEnd(6)}${i.refused}`,
    ),
    '',
    'metric                 n   median  worst',
    ...r.stats.map((s) => `${s.metric.padEnd(23)}${String(s.n).padEnd(4)}${mmss(s.p50).padEnd(8)}${mmss(s.max)}`),
    '',
    'expectations:',
    ...r.expectations.map((e) => {
      const what = e.label?.[lang] ?? `${e.metric}${e.incidentType ? ` (${e.incidentType})` : ''}`;
      const measured = e.kind === 'max' ? `${mmss(e.measured)} (limit ${mmss(e.limit)})` : `${e.measured ?? 0} (at least ${e.limit})`;
      return `  ${e.met ? 'MET    ' : 'NOT MET'} ${what}: ${measured}${e.missing ? `, ${e.missing} incident(s) never reached it` : ''}`;
    }),
    '',
    r.allMet ? 'all expectations met' : 'SOME EXPECTATIONS NOT MET',
  ];
  return lines.join('\n');
}
