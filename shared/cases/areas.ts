/** Which district and community (grid cell) a point lies in: plain point-in-polygon over the city map's areas. */
import type { LonLat } from '../model.js';

export interface NamedArea {
  readonly id: string;
  /** Outer ring, [lon, lat] pairs, closed or not. */
  readonly ring: readonly LonLat[];
  /** For communities: the district it belongs to. */
  readonly district?: string;
}

/** Ray casting; points on an edge count as inside for the left/bottom edges only (no double counting). */
export function inRing(lon: number, lat: number, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface CityAreas {
  readonly districts: readonly NamedArea[];
  readonly communities: readonly NamedArea[];
}

export function locate(areas: CityAreas, lat: number, lon: number): { district: string | null; community: string | null } {
  const community = areas.communities.find((a) => inRing(lon, lat, a.ring)) ?? null;
  const district = community?.district ?? areas.districts.find((a) => inRing(lon, lat, a.ring))?.id ?? null;
  return { district, community: community?.id ?? null };
}
