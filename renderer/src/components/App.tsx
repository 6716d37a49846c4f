/**
 * The console's layout: header; incident queue and units on the left; the map; the action panel
 * on the right. Global keys: N new incident at the map centre, / unit search, D diagnostics,
 * Escape closes what is open.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime } from '../hooks/runtime';
import type { ConsoleMap } from '../map/console-map';
import { MapView } from '../map/MapView';
import { Diagnostics } from './diagnostics/Diagnostics';
import { Header } from './header/Header';
import { IncidentQueue } from './lists/IncidentQueue';
import { UnitList } from './lists/UnitList';
import { SidePanel } from './side/SidePanel';
import { StatusBoard } from './side/StatusBoard';

/** True when a key press is typing, which must never trigger a shortcut. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function App() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const loaded = useConsole((d) => d.loaded);
  const connection = useConsole((d) => d.connection);
  const map = useRef<ConsoleMap | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        const s = ui.getState();
        if (s.diagnosticsOpen) ui.setDiagnostics(false);
        else if (s.panel.kind !== 'idle') ui.close();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'n' && map.current) {
        e.preventDefault();
        const c = map.current.centre();
        ui.openNew(c.lat, c.lon);
      } else if (key === 'd') {
        e.preventDefault();
        ui.setDiagnostics(!ui.getState().diagnosticsOpen);
      } else if (key === '/') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="unit-filter"]')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui]);

  return (
    <div className="qx-app" data-testid="console" data-loaded={loaded}>
      <Header />
      {connection !== 'ready' && loaded && (
        <div className="qx-banner" role="status" data-testid="reconnecting">
          {t('core.lost')}
        </div>
      )}
      <main className="qx-main">
        <aside className="qx-col qx-col--left">
          <IncidentQueue />
          <UnitList />
        </aside>
        <MapView mapRef={map} />
        <aside className="qx-col qx-col--right">
          <SidePanel />
          <StatusBoard />
        </aside>
      </main>
      <footer className="qx-footer">
        <span>
          <kbd>N</kbd> {t('keys.new')}
        </span>
        <span>
          <kbd>Enter</kbd> {t('keys.enter')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('keys.escape')}
        </span>
        <span>
          <kbd>/</kbd> {t('keys.search')}
        </span>
        <span>
          <kbd>D</kbd> {t('keys.diagnostics')}
        </span>
      </footer>
      <Diagnostics />
      {!loaded && (
        <div className="qx-loading" data-testid="loading">
          {t(`core.${connection}`)}
        </div>
      )}
    </div>
  );
}
