/** The period's figures as tiles: each with its value, and the change over the same period last year where there is one. */
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { KpiFigure, KpiReport } from '../../../../shared/cases/model';
import { change, percent } from '../../lib/cases';
import { useSpanText } from '../cases/SlaClock';
import { KpiAudit } from './KpiAudit';

/** The cases each tile counts (`cases.kpiCases`): a tile opens them. */
const AUDIT: Record<string, KpiFigure> = {
  collected: 'collected',
  completionRate: 'completed',
  resolutionRate: 'resolved',
  accept: 'accepted',
  complete: 'completed',
  slaBreaches: 'slaBreaches',
  satisfaction: 'satisfied',
};

interface Tile {
  readonly key: string;
  readonly value: string;
  readonly sub?: string;
  readonly bad?: boolean;
}

export function useTiles(): (r: KpiReport) => Tile[] {
  const { t } = useTranslation();
  const span = useSpanText();
  const time = (ms: number | null): string => (ms === null ? '—' : span(ms));
  const yoy = (v: number | null): string => t('cases.kpi.yoy', { change: change(v) });
  return (r) => {
    const f = r.figures;
    return [
      { key: 'collected', value: String(f.collected), sub: yoy(r.yoy.collected) },
      { key: 'completionRate', value: percent(f.completionRate), sub: t('cases.kpi.ofCases', { n: f.completed }) },
      { key: 'resolutionRate', value: percent(f.resolutionRate), sub: t('cases.kpi.ofCases', { n: f.resolved }) },
      { key: 'accept', value: time(f.acceptMedianMs), sub: t('cases.kpi.p90', { v: time(f.acceptP90Ms) }) },
      { key: 'complete', value: time(f.completeMedianMs), sub: t('cases.kpi.p90', { v: time(f.completeP90Ms) }) },
      { key: 'slaBreaches', value: String(f.slaBreaches), sub: yoy(r.yoy.slaBreaches), bad: f.slaBreaches > 0 },
      { key: 'satisfaction', value: percent(f.satisfactionRate), sub: t('cases.kpi.feedbackCount', { s: f.satisfied, d: f.dissatisfied }) },
    ];
  };
}

export function KpiTiles({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const tiles = useTiles()(report);
  const [audit, setAudit] = useState<string | null>(null);
  return (
    <div className="qx-kpi__tiles" data-testid="kpi-tiles">
      {tiles.map((x) => (
        <button
          type="button"
          key={x.key}
          className={`qx-kpi-tile${x.bad ? ' qx-kpi-tile--bad' : ''}`}
          data-testid={`kpi-${x.key}`}
          title={t('cases.kpi.audit.open')}
          onClick={() => setAudit(x.key)}
        >
          <span className="qx-kpi-tile__k">{t(`cases.kpi.tile.${x.key}`)}</span>
          <span className="qx-kpi-tile__v" data-testid="kpi-value">
            {x.value}
          </span>
          {x.sub && (
            <span className="qx-kpi-tile__d" data-testid="kpi-detail">
              {x.sub}
            </span>
          )}
        </button>
      ))}
      {audit && AUDIT[audit] && (
        <KpiAudit figure={AUDIT[audit]} title={t('cases.kpi.audit.title', { figure: t(`cases.kpi.tile.${audit}`) })} onClose={() => setAudit(null)} />
      )}
    </div>
  );
}
