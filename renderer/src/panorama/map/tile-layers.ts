/**
 * Map files the console serves (MBTiles, PMTiles, GeoJSON; an online XYZ source where configured)
 * as OpenLayers layers: raster tiles as image tiles, Mapbox vector tiles drawn in the hall's dark
 * colours, GeoJSON as a vector layer. URLs are same-origin paths from `maps.list`; they are
 * resolved against the host's root so a wall page under /wall/… asks the same address.
 */
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import MVT from 'ol/format/MVT';
import type BaseLayer from 'ol/layer/Base';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import VectorTileLayer from 'ol/layer/VectorTile';
import VectorSource from 'ol/source/Vector';
import VectorTileSource from 'ol/source/VectorTile';
import XYZ from 'ol/source/XYZ';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { MapInfo } from '../../../../shared/panorama/model';

/** A same-origin path from the API as an absolute URL (independent of the page's own path). */
export function hostUrl(path: string): string {
  if (/^[a-z]+:\/\//i.test(path)) return path;
  // Concatenated, not `new URL(path, root)`: that would escape a template's {z}/{x}/{y}.
  return `${new URL('/', window.location.href).href}${path.replace(/^\.?\//, '')}`;
}

const VT = {
  water: new Style({ fill: new Fill({ color: '#0f2c4a' }), stroke: new Stroke({ color: '#1b4d7d', width: 1 }) }),
  area: new Style({ fill: new Fill({ color: '#161e2b' }), stroke: new Stroke({ color: '#222c3d', width: 1 }) }),
  line: new Style({ stroke: new Stroke({ color: '#5a6579', width: 1.6 }) }),
  point: new Style({ image: new Circle({ radius: 3, fill: new Fill({ color: '#8d9bb2' }) }) }),
};
const OVERLAY = new Style({
  fill: new Fill({ color: 'rgba(76, 195, 255, 0.10)' }),
  stroke: new Stroke({ color: '#4cc3ff', width: 2 }),
  image: new Circle({ radius: 5, fill: new Fill({ color: '#4cc3ff' }), stroke: new Stroke({ color: '#0b111b', width: 1.5 }) }),
});

/** Vector tiles in the hall's colours: water blue, areas dark, lines grey; one cached style each. */
function vectorTileStyle(f: FeatureLike): Style {
  const layer = String(f.get('layer') ?? '');
  const type = f.getGeometry()?.getType() ?? '';
  if (/water|river|ocean|lake/i.test(layer)) return type.includes('Line') ? VT.line : VT.water;
  if (type.includes('Polygon')) return VT.area;
  if (type.includes('Line')) return VT.line;
  return VT.point;
}

/** The layer for a map; `overlay` maps (GeoJSON) draw over the basemap instead of replacing it. */
export function tileLayerOf(info: MapInfo, overlay: boolean): BaseLayer {
  const url = hostUrl(info.url);
  if (info.type === 'geojson' || info.format === 'geojson')
    return new VectorLayer({ source: new VectorSource({ url, format: new GeoJSON() }), style: overlay ? OVERLAY : VT.area, zIndex: overlay ? 6 : 0 });
  if (info.type === 'pbf')
    return new VectorTileLayer({
      source: new VectorTileSource({ url, format: new MVT(), minZoom: info.minZoom, maxZoom: info.maxZoom }),
      style: vectorTileStyle,
      zIndex: overlay ? 6 : 0,
    });
  return new TileLayer({ source: new XYZ({ url, minZoom: info.minZoom, maxZoom: info.maxZoom, attributions: info.attribution || undefined }), zIndex: overlay ? 6 : 0 });
}
