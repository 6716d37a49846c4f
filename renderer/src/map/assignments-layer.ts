/**
 * Dashed lines from the selected incident to each unit sent to it, so the dispatcher sees at a
 * glance who is coming from where. Only the selected incident's lines are drawn; they follow the
 * units as positions arrive (through the store's unit channel, never React).
 */
import Feature from 'ol/Feature';
import LineString from 'ol/geom/LineString';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Stroke, Style } from 'ol/style';
import type { OrderState } from '../../../shared/model';
import type { ConsoleStore } from '../store/console-store';
import type { UiStore } from '../store/ui-store';
import { ORDER_COLOURS } from './palette';

/** Orders whose unit is (or may be) on its way: a refused or cancelled order draws no line. */
const LIVE: ReadonlySet<OrderState> = new Set(['queued', 'sent', 'acknowledged', 'no_answer']);

const styles = new Map<OrderState, Style>(
  [...LIVE].map((s) => [s, new Style({ stroke: new Stroke({ color: ORDER_COLOURS[s], width: 2, lineDash: [6, 6] }) })]),
);

export function createAssignmentsLayer(store: ConsoleStore, ui: UiStore): { layer: VectorLayer; dispose(): void } {
  const source = new VectorSource();
  const layer = new VectorLayer({
    source,
    style: (f) => styles.get(f.get('state') as OrderState),
    zIndex: 15,
    updateWhileAnimating: true,
  });

  const redraw = (): void => {
    source.clear(true);
    const panel = ui.getState().panel;
    if (panel.kind !== 'incident') return source.changed();
    const { incidents, orders, units } = store.getState();
    const incident = incidents.get(panel.id);
    if (!incident) return source.changed();
    const to = fromLonLat([incident.lon, incident.lat]);
    const lines: Feature[] = [];
    for (const o of orders.values()) {
      if (o.incidentId !== incident.id || o.kind !== 'dispatch' || !LIVE.has(o.state)) continue;
      const u = units.get(o.unitId);
      if (!u || u.lat === null || u.lon === null) continue;
      const f = new Feature(new LineString([fromLonLat([u.lon, u.lat]), to]));
      f.set('state', o.state);
      lines.push(f);
    }
    source.addFeatures(lines);
  };

  // Redraw when the selection, the orders, or (only while something is selected) units change.
  let last = { panel: ui.getState().panel, orders: store.getState().orders, incidents: store.getState().incidents };
  const maybe = (): void => {
    const next = { panel: ui.getState().panel, orders: store.getState().orders, incidents: store.getState().incidents };
    if (next.panel === last.panel && next.orders === last.orders && next.incidents === last.incidents) return;
    last = next;
    redraw();
  };
  const offUi = ui.subscribe(maybe);
  const offStore = store.subscribe(maybe);
  const offUnits = store.subscribeUnits(() => {
    if (ui.getState().panel.kind === 'incident') redraw();
  });
  redraw();
  return {
    layer,
    dispose: () => {
      offUi();
      offStore();
      offUnits();
      layer.dispose();
    },
  };
}
