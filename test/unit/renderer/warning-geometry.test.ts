/** Warning areas as OpenLayers geometries in Web Mercator: points, polygons, CAP circles. */
import { getDistance } from 'ol/sphere';
import { toLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import { areaGeometries, mapExtent, shapeGeometry } from '../../../renderer/src/map/warning-geometry';

describe('warning geometry', () => {
  it('projects points and polygons to Web Mercator', () => {
    const p = shapeGeometry({ type: 'Point', coordinates: [104.4, 31.13] });
    expect(p.getType()).toBe('Point');
    const [lon, lat] = toLonLat(p.getFlatCoordinates());
    expect(lon).toBeCloseTo(104.4, 9);
    expect(lat).toBeCloseTo(31.13, 9);
    const ring = [
      [-120.14, 38.47],
      [-119.95, 38.34],
      [-119.74, 38.52],
      [-119.89, 38.62],
      [-120.14, 38.47],
    ] as const;
    const poly = shapeGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(poly.getType()).toBe('Polygon');
    expect(poly.getFlatCoordinates()).toHaveLength(10);
    expect(toLonLat(poly.getFlatCoordinates().slice(2, 4))[1]).toBeCloseTo(38.34, 9);
  });

  it('draws a CAP circle as a geodesic polygon of its true radius; radius 0 is a point', () => {
    const c = shapeGeometry({ type: 'Circle', center: [104.4, 31.13], radiusM: 2000 });
    expect(c.getType()).toBe('Polygon');
    const flat = c.getFlatCoordinates();
    for (let i = 0; i < flat.length; i += 2) expect(getDistance([104.4, 31.13], toLonLat([flat[i], flat[i + 1]]))).toBeCloseTo(2000, -1);
    expect(shapeGeometry({ type: 'Circle', center: [104.4, 31.13], radiusM: 0 }).getType()).toBe('Point');
  });

  it('flattens collections and gives an extent to fit', () => {
    const geoms = areaGeometries({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [104.4, 31.13] },
        { type: 'Circle', center: [104.41, 31.14], radiusM: 500 },
      ],
    });
    expect(geoms.map((g) => g.getType())).toEqual(['Point', 'Polygon']);
    expect(areaGeometries(null)).toEqual([]);
    expect(mapExtent(null)).toBeNull();
    const e = mapExtent({ type: 'Circle', center: [104.4, 31.13], radiusM: 1000 }) ?? [];
    // 2 km across on the ground is 2 km / cos(latitude) in Web Mercator metres.
    expect(e[2] - e[0]).toBeCloseTo(2000 / Math.cos((31.13 * Math.PI) / 180), -1);
  });
});
