/**
 * The KPI dashboard (P): the period's figures for a district and a body, weekly and monthly
 * trends and the year-over-year comparison, refreshed live as cases change; CSV export and the
 * printable period report.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCasesLoaded, useKpi } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { DARK } from '../../lib/echarts';
import { useErrorText } from '../keyboard/error-text';
import { trendOption, yoyOption, type SeriesLabels } from './charts';
import { KpiFilters } from './KpiFilters';
import { KpiTiles } from './KpiTiles';
import { PrintReport } from './PrintReport';
import { Chart } from './TrendChart';

export function useSeriesLabels(): SeriesLabels & { now: string; before: string } {
  const { t } = useTranslation();
  // `t` changes with the language, and so do the labels.
  return useMemo(
    () => ({
      collected: t('cases.kpi.series.collected'),
      completed: t('cases.kpi.series.completed'),
      resolved: t('cases.kpi.series.resolved'),
      slaBreaches: t('cases.kpi.series.slaBreaches'),
      satisfied: t('cases.kpi.series.satisfied'),
      now: t('cases.kpi.series.now'),
      before: t('cases.kpi.series.before'),
    }),
    [t],
  );
}

export function KpiDashboard() {
  const { t } = useTranslation();
  const { kpi, cases } = useRuntime();
  useCasesLoaded();
  const report = useKpi((s) => s.report);
  const error = useKpi((s) => s.error);
  const errorText = useErrorText();
  const labels = useSeriesLabels();
  const [printing, setPrinting] = useState(false);
  useEffect(() => kpi.follow(cases), [kpi, cases]);

  const weekly = useMemo(() => (report ? trendOption(report.byWeek, labels, DARK) : null), [report, labels]);
  const monthly = useMemo(() => (report ? trendOption(report.byMonth, labels, DARK) : null), [report, labels]);
  const yoy = useMemo(() => (report ? yoyOption(report.figures, report.previousYear, labels, DARK) : null), [report, labels]);

  return (
    <section className="qx-kpi" aria-label={t('cases.kpi.title')} data-testid="kpi-dashboard" data-collected={report?.figures.collected ?? ''}>
      <KpiFilters onPrint={() => setPrinting(true)} />
      {error && (
        <p className="qx-alert qx-alert--error" role="alert" data-testid="kpi-error">
          {errorText(error)}
        </p>
      )}
      {report && <KpiTiles report={report} />}
      <div className="qx-kpi__charts">
        {weekly && (
          <figure className="qx-chart qx-chart--wide">
            <figcaption className="qx-chart__title">{t('cases.kpi.weekly')}</figcaption>
            <Chart option={weekly} testId="kpi-chart-weekly" />
          </figure>
        )}
        {monthly && (
          <figure className="qx-chart">
            <figcaption className="qx-chart__title">{t('cases.kpi.monthly')}</figcaption>
            <Chart option={monthly} testId="kpi-chart-monthly" />
          </figure>
        )}
        {yoy && (
          <figure className="qx-chart">
            <figcaption className="qx-chart__title">{t('cases.kpi.yoyTitle')}</figcaption>
            <Chart option={yoy} testId="kpi-chart-yoy" />
          </figure>
        )}
      </div>
      {report && <p className="qx-hint">{t('cases.kpi.computed', { ms: report.computedMs })}</p>}
      {printing && <PrintReport onClose={() => setPrinting(false)} />}
    </section>
  );
}
