/**
 * A vector layer of points kept in step with one map in the console store: features are added,
 * moved and removed by id when the map changes identity, never rebuilt. Used by the layers of
 * slowly changing things (sensors, citizen reports).
 */
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import type { StyleLike } from 'ol/style/Style';
import type { ConsoleStore, ConsoleData } from '../store/console-store';

export interface PointItem {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
}

export interface PointLayerOptions<T extends PointItem> {
  readonly select: (state: ConsoleData) => ReadonlyMap<string, T>;
  readonly style: StyleLike;
  readonly zIndex: number;
  /** Copies what the style reads from an item onto its feature (called on every change of the map). */
  readonly decorate?: (feature: Feature<Point>, item: T) => void;
  readonly onCount: (n: number) => void;
}

export function createPointLayer<T extends PointItem>(store: ConsoleStore, opts: PointLayerOptions<T>): { layer: VectorLayer; dispose(): void } {
  const source = new VectorSource<Feature<Point>>();
  const layer = new VectorLayer({ source, style: opts.style, zIndex: opts.zIndex, updateWhileAnimating: true, updateWhileInteracting: true });
  const features = new Map<string, Feature<Point>>();
  let items: ReadonlyMap<string, T> | null = null;
  const sync = (): void => {
    const next = opts.select(store.getState());
    if (next === items) return;
    items = next;
    for (const [id, f] of features)
      if (!next.has(id)) {
        source.removeFeature(f);
        features.delete(id);
      }
    const added: Feature<Point>[] = [];
    for (const item of next.values()) {
      let f = features.get(item.id);
      if (!f) {
        f = new Feature(new Point(fromLonLat([item.lon, item.lat])));
        f.setId(item.id);
        f.setProperties({ lat: item.lat, lon: item.lon });
        features.set(item.id, f);
        added.push(f);
      } else if (f.get('lat') !== item.lat || f.get('lon') !== item.lon) {
        f.getGeometry()?.setCoordinates(fromLonLat([item.lon, item.lat]));
        f.setProperties({ lat: item.lat, lon: item.lon });
      }
      opts.decorate?.(f, item);
    }
    source.addFeatures(added);
    opts.onCount(features.size);
  };
  const off = store.subscribe(sync);
  sync();
  return {
    layer,
    dispose: () => {
      off();
      layer.dispose();
    },
  };
}
