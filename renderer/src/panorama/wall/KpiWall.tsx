/**
 * The KPI wall: live figures; incidents this period by category (bar), weekly and monthly trends
 * (lines), and year over year per category with the change in per cent — all computed by the
 * core from the event log (stats.summary), refreshed every minute and shortly after any incident.
 * Categories without data behind them are said to have none, not shown as zero.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResults } from '../../../../shared/api';
import { usePanoramaRt } from '../hooks';
import { Chart } from './Chart';
import { LiveFigures } from './LiveFigures';
import { Yoy } from './Yoy';

type Stats = ApiResults['stats.summary'];
const REFRESH_MS = 60_000;
const AFTER_PUSH_MS = 2_000;

function monthLabel(ts: number): string {
  const d = new Date(ts);
  return `${d.getMonth() + 1}`.padStart(2, '0');
}
function weekLabel(ts: number): string {
  const d = new Date(ts);
  return `${d.getMonth() + 1}/${d.getDate()}`;
}

export function KpiWall() {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => {
    let soon: ReturnType<typeof setTimeout> | null = null;
    const load = (): void => void pano.api['stats.summary']({}).then(setStats, () => undefined);
    const every = setInterval(load, REFRESH_MS);
    const offReady = pano.onReady(load);
    const offPush = pano.onPush((p) => {
      if (p.kind !== 'incident') return;
      soon ??= setTimeout(() => {
        soon = null;
        load();
      }, AFTER_PUSH_MS);
    });
    return () => {
      clearInterval(every);
      if (soon) clearTimeout(soon);
      offReady();
      offPush();
    };
  }, [pano]);

  const cat = useMemo(() => (stats ? { labels: stats.byCategory.map((r) => t(`panorama.stats.cat.${r.key}`, { defaultValue: r.key })), values: stats.byCategory.map((r) => r.count) } : null), [stats, t]);
  const weekly = useMemo(() => stats?.weekly.map((p) => weekLabel(p.start)) ?? [], [stats]);
  const monthly = useMemo(() => stats?.monthly.map((p) => monthLabel(p.start)) ?? [], [stats]);
  const series = useMemo(
    () =>
      stats && {
        cat: [{ name: 'c', values: cat?.values ?? [], colour: '#4cc3ff' }],
        weekly: [{ name: 'w', values: stats.weekly.map((p) => p.count), colour: '#ffb020' }],
        monthly: [{ name: 'm', values: stats.monthly.map((p) => p.count), colour: '#3ddc84' }],
      },
    [stats, cat],
  );

  return (
    <div className="qx-kpi" data-testid="kpi" data-loaded={stats !== null} data-total={stats?.total ?? ''}>
      <LiveFigures />
      {stats && series && cat ? (
        <div className="qx-kpi__grid">
          <section className="qx-kpi__panel">
            <h2>{t('panorama.stats.byCategory', { n: stats.total })}</h2>
            <Chart kind="bar" labels={cat.labels} series={series.cat} testid="chart-category" />
          </section>
          <section className="qx-kpi__panel">
            <h2>{t('panorama.stats.yoy')}</h2>
            <Yoy rows={[...stats.yoy, ...(stats.cases?.yoy ?? [])]} noData={stats.noData} />
          </section>
          <section className="qx-kpi__panel">
            <h2>{t('panorama.stats.weekly')}</h2>
            <Chart kind="line" labels={weekly} series={series.weekly} testid="chart-weekly" />
          </section>
          <section className="qx-kpi__panel">
            <h2>{t('panorama.stats.monthly')}</h2>
            <Chart kind="bar" labels={monthly} series={series.monthly} testid="chart-monthly" />
          </section>
        </div>
      ) : (
        <p className="qx-wall__hint">{t('panorama.around.loading')}</p>
      )}
    </div>
  );
}
