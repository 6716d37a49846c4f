/**
 * The right-hand column: three tabs over one space. 处置 (the incident at hand: form, plan,
 * orders, and the resource board), 预警 (risk warnings, W) and 群众上报 (new citizen reports, I).
 * The incident tab stays mounted while hidden, so a half-typed form survives a look at the
 * warnings; opening an incident or a new form brings it back to the front.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { unacknowledged } from '../../lib/warnings';
import type { SideTab } from '../../store/ui-store';
import { ReportsPanel } from '../warnings/ReportsPanel';
import { WarningsPanel } from '../warnings/WarningsPanel';
import { SidePanel } from './SidePanel';
import { StatusBoard } from './StatusBoard';

const TABS: readonly { readonly id: SideTab; readonly key?: string }[] = [{ id: 'action' }, { id: 'warnings', key: 'W' }, { id: 'reports', key: 'I' }];

export function RightColumn() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const tab = useUi((s) => s.sideTab);
  const warnings = useConsole((d) => d.warnings);
  const reports = useConsole((d) => d.reports.size);
  const unacked = useMemo(() => unacknowledged(warnings.values()), [warnings]);
  const counts: Readonly<Record<SideTab, number>> = { action: 0, warnings: unacked, reports };

  return (
    <aside className="qx-col qx-col--right">
      <div
        className="qx-tabs"
        role="tablist"
        aria-label={t('tabs.label')}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const at = TABS.findIndex((x) => x.id === tab);
          const next = TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
          ui.setSideTab(next.id);
          e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
          e.preventDefault();
        }}
      >
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`qx-tab-${x.id}`}
            className="qx-tabs__tab"
            aria-selected={tab === x.id}
            aria-controls={tab === x.id || x.id === 'action' ? `qx-tabpanel-${x.id}` : undefined}
            tabIndex={tab === x.id ? 0 : -1}
            onClick={() => ui.setSideTab(x.id)}
            data-testid={`tab-${x.id}`}
            data-tab={x.id}
          >
            {t(`tabs.${x.id}`)}
            {counts[x.id] > 0 && <span className={`qx-badge ${x.id === 'warnings' ? 'qx-badge--bad' : 'qx-badge--info'}`}>{counts[x.id]}</span>}
            {x.key && <kbd>{x.key}</kbd>}
          </button>
        ))}
      </div>
      <div className="qx-tabpanel" role="tabpanel" id="qx-tabpanel-action" aria-labelledby="qx-tab-action" hidden={tab !== 'action'}>
        <SidePanel />
        <StatusBoard />
      </div>
      {tab !== 'action' && (
        <div className="qx-tabpanel" role="tabpanel" id={`qx-tabpanel-${tab}`} aria-labelledby={`qx-tab-${tab}`}>
          {tab === 'warnings' ? <WarningsPanel /> : <ReportsPanel />}
        </div>
      )}
    </aside>
  );
}
