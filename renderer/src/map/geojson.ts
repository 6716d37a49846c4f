/**
 * The basemap's GeoJSON, fetched once per URL and shared: the map draws it, the gazetteer
 * (place search, station names) reads its names.
 */
const loads = new Map<string, Promise<unknown>>();

export function loadGeoJson(url: string): Promise<unknown> {
  let p = loads.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`basemap: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    });
    loads.set(url, p);
  }
  return p;
}
