/**
 * Incidents as markers that read at a glance: a priority-coloured pin with the incident number,
 * a halo on the selected one, and a crosshair where a new incident is being placed. Canvas (not
 * WebGL) because the markers carry text and there are few of them.
 */
import Feature, { type FeatureLike } from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style';
import type { IncidentView } from '../../../shared/model';
import { priorityBand } from '../lib/format';
import type { ConsoleStore } from '../store/console-store';
import type { UiStore } from '../store/ui-store';
import { LABEL_FONT_FAMILY, MAP_BACKGROUND, PRIORITY_COLOURS } from './palette';

const DRAFT_ID = '__draft__';

const halo = new Style({
  image: new Circle({ radius: 22, fill: new Fill({ color: 'rgba(76, 195, 255, 0.18)' }), stroke: new Stroke({ color: '#4cc3ff', width: 2.5 }) }),
  zIndex: 0,
});

const draft = [
  new Style({ image: new Circle({ radius: 16, stroke: new Stroke({ color: '#ffffff', width: 2, lineDash: [4, 3] }) }), zIndex: 5 }),
  new Style({
    image: new RegularShape({ points: 4, radius: 10, radius2: 0, angle: 0, stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
    zIndex: 5,
  }),
];

const markerCache = new Map<string, Style[]>();

function marker(number: number, priority: number, dispatched: boolean): Style[] {
  const key = `${number}|${priority}|${dispatched}`;
  let s = markerCache.get(key);
  if (!s) {
    const colour = PRIORITY_COLOURS[priorityBand(priority)];
    s = [
      new Style({
        // A diamond: distinct from the round unit markers under it.
        image: new RegularShape({
          points: 4,
          radius: 15,
          angle: 0,
          fill: new Fill({ color: colour }),
          stroke: new Stroke({ color: dispatched ? '#ffffff' : MAP_BACKGROUND, width: 2.5 }),
        }),
        text: new Text({
          text: String(number),
          font: `700 13px ${LABEL_FONT_FAMILY}`,
          fill: new Fill({ color: '#10141c' }),
        }),
        zIndex: 2,
      }),
    ];
    markerCache.set(key, s);
  }
  return s;
}

export function createIncidentsLayer(store: ConsoleStore, ui: UiStore): { layer: VectorLayer; dispose(): void } {
  const source = new VectorSource();
  const features = new Map<string, Feature<Point>>();
  const draftFeature = new Feature<Point>();
  draftFeature.setId(DRAFT_ID);

  const style = (f: FeatureLike): Style[] | undefined => {
    if (f.getId() === DRAFT_ID) return draft;
    const panel = ui.getState().panel;
    const selected = panel.kind === 'incident' && panel.id === f.getId();
    const m = marker(f.get('number') as number, f.get('priority') as number, f.get('status') !== 'new');
    return selected ? [halo, ...m] : m;
  };
  const layer = new VectorLayer({ source, style, zIndex: 30, updateWhileAnimating: true, updateWhileInteracting: true });

  let incidents: ReadonlyMap<string, IncidentView> | null = null;
  const syncIncidents = (): void => {
    const next = store.getState().incidents;
    if (next === incidents) return;
    incidents = next;
    for (const [id, f] of features) {
      const i = next.get(id);
      if (!i || i.status === 'closed') {
        source.removeFeature(f);
        features.delete(id);
      }
    }
    for (const i of next.values()) {
      if (i.status === 'closed') continue;
      let f = features.get(i.id);
      if (!f) {
        f = new Feature<Point>(new Point(fromLonLat([i.lon, i.lat])));
        f.setId(i.id);
        features.set(i.id, f);
        source.addFeature(f);
      }
      f.setProperties({ number: i.number, priority: i.priority, status: i.status });
    }
  };

  let panel = ui.getState().panel;
  const syncUi = (): void => {
    const next = ui.getState().panel;
    if (next === panel) return;
    panel = next;
    const hasDraft = source.hasFeature(draftFeature);
    if (next.kind === 'new') {
      draftFeature.setGeometry(new Point(fromLonLat([next.lon, next.lat])));
      if (!hasDraft) source.addFeature(draftFeature);
    } else if (hasDraft) {
      source.removeFeature(draftFeature);
    }
    layer.changed();
  };

  const offStore = store.subscribe(syncIncidents);
  const offUi = ui.subscribe(syncUi);
  syncIncidents();
  return {
    layer,
    dispose: () => {
      offStore();
      offUi();
      layer.dispose();
    },
  };
}
