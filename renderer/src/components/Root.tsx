/** Login screen or console, as the session manager decides. */
import { useSyncExternalStore } from 'react';
import { RuntimeContext } from '../hooks/runtime';
import type { SessionManager } from '../store/session-manager';
import { DrillFrame } from '../drills/DrillFrame';
import { App } from './App';
import { Login } from './Login';

export function Root({ sessions }: { sessions: SessionManager }) {
  const phase = useSyncExternalStore(sessions.subscribe, sessions.getState);
  if (phase.kind === 'login') return <Login denied={phase.denied} actor={phase.actor} onLogin={(token, actor) => sessions.login(token, actor)} />;
  return (
    <RuntimeContext.Provider value={phase.runtime}>
      {/* Every page inside the frame shows the DRILL banner in drill mode. */}
      <DrillFrame>
        <App />
      </DrillFrame>
    </RuntimeContext.Provider>
  );
}
