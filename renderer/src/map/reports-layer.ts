/** New citizen reports (app, hotline, service station) as small white stars: where people call from. */
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Fill, RegularShape, Stroke, Style } from 'ol/style';
import type { ReportView } from '../../../shared/model';
import type { ConsoleStore } from '../store/console-store';
import { MAP_BACKGROUND, REPORT_COLOUR } from './palette';

const star = new Style({
  image: new RegularShape({
    points: 5,
    radius: 9,
    radius2: 4,
    angle: 0,
    fill: new Fill({ color: REPORT_COLOUR }),
    stroke: new Stroke({ color: MAP_BACKGROUND, width: 1.5 }),
  }),
});

export function createReportsLayer(store: ConsoleStore, onCount: (n: number) => void): { layer: VectorLayer; dispose(): void } {
  const source = new VectorSource<Feature<Point>>();
  const layer = new VectorLayer({ source, style: star, zIndex: 24, updateWhileAnimating: true, updateWhileInteracting: true });
  const features = new Map<string, Feature<Point>>();
  let reports: ReadonlyMap<string, ReportView> | null = null;
  const sync = (): void => {
    const next = store.getState().reports;
    if (next === reports) return;
    reports = next;
    for (const [id, f] of features)
      if (!next.has(id)) {
        source.removeFeature(f);
        features.delete(id);
      }
    const added: Feature<Point>[] = [];
    for (const r of next.values()) {
      if (features.has(r.id)) continue;
      const f = new Feature(new Point(fromLonLat([r.lon, r.lat])));
      f.setId(r.id);
      features.set(r.id, f);
      added.push(f);
    }
    source.addFeatures(added);
    onCount(features.size);
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
