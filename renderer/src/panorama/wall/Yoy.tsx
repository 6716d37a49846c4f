/** Year over year, in large figures: this year to date, the same span last year, the change in per cent (a drop in green). */
import { useTranslation } from 'react-i18next';
import type { YoyRow } from '../../../../shared/panorama/model';

export function pct(change: number | null): string {
  if (change === null) return '—';
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change).toFixed(1)}%`;
}

export function Yoy({ rows, noData }: { rows: readonly YoyRow[]; noData: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <table className="qx-yoy" data-testid="yoy">
      <thead>
        <tr>
          <th />
          <th>{t('panorama.stats.thisYear')}</th>
          <th>{t('panorama.stats.lastYear')}</th>
          <th>{t('panorama.stats.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="yoy-row" data-key={r.key}>
            <th>{t(`panorama.stats.cat.${r.key}`, { defaultValue: r.key })}</th>
            <td>{r.current}</td>
            <td>{r.previous}</td>
            <td className={r.changePct === null ? '' : r.changePct <= 0 ? 'qx-yoy--down' : 'qx-yoy--up'}>{pct(r.changePct)}</td>
          </tr>
        ))}
        {noData.map((k) => (
          <tr key={k} className="qx-muted">
            <th>{t(`panorama.stats.cat.${k}`, { defaultValue: k })}</th>
            <td colSpan={3}>{t('panorama.stats.noData')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
