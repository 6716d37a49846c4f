/**
 * Risk warnings on the map, in two canvas layers: areas (CAP polygons and circles) as translucent
 * fills with a severity-coloured outline under everything that moves, and point warnings (a
 * sensor over its line, a CAP circle of radius 0) as a warning triangle above the units. Nothing
 * animates: software-rendered halls pay for every frame. Styles are cached per look.
 */
import Feature, { type FeatureLike } from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import Point from 'ol/geom/Point';
import type Polygon from 'ol/geom/Polygon';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style';
import type { WarningSeverity, WarningView } from '../../../shared/model';
import type { ConsoleStore } from '../store/console-store';
import type { UiStore } from '../store/ui-store';
import { LABEL_FONT_FAMILY, MAP_BACKGROUND, SEVERITY_COLOURS } from './palette';
import { areaGeometries } from './warning-geometry';

/** The marker stands above its point, like a flag, so the sensor symbol under it stays visible. */
const LIFT = 17;

function rgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

const cache = new Map<string, Style[]>();

function cached(key: string, make: () => Style[]): Style[] {
  let s = cache.get(key);
  if (!s) {
    s = make();
    cache.set(key, s);
  }
  return s;
}

function areaStyle(sev: WarningSeverity, acked: boolean, focused: boolean): Style[] {
  return cached(`a|${sev}|${acked}|${focused}`, () => {
    const colour = SEVERITY_COLOURS[sev];
    const line = new Style({
      fill: new Fill({ color: rgba(colour, acked ? 0.1 : 0.18) }),
      stroke: new Stroke({ color: colour, width: focused ? 4 : acked ? 1.5 : 2.5, lineDash: acked && !focused ? [8, 6] : undefined }),
    });
    return focused ? [new Style({ stroke: new Stroke({ color: '#ffffff', width: 7 }) }), line] : [line];
  });
}

function markerStyle(sev: WarningSeverity, acked: boolean, focused: boolean): Style[] {
  return cached(`m|${sev}|${acked}|${focused}`, () => {
    const s = [
      new Style({
        image: new RegularShape({
          points: 3,
          radius: 14,
          angle: 0,
          displacement: [0, LIFT],
          fill: new Fill({ color: SEVERITY_COLOURS[sev] }),
          stroke: new Stroke({ color: acked ? MAP_BACKGROUND : '#ffffff', width: 2 }),
        }),
        text: new Text({ text: '!', offsetY: -LIFT + 3, font: `800 15px ${LABEL_FONT_FAMILY}`, fill: new Fill({ color: '#10141c' }) }),
        zIndex: 2,
      }),
    ];
    if (focused)
      s.unshift(new Style({ image: new Circle({ radius: 22, displacement: [0, LIFT - 3], stroke: new Stroke({ color: '#ffffff', width: 2.5 }) }), zIndex: 1 }));
    return s;
  });
}

function feature<G extends Geometry>(g: G, id: string, props: Record<string, unknown>): Feature<G> {
  const f = new Feature<G>(g);
  f.setId(id);
  f.setProperties(props, true);
  return f;
}

export interface WarningLayers {
  readonly areas: VectorLayer;
  readonly markers: VectorLayer;
  /** Features drawn (both layers), for the page's data attribute. */
  count(): number;
  dispose(): void;
}

export function createWarningLayers(store: ConsoleStore, ui: UiStore, onCount: (n: number) => void): WarningLayers {
  const areaSource = new VectorSource<Feature<Polygon>>();
  const markerSource = new VectorSource<Feature<Point>>();
  const style = (f: FeatureLike): Style[] => {
    const sev = f.get('severity') as WarningSeverity;
    const acked = f.get('acked') as boolean;
    const focused = ui.getState().focusWarning?.id === f.get('warningId');
    return f.getGeometry()?.getType() === 'Point' ? markerStyle(sev, acked, focused) : areaStyle(sev, acked, focused);
  };
  const areas = new VectorLayer({ source: areaSource, style, zIndex: 3, updateWhileAnimating: true, updateWhileInteracting: true });
  const markers = new VectorLayer({ source: markerSource, style, zIndex: 25, updateWhileAnimating: true, updateWhileInteracting: true });

  const drawn = new Map<string, { view: WarningView; areas: Feature<Polygon>[]; markers: Feature<Point>[] }>();
  const count = (): number => areaSource.getFeatures().length + markerSource.getFeatures().length;
  const remove = (id: string): void => {
    const d = drawn.get(id);
    if (!d) return;
    for (const f of d.areas) areaSource.removeFeature(f);
    for (const f of d.markers) markerSource.removeFeature(f);
    drawn.delete(id);
  };

  let warnings: ReadonlyMap<string, WarningView> | null = null;
  const sync = (): void => {
    const next = store.getState().warnings;
    if (next === warnings) return;
    warnings = next;
    for (const id of [...drawn.keys()]) if (drawn.get(id)?.view !== next.get(id)) remove(id);
    for (const w of next.values()) {
      if (drawn.has(w.id)) continue;
      const d = { view: w, areas: [] as Feature<Polygon>[], markers: [] as Feature<Point>[] };
      const props = { warningId: w.id, severity: w.severity, acked: w.acknowledgedBy !== null };
      areaGeometries(w.area).forEach((g, i) => {
        if (g instanceof Point) d.markers.push(feature(g, `${w.id}#${i}`, props));
        else d.areas.push(feature(g, `${w.id}#${i}`, props));
      });
      markerSource.addFeatures(d.markers);
      areaSource.addFeatures(d.areas);
      drawn.set(w.id, d);
    }
    onCount(count());
  };

  let focus = ui.getState().focusWarning;
  const offUi = ui.subscribe(() => {
    if (ui.getState().focusWarning === focus) return;
    focus = ui.getState().focusWarning;
    areas.changed();
    markers.changed();
  });
  const offStore = store.subscribe(sync);
  sync();
  return {
    areas,
    markers,
    count,
    dispose: () => {
      offStore();
      offUi();
      areas.dispose();
      markers.dispose();
    },
  };
}
