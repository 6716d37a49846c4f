/** React access to the panorama: its runtime and store slices by selector (like hooks/runtime.ts). */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useRuntime } from '../hooks/runtime';
import { panoramaOf, type Panorama } from './runtime';
import type { PanoramaState } from './store';

/** Wall pages provide `true`: every panorama component there is read-only. */
export const WallContext = createContext(false);

export function usePanoramaRt(): Panorama {
  const rt = useRuntime();
  const wall = useContext(WallContext);
  return panoramaOf(rt, wall);
}

export function usePanorama<T>(select: (s: PanoramaState) => T): T {
  const { store } = usePanoramaRt();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
