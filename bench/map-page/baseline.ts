/**
 * The baselines the bench compares against, and the static scene:
 * - the stock approach to live units: OpenLayers' WebGLVectorLayer over a VectorSource whose
 *   features are moved in place (what renderer/src/map/units-layer.ts did before the live layer);
 * - 100,000 static objects (entities, incidents, cases, sensors, grid cells) on the static layer.
 */
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import WebGLVectorLayer from 'ol/layer/WebGLVector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import type { FlatStyleLike } from 'ol/style/flat';
import type { UnitView } from '../../shared/model';
import { STATUS_COLOURS, UNREGISTERED_COLOUR } from '../../renderer/src/map/palette';
import type { ConsoleStore } from '../../renderer/src/store/console-store';
import { createStaticLayer, type StaticKind } from '../../renderer/src/map/live/static-layers';
import { CITY, random } from './fleet';

function matchColour(property: string, colours: Readonly<Record<string, string>>, fallback: string): unknown {
  return ['match', ['get', property], ...Object.entries(colours).flat(), fallback];
}

export function createStockUnitsLayer(store: ConsoleStore, agencies: Readonly<Record<string, string>>): WebGLVectorLayer {
  const source = new VectorSource<Feature<Point>>();
  const style = [
    {
      filter: ['==', ['get', 'registered'], 0],
      style: { 'circle-radius': 6, 'circle-fill-color': 'rgba(11, 17, 27, 0.6)', 'circle-stroke-color': UNREGISTERED_COLOUR, 'circle-stroke-width': 2 },
    },
    {
      else: true,
      style: {
        'circle-radius': ['match', ['get', 'status'], 'available', 6.5, 7.5],
        'circle-fill-color': matchColour('agency', agencies, UNREGISTERED_COLOUR),
        'circle-stroke-color': matchColour('status', STATUS_COLOURS, '#ffffff'),
        'circle-stroke-width': ['match', ['get', 'status'], 'available', 1.5, 3],
      },
    },
  ] as FlatStyleLike;
  const layer = new WebGLVectorLayer({ source, style, zIndex: 20, disableHitDetection: true });
  const features = new Map<string, Feature<Point>>();
  const upsert = (u: UnitView): void => {
    if (u.lat === null || u.lon === null) return;
    const at = fromLonLat([u.lon, u.lat]);
    let f = features.get(u.id);
    if (!f) {
      f = new Feature<Point>(new Point(at));
      f.setId(u.id);
      features.set(u.id, f);
      f.setProperties({ agency: u.agency ?? '', status: u.status, registered: u.registered ? 1 : 0 }, true);
      source.addFeature(f);
      return;
    }
    f.setProperties({ agency: u.agency ?? '', status: u.status, registered: u.registered ? 1 : 0 }, true);
    f.getGeometry()?.setCoordinates(at);
  };
  store.subscribeUnits((changed) => {
    for (const u of changed ?? store.getState().units.values()) upsert(u);
  });
  return layer;
}

/** Share of each kind among the static points (the rest of the 100,000 are grid cells). */
const MIX: readonly [StaticKind, number][] = [
  ['entity', 0.62],
  ['sensor', 0.2],
  ['case', 0.13],
  ['incident', 0.05],
];

/** `total` static objects over the city: a grid of cells (4%) and points of four kinds. */
export function createStaticObjects(total: number): { layer: WebGLVectorLayer<VectorSource<Feature>>; features: number } {
  const rnd = random(11);
  const features: Feature[] = [];
  const cells = Math.round(total * 0.04);
  const cols = Math.max(1, Math.round(Math.sqrt(cells * 1.6)));
  const rows = Math.max(1, Math.ceil(cells / cols));
  const dx = (CITY.east - CITY.west) / cols;
  const dy = (CITY.north - CITY.south) / rows;
  for (let i = 0; i < cells; i++) {
    const x = CITY.west + (i % cols) * dx;
    const y = CITY.south + Math.floor(i / cols) * dy;
    const ring = [
      [x, y],
      [x + dx, y],
      [x + dx, y + dy],
      [x, y + dy],
      [x, y],
    ].map((c) => fromLonLat(c));
    features.push(new Feature({ geometry: new Polygon([ring]), kind: 'grid' }));
  }
  for (const [kind, share] of MIX) {
    const n = Math.round((total - cells) * share);
    for (let i = 0; i < n; i++) {
      const lon = CITY.west + rnd() * (CITY.east - CITY.west);
      const lat = CITY.south + rnd() * (CITY.north - CITY.south);
      features.push(new Feature({ geometry: new Point(fromLonLat([lon, lat])), kind }));
    }
  }
  const source = new VectorSource<Feature>({ features });
  return { layer: createStaticLayer(source), features: features.length };
}
