/**
 * The console's layout: header; incident queue and units on the left; the map or the unit
 * status board in the middle (B switches; the map stays mounted, only hidden), or the case desk (Q)
 * or its KPI dashboard (P) over the left column and the middle; the action panel
 * on the right, with tabs for risk warnings and citizen reports; overlays for help, the command line and the status picker. The keys are in
 * hooks/shortcuts.ts and listed by the help overlay (?).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../hooks/runtime';
import { useShortcuts } from '../hooks/shortcuts';
import { shortcutLabel, SHORTCUTS } from '../lib/shortcuts';
import type { ConsoleMap } from '../map/console-map';
import { MapView } from '../map/MapView';
import { UnitBoard } from './board/UnitBoard';
import { CaseDesk } from './cases/CaseDesk';
import { KpiDashboard } from './kpi/KpiDashboard';
import { Diagnostics } from './diagnostics/Diagnostics';
import { Header } from './header/Header';
import { CommandLine } from './keyboard/CommandLine';
import { HelpOverlay } from './keyboard/HelpOverlay';
import { Notice } from './keyboard/Notice';
import { StatusPicker } from './keyboard/StatusPicker';
import { IncidentQueue } from './lists/IncidentQueue';
import { UnitList } from './lists/UnitList';
import { RightColumn } from './side/RightColumn';

export function App() {
  const { t } = useTranslation();
  const rt = useRuntime();
  const loaded = useConsole((d) => d.loaded);
  const connection = useConsole((d) => d.connection);
  const view = useUi((s) => s.view);
  const overlay = useUi((s) => s.overlay);
  const map = useRef<ConsoleMap | null>(null);
  // The case desk (Q) and its dashboard (P) take the left column's room too.
  const desk = view === 'cases' || view === 'kpi';
  useShortcuts(rt, map);

  // The map was hidden while the board showed: it re-reads its size when it comes back.
  useEffect(() => {
    if (view === 'map') map.current?.resize();
  }, [view]);

  return (
    <div className="qx-app" data-testid="console" data-loaded={loaded} data-view={view}>
      <Header />
      {connection !== 'ready' && loaded && (
        <div className="qx-banner" role="status" data-testid="reconnecting">
          {t('core.lost')}
        </div>
      )}
      <main className={desk ? 'qx-main qx-main--desk' : 'qx-main'}>
        <aside className="qx-col qx-col--left" hidden={desk}>
          <IncidentQueue />
          <UnitList />
        </aside>
        <div className="qx-centre">
          <MapView mapRef={map} hidden={view !== 'map'} />
          {view === 'board' && <UnitBoard />}
          {view === 'cases' && <CaseDesk />}
          {view === 'kpi' && <KpiDashboard />}
        </div>
        <RightColumn />
      </main>
      <footer className="qx-footer">
        {SHORTCUTS.filter((s) => s.footer).map((s) => (
          <span key={s.label}>
            <kbd>{s.keys[0]}</kbd> {t(shortcutLabel(s))}
          </span>
        ))}
        <Notice />
      </footer>
      <Diagnostics />
      {overlay === 'help' && <HelpOverlay />}
      {overlay === 'command' && <CommandLine />}
      {overlay === 'status' && <StatusPicker />}
      {!loaded && (
        <div className="qx-loading" data-testid="loading">
          {t(`core.${connection}`)}
        </div>
      )}
    </div>
  );
}
