/**
 * WGS 84 → EPSG:3857 without allocating (ol/proj's fromLonLat returns a new array per call, which
 * at 20,000 reports a second is garbage the collector then has to chase mid-frame). Same formula
 * as OpenLayers; latitudes are clamped to the Web Mercator square (±85.05°).
 */
const R = 6_378_137;
const MAX_LAT = 85.0511287798066;

export function mercatorX(lon: number): number {
  return (R * Math.PI * lon) / 180;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return R * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
}
