/** React access to the drill store. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DrillState, DrillStore } from './drill-store';

export const DrillContext = createContext<DrillStore | null>(null);

export function useDrillStore(): DrillStore {
  const s = useContext(DrillContext);
  if (!s) throw new Error('useDrillStore outside <DrillContext.Provider>');
  return s;
}

export function useDrill<T>(select: (s: DrillState) => T): T {
  const store = useDrillStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
