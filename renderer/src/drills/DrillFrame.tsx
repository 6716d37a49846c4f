/**
 * The frame around every console page: the DRILL banner on top in drill mode (so any route — the
 * console, a wall page — shows it), the drill views (replay, after-action report) over the page.
 * Put at the top level of the app root; the page inside fills the rest of the window.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { useRuntime } from '../hooks/runtime';
import { DrillContext, useDrill, useDrillStore } from './context';
import { DrillBanner } from './DrillBanner';
import { DrillStore } from './drill-store';
import { ReplayView } from './ReplayView';
import { ReportView } from './ReportView';

export function DrillFrame({ children }: { children: ReactNode }) {
  const { session } = useRuntime();
  const store = useMemo(() => new DrillStore(session), [session]);
  useEffect(() => {
    store.start();
    return () => store.dispose();
  }, [store]);
  return (
    <DrillContext.Provider value={store}>
      <FrameBody>{children}</FrameBody>
    </DrillContext.Provider>
  );
}

function FrameBody({ children }: { children: ReactNode }) {
  const { ui } = useRuntime();
  const drills = useDrillStore();
  const drill = useDrill((s) => s.status?.drill ?? false);
  const view = useDrill((s) => s.view);
  // A drill view is modal, an overlay like the help: the console's keys (N, D, B, the map's L, M …) rest behind it,
  // and Escape, which clears the overlay, closes it.
  useEffect(() => {
    if (view.kind === 'none') return;
    ui.setOverlay('drill');
    const off = ui.subscribe(() => {
      if (ui.getState().overlay !== 'drill') drills.open({ kind: 'none' });
    });
    return () => {
      off();
      if (ui.getState().overlay === 'drill') ui.setOverlay(null);
    };
  }, [view.kind, ui, drills]);
  return (
    <div className="qx-frame" data-drill={drill} data-testid="frame">
      {drill && <DrillBanner />}
      <div className="qx-frame__page">{children}</div>
      {view.kind === 'replay' && <ReplayView />}
      {view.kind === 'report' && <ReportView runId={view.runId} />}
    </div>
  );
}
