/** 预警 in the header: how many warnings nobody has acknowledged yet, in the worst one's colour. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningSeverity } from '../../../../shared/model';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { colourVar } from '../../lib/css';
import { severityRank } from '../../lib/warnings';
import { SEVERITY_COLOURS } from '../../map/palette';

export function WarningsButton() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const warnings = useConsole((d) => d.warnings);
  const open = useUi((s) => s.sideTab === 'warnings');
  const { count, worst } = useMemo(() => {
    let n = 0;
    let w: WarningSeverity | null = null;
    for (const x of warnings.values()) {
      if (x.acknowledgedBy !== null) continue;
      n += 1;
      if (w === null || severityRank(x.severity) > severityRank(w)) w = x.severity;
    }
    return { count: n, worst: w };
  }, [warnings]);

  return (
    <button
      type="button"
      className="qx-btn qx-btn--ghost qx-diag-btn"
      aria-pressed={open}
      onClick={() => ui.setSideTab(open ? 'action' : 'warnings')}
      title={t('warnings.shortcut')}
      data-testid="warnings-button"
    >
      {t('warnings.button')}
      {worst && (
        <span
          className="qx-badge qx-badge--sev"
          style={colourVar(SEVERITY_COLOURS[worst])}
          aria-label={t('warnings.unacked', { count })}
          data-testid="warnings-badge"
          data-severity={worst}
        >
          {count}
        </span>
      )}
    </button>
  );
}
