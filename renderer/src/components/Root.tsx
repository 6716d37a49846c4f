/** Login screen or console, as the session manager decides. */
import { useSyncExternalStore } from 'react';
import { RuntimeContext } from '../hooks/runtime';
import type { SessionManager } from '../store/session-manager';
import { DrillFrame } from '../drills/DrillFrame';
import { App } from './App';
import { Login } from './Login';
import { WallContext } from '../panorama/hooks';
import { WallApp } from '../panorama/wall/WallApp';
import { wallLayoutOf } from '../panorama/wall/route';

export function Root({ sessions }: { sessions: SessionManager }) {
  const phase = useSyncExternalStore(sessions.subscribe, sessions.getState);
  if (phase.kind === 'login') return <Login denied={phase.denied} actor={phase.actor} onLogin={(token, actor) => sessions.login(token, actor)} />;
  // A wall screen (/wall/{layout}) shows its layout, read-only; anything else is the workstation.
  const wall = wallLayoutOf(window.location.pathname);
  return (
    <RuntimeContext.Provider value={phase.runtime}>
      {/* Every page inside the frame, workstation or wall, shows the DRILL banner in drill mode. */}
      <DrillFrame>
        {wall ? (
          <WallContext.Provider value={true}>
            <WallApp layout={wall} />
          </WallContext.Provider>
        ) : (
          <App />
        )}
      </DrillFrame>
    </RuntimeContext.Provider>
  );
}
