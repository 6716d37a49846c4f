/** React access to the running console: the runtime through context, store slices by selector. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ApiName } from '../../../shared/api-names';
import { can, permissionFor } from '../../../shared/roles';
import type { ConsoleData } from '../store/console-store';
import type { Detail } from '../store/detail-store';
import type { Runtime } from '../store/runtime';
import type { SoundState } from '../store/sound-store';
import type { UiState } from '../store/ui-store';

export const RuntimeContext = createContext<Runtime | null>(null);

export function useRuntime(): Runtime {
  const r = useContext(RuntimeContext);
  if (!r) throw new Error('useRuntime outside <RuntimeContext.Provider>');
  return r;
}

/** Subscribes to one slice: the selector must return a stored value, not build a new one. */
export function useConsole<T>(select: (d: ConsoleData) => T): T {
  const { store } = useRuntime();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export function useUi<T>(select: (s: UiState) => T): T {
  const { ui } = useRuntime();
  return useSyncExternalStore(ui.subscribe, () => select(ui.getState()));
}

export function useDetail<T>(select: (d: Detail) => T): T {
  const { detail } = useRuntime();
  return useSyncExternalStore(detail.subscribe, () => select(detail.getState()));
}

export function useSound<T>(select: (s: SoundState) => T): T {
  const { sound } = useRuntime();
  return useSyncExternalStore(sound.subscribe, () => select(sound.getState()));
}

/**
 * Whether this session may call `method` (the core checks again on every call; this only hides
 * controls that would be refused). A session whose role was not told (Electron's own windows)
 * is the workstation's supervisor.
 */
export function useAllowed(method: ApiName): boolean {
  const { session } = useRuntime();
  return can(session.role?.() ?? 'supervisor', permissionFor(method));
}
