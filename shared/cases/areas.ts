/** Which district and community (grid cell) a point lies in: plain point-in-polygon over the city map's areas. */
import { inRing } from '../geo.js';
import type { LonLat } from '../model.js';

export { inRing };

export interface NamedArea {
  readonly id: string;
  /** Outer ring, [lon, lat] pairs, closed or not. */
  readonly ring: readonly LonLat[];
  /** For communities: the district it belongs to. */
  readonly district?: string;
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
