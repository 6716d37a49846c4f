/** Polygon and field-of-view helpers for the panorama (WGS 84, [lon, lat] like GeoJSON). */
import { distanceM, inRing } from '../geo.js';
import type { CameraFov, PolygonCoords } from './model.js';

export type BBox = readonly [number, number, number, number];


/** Inside the outer ring and outside every hole. */
export function pointInPolygon(lon: number, lat: number, rings: PolygonCoords): boolean {
  if (rings.length === 0 || !inRing(lon, lat, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (inRing(lon, lat, rings[h])) return false;
  return true;
}

export function polygonBBox(rings: PolygonCoords): BBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const [x, y] of rings[0] ?? []) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Area-weighted centroid of the outer ring (the mean of its vertices for a degenerate ring). */
export function centroid(rings: PolygonCoords): { lat: number; lon: number } {
  const r = rings[0] ?? [];
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const f = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
    a += f;
    cx += (r[i][0] + r[i + 1][0]) * f;
    cy += (r[i][1] + r[i + 1][1]) * f;
  }
  if (Math.abs(a) < 1e-14) {
    const n = Math.max(1, r.length);
    return { lon: r.reduce((t, p) => t + p[0], 0) / n, lat: r.reduce((t, p) => t + p[1], 0) / n };
  }
  return { lon: cx / (3 * a), lat: cy / (3 * a) };
}

/** A box that contains every point within `radiusM` of (lat, lon). */
export function bboxAround(lat: number, lon: number, radiusM: number): BBox {
  const dLat = radiusM / 111_320;
  const dLon = radiusM / (111_320 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/** Initial bearing from a to b, degrees clockwise from north. */
export function bearingDeg(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const y = Math.sin((b.lon - a.lon) * r) * Math.cos(b.lat * r);
  const x = Math.cos(a.lat * r) * Math.sin(b.lat * r) - Math.sin(a.lat * r) * Math.cos(b.lat * r) * Math.cos((b.lon - a.lon) * r);
  return ((Math.atan2(y, x) / r) % 360 + 360) % 360;
}

/** Whether a camera at `cam` with this field of view sees the point `p` (within range and angle). */
export function cameraSees(cam: { lat: number; lon: number }, fov: CameraFov, p: { lat: number; lon: number }): boolean {
  const d = distanceM(cam, p);
  if (d > fov.rangeM) return false;
  if (d < 1 || fov.angle >= 360) return true;
  const off = Math.abs(((bearingDeg(cam, p) - fov.direction + 540) % 360) - 180);
  return off <= fov.angle / 2;
}

/** The local calendar day of `t` at a fixed offset east of UTC, as YYYY-MM-DD. */
export function dayKey(t: number, tzOffsetMin: number): string {
  return new Date(t + tzOffsetMin * 60_000).toISOString().slice(0, 10);
}
