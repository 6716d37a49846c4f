/** One breakdown table of the period report (by category, body or district), largest first. */
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../../../shared/cases/model';

/** Rows printed per table: the rest is summed in one line. */
const TOP = 12;

export function ReportBreakdown({ title, rows, name }: { title: string; rows: readonly Breakdown[]; name: (key: string) => string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => b.collected - a.collected || a.key.localeCompare(b.key));
  const top = sorted.slice(0, TOP);
  const rest = sorted.slice(TOP);
  const sum = (k: 'collected' | 'completed' | 'resolved' | 'slaBreaches'): number => rest.reduce((n, r) => n + r[k], 0);
  return (
    <section className="qx-print__breakdown">
      <h2>{title}</h2>
      <table className="qx-print__table">
        <thead>
          <tr>
            <th />
            <th>{t('cases.kpi.series.collected')}</th>
            <th>{t('cases.kpi.series.completed')}</th>
            <th>{t('cases.kpi.series.resolved')}</th>
            <th>{t('cases.kpi.series.slaBreaches')}</th>
          </tr>
        </thead>
        <tbody>
          {top.map((r) => (
            <tr key={r.key}>
              <th>{name(r.key)}</th>
              <td>{r.collected}</td>
              <td>{r.completed}</td>
              <td>{r.resolved}</td>
              <td>{r.slaBreaches}</td>
            </tr>
          ))}
          {rest.length > 0 && (
            <tr>
              <th>{t('cases.report.others', { n: rest.length })}</th>
              <td>{sum('collected')}</td>
              <td>{sum('completed')}</td>
              <td>{sum('resolved')}</td>
              <td>{sum('slaBreaches')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
