/**
 * The after-action report of a drill run: measured times per incident (call → incident →
 * dispatch → acknowledged → on scene), against the scenario's expectations, with a map of the unit
 * tracks. Printable (print styles in drills.css): Print makes the PDF.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AfterActionReport, DrillRunView } from '../../../shared/drills/api';
import { useConsole, useRuntime } from '../hooks/runtime';
import { clock, dateIso } from '../lib/format';
import { useDrillStore } from './context';
import { mmss } from './format';
import { MiniMap } from './MiniMap';

export function ReportView({ runId }: { runId: string | null }) {
  const { t, i18n } = useTranslation();
  const { session } = useRuntime();
  const drills = useDrillStore();
  const catalog = useConsole((d) => d.catalog);
  const [runs, setRuns] = useState<readonly DrillRunView[]>([]);
  const [chosen, setChosen] = useState<string | null>(runId);
  const [report, setReport] = useState<AfterActionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';

  useEffect(() => {
    void session.api['drill.runs']({}).then((r) => {
      setRuns(r.runs);
      setChosen((c) => c ?? r.runs[0]?.runId ?? null);
    });
  }, [session]);
  useEffect(() => {
    if (!chosen) return;
    session.api['drill.report']({ runId: chosen }).then(setReport, (e: unknown) => setError((e as Error).message));
  }, [chosen, session]);

  const color = (agency: string | null): string => catalog?.agencies.find((a) => a.id === agency)?.color ?? '#8797ad';
  const rel = (x: number | null): string => (x === null || !report ? '—' : `+${mmss((x - report.run.startedAt) / 1000)}`);
  return (
    <div className="qx-modal qx-drill-view qx-aar-modal" role="dialog" aria-modal="true" aria-label={t('drills.report.title')}>
      <div className="qx-modal__box qx-drill-view__box qx-aar" data-testid="aar">
        <div className="qx-modal__head qx-aar__head">
          <h2>{t('drills.report.title')}</h2>
          <select className="qx-drill-select qx-noprint" value={chosen ?? ''} onChange={(e) => setChosen(e.target.value)} aria-label={t('drills.report.run')} data-testid="aar-run">
            {runs.map((r) => (
              <option key={r.runId} value={r.runId}>
                {r.title[lang]} · {dateIso(r.startedAt)} {clock(r.startedAt)}
              </option>
            ))}
          </select>
          <span className="qx-drill-banner__spacer" />
          <button type="button" className="qx-btn qx-noprint" onClick={() => window.print()} data-testid="aar-print">
            {t('drills.report.print')}
          </button>
          <button type="button" className="qx-btn qx-noprint" onClick={() => drills.open({ kind: 'none' })} data-testid="aar-close">
            {t('drills.close')}
          </button>
        </div>
        {error && <p role="alert">{error}</p>}
        {!report && !error && <p>{runs.length === 0 ? t('drills.report.none') : '…'}</p>}
        {report && (
          <div className="qx-aar__body">
            <p className="qx-aar__run" data-testid="aar-title">
              <b>{report.run.title[lang]}</b> · {dateIso(report.run.startedAt)} {clock(report.run.startedAt)} · {t(`drills.report.end.${report.run.endReason ?? 'running'}`)} ·{' '}
              {t('drills.report.summary', { calls: report.calls, incidents: report.incidents.length })}
            </p>
            <h3>{t('drills.report.expectations')}</h3>
            <table className="qx-aar__table" data-testid="aar-expectations">
              <tbody>
                {report.expectations.map((e, i) => (
                  <tr key={i} data-met={e.met}>
                    <td>{e.met ? t('drills.report.met') : t('drills.report.notMet')}</td>
                    <td>{e.label?.[lang] ?? t(`drills.metric.${e.metric}`)}</td>
                    <td>{e.kind === 'max' ? `${mmss(e.measured)} / ≤ ${mmss(e.limit)}` : `${e.measured ?? 0} / ≥ ${e.limit}`}</td>
                    <td>{e.missing > 0 ? t('drills.report.missing', { n: e.missing }) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('drills.report.incidents')}</h3>
            <table className="qx-aar__table" data-testid="aar-incidents">
              <thead>
                <tr>
                  {(['incident', 'call', 'opened', 'dispatched', 'acknowledged', 'onScene', 'units'] as const).map((c) => (
                    <th key={c}>{t(`drills.report.col.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.incidents.map((i) => (
                  <tr key={i.incidentId}>
                    <td>
                      #{i.number} {catalog?.incidentTypes.find((x) => x.id === i.type)?.name[lang] ?? i.type} · {i.address}
                    </td>
                    <td>{rel(i.callAt)}</td>
                    <td>{rel(i.createdAt)}</td>
                    <td>{rel(i.dispatchedAt)}</td>
                    <td>{rel(i.ackAt)}</td>
                    <td>{rel(i.onSceneAt)}</td>
                    <td>
                      {i.units}
                      {i.refused > 0 ? ` (${t('drills.report.refused', { n: i.refused })})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('drills.report.stats')}</h3>
            <table className="qx-aar__table">
              <tbody>
                {report.stats.map((s) => (
                  <tr key={s.metric}>
                    <td>{t(`drills.metric.${s.metric}`)}</td>
                    <td>{t('drills.report.median', { v: mmss(s.p50) })}</td>
                    <td>{t('drills.report.worst', { v: mmss(s.max) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="qx-aar__cases">{report.cases === null ? t('drills.report.noCases') : t('drills.report.cases', { met: report.cases.filter((c) => c.met).length, n: report.cases.length })}</p>
            <h3>{t('drills.report.tracks')}</h3>
            <MiniMap
              label={t('drills.report.tracks')}
              testId="aar-map"
              tracks={report.tracks.map((tr) => ({ id: tr.unitId, color: color(tr.agency), points: tr.points }))}
              incidents={report.incidents.map((i) => ({ id: i.incidentId, lat: i.lat, lon: i.lon, title: `#${i.number} ${i.address}` }))}
            />
          </div>
        )}
      </div>
    </div>
  );
}
