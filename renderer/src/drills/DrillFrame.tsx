/**
 * The frame around every console page: the DRILL banner on top in drill mode (so any route — the
 * console, a wall page — shows it), the drill views (replay, after-action report) over the page.
 * Put at the top level of the app root; the page inside fills the rest of the window.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { useRuntime } from '../hooks/runtime';
import { DrillContext, useDrill } from './context';
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
  const drill = useDrill((s) => s.status?.drill ?? false);
  const view = useDrill((s) => s.view);
  return (
    <div className="qx-frame" data-drill={drill} data-testid="frame">
      {drill && <DrillBanner />}
      <div className="qx-frame__page">{children}</div>
      {view.kind === 'replay' && <ReplayView />}
      {view.kind === 'report' && <ReportView runId={view.runId} />}
    </div>
  );
}
