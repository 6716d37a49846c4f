/**
 * The gazetteer: named places of the basemap (stations, blocks, roads, districts, water, grid
 * cells) in both languages, a search over them for the location field and the command line, and
 * the "lat,lon" parser. Pure: built from the GeoJSON the map already loads.
 */

export const PLACE_KINDS = ['station', 'block', 'road', 'district', 'water', 'grid'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  readonly id: string;
  readonly kind: PlaceKind;
  readonly zh: string;
  readonly en: string;
  readonly lat: number;
  readonly lon: number;
  /** Stations: the agency that runs it. */
  readonly agency?: string;
}

type Position = readonly number[];
interface Geometry {
  readonly type: string;
  readonly coordinates: unknown;
}
interface FeatureLike {
  readonly properties?: Record<string, unknown> | null;
  readonly geometry?: Geometry | null;
}

const isKind = (k: unknown): k is PlaceKind => typeof k === 'string' && (PLACE_KINDS as readonly string[]).includes(k);

/** The middle of a line by length: where a road's name is read. */
function lineMiddle(line: readonly Position[]): Position | null {
  if (line.length === 0) return null;
  const seg: number[] = [];
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const d = Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
    seg.push(d);
    total += d;
  }
  let left = total / 2;
  for (let i = 1; i < line.length; i++) {
    if (left <= seg[i - 1] && seg[i - 1] > 0) {
      const k = left / seg[i - 1];
      return [line[i - 1][0] + (line[i][0] - line[i - 1][0]) * k, line[i - 1][1] + (line[i][1] - line[i - 1][1]) * k];
    }
    left -= seg[i - 1];
  }
  return line[0];
}

/** The area centroid of a polygon's outer ring (its vertex average when degenerate). */
function ringCentroid(ring: readonly Position[]): Position | null {
  const pts = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  if (pts.length === 0) return null;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[(i + 1) % pts.length];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-12) return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  return [cx / (3 * a), cy / (3 * a)];
}

/** One representative [lon, lat] of a geometry. */
export function anchorOf(g: Geometry | null | undefined): Position | null {
  if (!g) return null;
  const c = g.coordinates as never;
  switch (g.type) {
    case 'Point':
      return c;
    case 'LineString':
      return lineMiddle(c);
    case 'MultiLineString':
      return lineMiddle((c as Position[][])[0] ?? []);
    case 'Polygon':
      return ringCentroid((c as Position[][])[0] ?? []);
    case 'MultiPolygon':
      return ringCentroid((c as Position[][][])[0]?.[0] ?? []);
    default:
      return null;
  }
}

/** Named features of the basemap, one per kind and name (a road cut into segments is listed once). */
export function placesFromGeoJson(json: unknown): Place[] {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const seen = new Set<string>();
  const out: Place[] = [];
  for (const f of features as FeatureLike[]) {
    const p = f.properties ?? {};
    const kind = p.layer;
    const zh = typeof p.name === 'string' ? p.name.trim() : '';
    if (!isKind(kind) || !zh) continue;
    const key = `${kind}|${zh}`;
    if (seen.has(key)) continue;
    const at = anchorOf(f.geometry);
    if (!at) continue;
    seen.add(key);
    const en = typeof p.nameEn === 'string' && p.nameEn.trim() ? p.nameEn.trim() : zh;
    out.push({
      id: typeof p.id === 'string' ? p.id : key,
      kind,
      zh,
      en,
      lon: at[0],
      lat: at[1],
      ...(typeof p.agency === 'string' ? { agency: p.agency } : {}),
    });
  }
  return out;
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** How well a name matches: 0 exact, 1 prefix, 2 a word's prefix, 3 anywhere; null not at all. */
function matchRank(name: string, q: string): number | null {
  const n = norm(name);
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  if (n.split(/[\s\-'’]+/).some((w) => w.startsWith(q))) return 2;
  return n.includes(q) ? 3 : null;
}

/**
 * Places whose Chinese or English name contains the query, best first: exact, prefix, word
 * prefix, anywhere; then stations, blocks, roads, districts, water, grid cells; then shorter.
 */
export function searchPlaces(places: readonly Place[], query: string, limit = 8): Place[] {
  const q = norm(query);
  if (!q) return [];
  const scored: { p: Place; rank: number; kind: number; len: number }[] = [];
  for (const p of places) {
    const zh = matchRank(p.zh, q);
    const en = matchRank(p.en, q);
    const rank = Math.min(zh ?? 9, en ?? 9);
    if (rank === 9) continue;
    scored.push({ p, rank, kind: PLACE_KINDS.indexOf(p.kind), len: zh !== null && zh <= (en ?? 9) ? p.zh.length : p.en.length });
  }
  scored.sort((a, b) => a.rank - b.rank || a.kind - b.kind || a.len - b.len || a.p.zh.localeCompare(b.p.zh));
  return scored.slice(0, limit).map((s) => s.p);
}

/**
 * "lat,lon" as dispatchers type it: a comma (also the full-width ，), semicolon or space between
 * two decimal numbers. "lon,lat" is taken too when only that order is valid (104.4, 31.1).
 */
export function parseLatLon(text: string): { lat: number; lon: number } | null {
  const m = /^\s*([-+]?\d{1,3}(?:\.\d+)?)\s*(?:[,，;；]\s*|\s+)([-+]?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const ok = (lat: number, lon: number): boolean => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (ok(a, b)) return { lat: a, lon: b };
  if (ok(b, a)) return { lat: b, lon: a };
  return null;
}

/** A place's name in the console's language. */
export function placeName(p: Pick<Place, 'zh' | 'en'>, language: string): string {
  return language.startsWith('zh') ? p.zh : p.en;
}

/**
 * Where a written address is, from the places this console knows: "lat,lon" if it is one, else
 * the place whose name the address contains (幸福花园3栋2单元 → the block 幸福花园): the longest
 * such name, then by kind (a station or block before the road or district it lies in). Null when
 * no known name is in it. Offline: the gazetteer is the basemap's own names.
 */
export function locateAddress(places: readonly Place[], address: string): { lat: number; lon: number; place: Place | null } | null {
  const at = parseLatLon(address);
  if (at) return { ...at, place: null };
  const a = norm(address);
  if (!a) return null;
  let best: { p: Place; len: number; kind: number } | null = null;
  for (const p of places) {
    for (const name of [p.zh, p.en]) {
      const n = norm(name);
      if (n.length < 2 || !a.includes(n)) continue;
      const kind = PLACE_KINDS.indexOf(p.kind);
      if (!best || n.length > best.len || (n.length === best.len && kind < best.kind)) best = { p, len: n.length, kind };
    }
  }
  return best ? { lat: best.p.lat, lon: best.p.lon, place: best.p } : null;
}
