/**
 * A warning's area as OpenLayers geometries in the map's projection (Web Mercator). GeoJSON has
 * no circle: a CAP circle (centre, radius in metres on the ground) becomes a geodesic polygon, so
 * it keeps its true size at any latitude; a radius of 0 is a point.
 */
import Point from 'ol/geom/Point';
import Polygon, { circular } from 'ol/geom/Polygon';
import { fromLonLat, transformExtent } from 'ol/proj';
import type { WarningArea, WarningShape } from '../../../shared/model';
import { areaExtent, areaShapes } from '../lib/warnings';

/** Vertices of a circle's polygon: smooth at any zoom a hall display shows. */
const CIRCLE_SIDES = 64;

export function shapeGeometry(s: WarningShape): Point | Polygon {
  if (s.type === 'Point') return new Point(fromLonLat([...s.coordinates]));
  if (s.type === 'Polygon') return new Polygon(s.coordinates.map((ring) => ring.map((c) => fromLonLat([...c]))));
  if (s.radiusM <= 0) return new Point(fromLonLat([...s.center]));
  return circular([...s.center], s.radiusM, CIRCLE_SIDES).transform('EPSG:4326', 'EPSG:3857');
}

export function areaGeometries(area: WarningArea | null): (Point | Polygon)[] {
  return areaShapes(area).map(shapeGeometry);
}

/** The area's extent in map coordinates, for fitting the view; null when it has no shape. */
export function mapExtent(area: WarningArea | null): number[] | null {
  const e = areaExtent(area);
  return e ? transformExtent([...e], 'EPSG:4326', 'EPSG:3857') : null;
}
