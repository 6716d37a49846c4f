/**
 * Static and slowly changing map objects at scale (entities, incidents, cases, sensors, grid
 * cells): OpenLayers' WebGL vector layer with one flat style. The style is compiled once into
 * shaders (the WebGL form of a cached style: no style function runs per feature, per frame), and
 * the geometry is turned into GPU buffers when the source changes, not when the view does.
 *
 * Why this costs nothing while the view is still: OpenLayers redraws its layers only when the
 * map renders, and the live-units layer animates without asking for a map render (it redraws its
 * own canvas). So 100,000 static objects are drawn once per view change, never per unit move.
 *
 * Hit detection is off: on this layer it is an extra offscreen render of everything per frame.
 * Objects that need clicks get a spatial index like the live units (see live-units-layer.ts).
 * Few objects with text (incident pins with numbers) stay on a canvas VectorLayer with cached
 * Style objects, as incidents-layer.ts does.
 */
import type Feature from 'ol/Feature';
import WebGLVectorLayer from 'ol/layer/WebGLVector';
import type VectorSource from 'ol/source/Vector';
import type { FlatStyleLike } from 'ol/style/flat';

/** What a static object is; a feature carries it as its `kind` property. */
export type StaticKind = 'entity' | 'incident' | 'case' | 'sensor' | 'grid';

export const STATIC_COLOURS: Readonly<Record<Exclude<StaticKind, 'grid'>, string>> = {
  entity: '#7f8ea8',
  incident: '#ff8c1a',
  case: '#c084fc',
  sensor: '#22d3ee',
};

/** Point size grows with zoom: a city-wide view of 100,000 dots should read as density, not blobs. */
const RADIUS = ['interpolate', ['linear'], ['zoom'], 11, 1.25, 14, 2.5, 17, 4.5];

export const STATIC_STYLE: FlatStyleLike = [
  {
    filter: ['==', ['get', 'kind'], 'grid'],
    style: { 'fill-color': 'rgba(34, 211, 238, 0.04)', 'stroke-color': 'rgba(34, 211, 238, 0.30)', 'stroke-width': 1 },
  },
  {
    else: true,
    style: {
      'circle-radius': RADIUS,
      'circle-fill-color': ['match', ['get', 'kind'], ...Object.entries(STATIC_COLOURS).flat(), '#7f8ea8'],
      'circle-stroke-color': 'rgba(11, 17, 27, 0.7)',
      'circle-stroke-width': 0.75,
    },
  },
] as FlatStyleLike;

export function createStaticLayer(
  source: VectorSource<Feature>,
  options: { readonly zIndex?: number; readonly minZoom?: number } = {},
): WebGLVectorLayer<VectorSource<Feature>> {
  return new WebGLVectorLayer({ source, style: STATIC_STYLE, zIndex: options.zIndex ?? 10, minZoom: options.minZoom, disableHitDetection: true });
}
