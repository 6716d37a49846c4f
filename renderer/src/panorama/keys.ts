/**
 * The panorama's keys on the workstation (shown on their buttons): F search the map, L layers,
 * M measure a distance, Shift+M an area, A what is around the map centre, V show the selected
 * incident on the wall; Escape ends measuring, then closes the card over the map. Like the
 * console's own keys they never fire while typing or with an overlay or the diagnostics open, and only on the map view
 * (A only while the action tab is showing: elsewhere A accepts or acknowledges).
 */
import { useEffect } from 'react';
import { typing } from '../hooks/shortcuts';
import type { Runtime } from '../store/runtime';
import type { Panorama } from './runtime';

export function usePanoramaKeys(rt: Runtime, pano: Panorama): void {
  useEffect(() => {
    const { store } = pano;
    const onKey = (e: KeyboardEvent): void => {
      const s = store.getState();
      const ui = rt.ui.getState();
      if (e.key === 'Escape' && !ui.overlay && (s.tool || s.card.kind !== 'none' || s.layersOpen)) {
        if (s.tool) store.setTool(null);
        else if (s.card.kind !== 'none') store.openCard({ kind: 'none' });
        else store.setLayersOpen(false);
        e.stopImmediatePropagation();
        return;
      }
      if (ui.overlay || ui.diagnosticsOpen || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      // Map tools belong to the map view; on the case desk, the board or the KPIs their letters are the
      // view's own (A accepts a case), and on the warnings and reports tabs A acknowledges.
      if (ui.view !== 'map') return;
      const panel = ui.panel;
      const key = e.key.toLowerCase();
      if (key === 'm') store.setTool(e.shiftKey ? (s.tool === 'area' ? null : 'area') : s.tool === 'distance' ? null : 'distance');
      else if (e.shiftKey) return;
      else if (key === 'f') store.focusSearch();
      else if (key === 'l') store.setLayersOpen(!s.layersOpen);
      else if (key === 'a' && ui.sideTab === 'action') pano.aroundCentre();
      else if (key === 'v' && panel.kind === 'incident' && !pano.readOnly()) void pano.showOnWall(panel.id);
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    // Capture: Escape must end measuring before the console closes the incident panel.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [rt, pano]);
}
