/**
 * The risk picture over the city: sensors, warning areas and markers, citizen reports. One entry
 * point for console-map.ts: the layers, the legend's switches, and "show this warning" (fit its
 * area). The map element carries how many features each layer draws (data-sensor-features,
 * data-warning-features, data-report-features) and the warning last shown (data-focused-warning),
 * for tests and diagnostics.
 */
import type OlMap from 'ol/Map';
import type BaseLayer from 'ol/layer/Base';
import { fromLonLat } from 'ol/proj';
import type { ConsoleStore } from '../store/console-store';
import type { RiskLayer, UiStore } from '../store/ui-store';
import { createReportsLayer } from './reports-layer';
import { createSensorsLayer } from './sensors-layer';
import { mapExtent } from './warning-geometry';
import { createWarningLayers } from './warnings-layer';
import { areaCentre } from '../lib/warnings';

export interface RiskLayers {
  readonly layers: readonly BaseLayer[];
  /** Starts following "show this warning" requests on `map`. */
  attach(map: OlMap): void;
  dispose(): void;
}

export function createRiskLayers(store: ConsoleStore, ui: UiStore, target: HTMLElement): RiskLayers {
  const mark = (name: string) => (n: number) => {
    target.dataset[name] = String(n);
  };
  const sensors = createSensorsLayer(store, mark('sensorFeatures'));
  const warnings = createWarningLayers(store, ui, mark('warningFeatures'));
  const reports = createReportsLayer(store, mark('reportFeatures'));
  const byKind: Readonly<Partial<Record<RiskLayer, readonly BaseLayer[]>>> = {
    sensors: [sensors.layer],
    warnings: [warnings.areas, warnings.markers],
    reports: [reports.layer],
  };

  let layers = ui.getState().layers;
  const applyVisibility = (): void => {
    for (const [kind, list] of Object.entries(byKind) as [RiskLayer, readonly BaseLayer[]][]) for (const l of list) l.setVisible(layers[kind]);
  };
  applyVisibility();
  const offLayers = ui.subscribe(() => {
    if (ui.getState().layers === layers) return;
    layers = ui.getState().layers;
    applyVisibility();
  });

  const offs: (() => void)[] = [offLayers];
  return {
    layers: [sensors.layer, warnings.areas, warnings.markers, reports.layer],
    attach: (map) => {
      // Fits the view to a warning's area; the map element names it once it is drawn there.
      const show = (id: string): void => {
        const w = store.getState().warnings.get(id);
        const extent = mapExtent(w?.area ?? null);
        const centre = areaCentre(w?.area ?? null);
        if (!extent || !centre) return;
        const shown = (complete: boolean): void => {
          if (complete) map.once('rendercomplete', () => (target.dataset.focusedWarning = id));
        };
        delete target.dataset.focusedWarning;
        map.updateSize();
        const view = map.getView();
        view.cancelAnimations();
        const small = extent[2] - extent[0] < 200 && extent[3] - extent[1] < 200;
        if (small) view.animate({ center: fromLonLat([...centre]), zoom: Math.max(view.getZoom() ?? 13, 15), duration: 400 }, shown);
        else view.fit(extent, { padding: [70, 70, 70, 70], maxZoom: 16, duration: 400, callback: shown });
      };
      let focus = ui.getState().focusWarning;
      let timer: ReturnType<typeof setTimeout> | null = null;
      offs.push(
        ui.subscribe(() => {
          const next = ui.getState().focusWarning;
          if (next === focus) return;
          focus = next;
          if (!next) return;
          // After React has shown the map (it may come back from the board), so its size is right.
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = null;
            show(next.id);
          }, 0);
        }),
        () => {
          if (timer) clearTimeout(timer);
        },
      );
    },
    dispose: () => {
      for (const off of offs.splice(0)) off();
      sensors.dispose();
      warnings.dispose();
      reports.dispose();
    },
  };
}
