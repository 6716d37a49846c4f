/** The live figures every wall can show: open incidents, units free and committed, active warnings, new reports. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../hooks/runtime';
import { isFree } from '../../lib/viewmodel';

export function Figure({ id, value, tone }: { id: string; value: number | string; tone?: 'bad' | 'ok' | 'warn' }) {
  const { t } = useTranslation();
  return (
    <div className={`qx-fig${tone ? ` qx-fig--${tone}` : ''}`} data-testid={`fig-${id}`}>
      <span className="qx-fig__v" data-testid="fig-value">
        {value}
      </span>
      <span className="qx-fig__k">{t(`panorama.wall.fig.${id}`)}</span>
    </div>
  );
}

export function LiveFigures() {
  const incidents = useConsole((d) => d.incidents);
  const units = useConsole((d) => d.units);
  const warnings = useConsole((d) => d.warnings);
  const reports = useConsole((d) => d.reports);
  const f = useMemo(() => {
    const open = [...incidents.values()].filter((i) => i.status !== 'closed').length;
    const all = [...units.values()].filter((u) => u.registered);
    const free = all.filter(isFree).length;
    const committed = all.filter((u) => u.incidentId !== null).length;
    return { open, free, committed, warnings: warnings.size, reports: reports.size };
  }, [incidents, units, warnings, reports]);
  return (
    <div className="qx-figs" data-testid="live-figures">
      <Figure id="open" value={f.open} tone={f.open > 0 ? 'bad' : undefined} />
      <Figure id="committed" value={f.committed} tone="warn" />
      <Figure id="free" value={f.free} tone="ok" />
      <Figure id="warnings" value={f.warnings} tone={f.warnings > 0 ? 'warn' : undefined} />
      <Figure id="reports" value={f.reports} />
    </div>
  );
}
