/**
 * The printable period report: the period's figures against the same period last year, the
 * trend and comparison charts on paper colours, and the breakdowns by category, body and district,
 * in the current language. Shown over the console as a page preview; "Print" hands it to the
 * browser's print dialog (save as PDF there), where print CSS leaves only the report.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PeriodReport } from '../../../../shared/cases/api';
import { caseNames } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { change, percent } from '../../lib/cases';
import { dateIso, stamp } from '../../lib/format';
import { PAPER } from '../../lib/echarts';
import { useErrorText } from '../keyboard/error-text';
import { useSpanText } from '../cases/SlaClock';
import { trendOption, yoyOption } from './charts';
import { useSeriesLabels } from './KpiDashboard';
import { ReportBreakdown } from './ReportBreakdown';
import { Chart } from './TrendChart';

export function PrintReport({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { kpi, cases } = useRuntime();
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const labels = useSeriesLabels();
  const span = useSpanText();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void cases.act((api) => api['cases.report'](kpi.params())).then((r) => {
      if (!live) return;
      if (r) setReport(r);
      else setError(errorText(cases.getState().error ?? { code: 'internal', message: '' }));
    });
    box.current?.focus();
    return () => {
      live = false;
    };
  }, [kpi, cases, errorText]);

  const charts = useMemo(
    () =>
      report && {
        weekly: trendOption(report.kpi.byWeek, labels, PAPER, false),
        monthly: trendOption(report.kpi.byMonth, labels, PAPER, false),
        yoy: yoyOption(report.kpi.figures, report.kpi.previousYear, labels, PAPER, false),
      },
    [report, labels],
  );
  const names = caseNames(report?.catalog ?? null, i18n.language);
  const k = report?.kpi;
  const time = (ms: number | null): string => (ms === null ? '—' : span(ms));
  const rows: readonly [string, string, string, string][] = k
    ? [
        ['collected', String(k.figures.collected), String(k.previousYear.collected), change(k.yoy.collected)],
        ['completionRate', percent(k.figures.completionRate), percent(k.previousYear.completionRate), change(k.yoy.completionRate)],
        ['resolutionRate', percent(k.figures.resolutionRate), percent(k.previousYear.resolutionRate), change(k.yoy.resolutionRate)],
        ['acceptMedian', time(k.figures.acceptMedianMs), time(k.previousYear.acceptMedianMs), ''],
        ['acceptP90', time(k.figures.acceptP90Ms), time(k.previousYear.acceptP90Ms), ''],
        ['completeMedian', time(k.figures.completeMedianMs), time(k.previousYear.completeMedianMs), ''],
        ['completeP90', time(k.figures.completeP90Ms), time(k.previousYear.completeP90Ms), ''],
        ['slaBreaches', String(k.figures.slaBreaches), String(k.previousYear.slaBreaches), change(k.yoy.slaBreaches)],
        ['satisfaction', percent(k.figures.satisfactionRate), percent(k.previousYear.satisfactionRate), change(k.yoy.satisfactionRate)],
      ]
    : [];

  return createPortal(
    <div
      ref={box}
      className="qx-print"
      role="dialog"
      aria-modal="true"
      aria-labelledby="qx-print-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
      data-testid="print-report"
      data-ready={report !== null}
    >
      <div className="qx-print__tools">
        <button type="button" className="qx-btn qx-btn--primary" disabled={!report} onClick={() => window.print()} data-testid="print-now">
          {t('cases.report.print')}
        </button>
        <button type="button" className="qx-btn" onClick={onClose} data-testid="print-close">
          {t('cases.report.close')} <kbd>Esc</kbd>
        </button>
      </div>
      <article className="qx-print__page" lang={i18n.language}>
        <h1 id="qx-print-title">{t('cases.report.title')}</h1>
        {error && <p role="alert">{error}</p>}
        {report && k && charts && (
          <>
            <p className="qx-print__meta" data-testid="print-period">
              {t('cases.report.period', { from: dateIso(k.from), to: dateIso(k.to - 1) })} · {t('cases.kpi.district')}: {k.district ? names.district(k.district) : t('cases.kpi.allDistricts')} ·{' '}
              {t('cases.kpi.body')}: {k.bodyId ? names.body(k.bodyId) : t('cases.kpi.allBodies')} · {t('cases.report.generated', { at: `${dateIso(report.generatedAt)} ${stamp(report.generatedAt, report.generatedAt)}` })}
            </p>
            <table className="qx-print__table" data-testid="print-figures">
              <thead>
                <tr>
                  <th>{t('cases.report.figure')}</th>
                  <th>{t('cases.kpi.series.now')}</th>
                  <th>{t('cases.kpi.series.before')}</th>
                  <th>{t('cases.report.change')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([key, now, before, ch]) => (
                  <tr key={key} data-figure={key}>
                    <th>{t(`cases.report.row.${key}`)}</th>
                    <td>{now}</td>
                    <td>{before}</td>
                    <td>{ch}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>{t('cases.kpi.weekly')}</h2>
            <Chart option={charts.weekly} testId="print-chart-weekly" className="qx-print__chart" />
            <h2>{t('cases.kpi.monthly')}</h2>
            <Chart option={charts.monthly} testId="print-chart-monthly" className="qx-print__chart" />
            <h2>{t('cases.kpi.yoyTitle')}</h2>
            <Chart option={charts.yoy} testId="print-chart-yoy" className="qx-print__chart" />
            <ReportBreakdown title={t('cases.report.byCategory')} rows={report.byCategory} name={(id) => names.category(id)} />
            <ReportBreakdown title={t('cases.report.byBody')} rows={report.byBody} name={(id) => names.body(id)} />
            <ReportBreakdown title={t('cases.report.byDistrict')} rows={report.byDistrict} name={(id) => names.district(id)} />
          </>
        )}
      </article>
    </div>,
    document.body,
  );
}
