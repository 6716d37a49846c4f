/**
 * Entities on the map, at scale: one WebGL vector layer for every kind, its flat style compiled
 * once into shaders (a cached style: no style function per feature or frame), so 100,000 static
 * points are drawn once per view change and cost nothing while the view is still (the live units
 * animate on their own canvas). Which kinds show is a style variable per kind, not a reload.
 * Areas (compounds, key areas) are drawn as outlines under their points.
 *
 * Clicks are answered from the source's own spatial index (hit detection is off on the layer).
 */
import Feature from 'ol/Feature';
import { Point, Polygon } from 'ol/geom';
import WebGLVectorLayer from 'ol/layer/WebGLVector';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import type { FlatStyleLike } from 'ol/style/flat';
import { ENTITY_KINDS, type EntityKind, type EntityView } from '../../../../shared/panorama/model';
import { ENTITY_COLOURS } from './entity-colours';

const RADIUS = ['interpolate', ['linear'], ['zoom'], 11, 2, 14, 4, 17, 7];
const shown = (kind: EntityKind): string => `show_${kind}`;
/** Kinds too dense for a city-wide view appear from this zoom on (a hydrant every 150 m of road). */
export const KIND_MIN_ZOOM: Partial<Record<EntityKind, number>> = { hydrant: 15, building: 15, vulnerable_resident: 14, building_manager: 14, vehicle: 14 };
const visible = [
  'all',
  ['==', ['match', ['get', 'kind'], ...ENTITY_KINDS.flatMap((k) => [k, ['var', shown(k)]]), 0], 1],
  ['>=', ['zoom'], ['match', ['get', 'kind'], ...Object.entries(KIND_MIN_ZOOM).flat(), 0]],
];

export const ENTITY_STYLE: FlatStyleLike = [
  {
    filter: ['all', visible, ['==', ['get', 'area'], 1]],
    style: { 'fill-color': 'rgba(244, 114, 182, 0.08)', 'stroke-color': ['match', ['get', 'kind'], ...ENTITY_KINDS.flatMap((k) => [k, ENTITY_COLOURS[k]]), '#7f8ea8'], 'stroke-width': 1.5 },
  },
  {
    filter: ['all', visible, ['!=', ['get', 'area'], 1]],
    style: {
      'circle-radius': RADIUS,
      'circle-fill-color': ['match', ['get', 'kind'], ...ENTITY_KINDS.flatMap((k) => [k, ENTITY_COLOURS[k]]), '#7f8ea8'],
      'circle-stroke-color': 'rgba(7, 11, 18, 0.9)',
      'circle-stroke-width': 1,
    },
  },
] as FlatStyleLike;

export interface EntityLayer {
  readonly layer: WebGLVectorLayer<VectorSource<Feature>>;
  readonly source: VectorSource<Feature>;
  /** Adds or replaces entities (a load or a push). */
  put(list: readonly EntityView[]): void;
  remove(id: string): void;
  setKinds(kinds: ReadonlySet<EntityKind>): void;
  /** Visible entity ids within `tolerance` map units of a coordinate, nearest first. */
  hit(coordinate: readonly number[], tolerance: number, kinds: ReadonlySet<EntityKind>): string | null;
  count(): number;
  dispose(): void;
}

function featuresOf(e: EntityView): Feature[] {
  const point = new Feature({ geometry: new Point(fromLonLat([e.lon, e.lat])), kind: e.kind, area: 0 });
  point.setId(e.id);
  if (!e.area) return [point];
  const ring = e.area.map((r) => r.map((p) => fromLonLat([p[0], p[1]])));
  const area = new Feature({ geometry: new Polygon(ring), kind: e.kind, area: 1 });
  area.setId(`${e.id}#area`);
  return [area, point];
}

export function createEntityLayer(kinds: ReadonlySet<EntityKind>): EntityLayer {
  const source = new VectorSource<Feature>();
  const variables = (k: ReadonlySet<EntityKind>): Record<string, number> => Object.fromEntries(ENTITY_KINDS.map((x) => [shown(x), k.has(x) ? 1 : 0]));
  const layer = new WebGLVectorLayer({ source, style: ENTITY_STYLE, variables: variables(kinds), zIndex: 12, disableHitDetection: true });
  let points = 0;
  const remove = (id: string): void => {
    for (const fid of [id, `${id}#area`]) {
      const f = source.getFeatureById(fid);
      if (!f) continue;
      source.removeFeature(f);
      if (fid === id) points -= 1;
    }
  };
  return {
    layer,
    source,
    put: (list) => {
      for (const e of list) if (source.getFeatureById(e.id)) remove(e.id);
      source.addFeatures(list.flatMap(featuresOf));
      points += list.length;
    },
    remove,
    setKinds: (k) => layer.updateStyleVariables(variables(k)),
    hit: (c, tol, k) => {
      let best: string | null = null;
      let bestD = Infinity;
      for (const f of source.getFeaturesInExtent([c[0] - tol, c[1] - tol, c[0] + tol, c[1] + tol])) {
        const g = f.getGeometry();
        if (!(g instanceof Point) || !k.has(f.get('kind') as EntityKind)) continue;
        const [x, y] = g.getCoordinates();
        const d = Math.hypot(x - c[0], y - c[1]);
        if (d <= tol && d < bestD) {
          bestD = d;
          best = String(f.getId());
        }
      }
      return best;
    },
    count: () => points,
    dispose: () => {
      layer.dispose();
      source.clear(true);
    },
  };
}
