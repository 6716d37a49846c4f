/**
 * Road graph for routed ETAs: built from GeoJSON road LineStrings, stored in typed arrays so a
 * city of tens of thousands of vertices stays compact, searched with Dijkstra on a binary heap.
 * Searches run on the reversed graph, from the incident outwards: units drive TO the incident, so
 * one search gives every unit's time (this only differs from the forward graph on one-way roads).
 */
import { inRing, distanceM, type LatLon } from '../geo.js';
import type { WarningShape, WarningView } from '../model.js';

/** Just enough of GeoJSON to read road lines: the shipped map and imported files both fit. */
export interface GeoJsonLike {
  readonly features: readonly {
    readonly properties?: Readonly<Record<string, unknown>> | null;
    readonly geometry?: { readonly type: string; readonly coordinates?: unknown } | null;
  }[];
}

export interface RoadGraph {
  readonly nodeCount: number;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** Local metres east / north of proj's origin: snapping works in this plane (fine at city scale). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Segment s runs segA[s] → segB[s]; one-way segments are always stored in their legal direction. */
  readonly segA: Uint32Array;
  readonly segB: Uint32Array;
  readonly segLenM: Float64Array;
  readonly segSpeedMps: Float64Array;
  readonly segOneway: Uint8Array;
  /** Reversed CSR: edges INTO node v are inStart[v]..inStart[v+1], coming from inFrom[e]. */
  readonly inStart: Uint32Array;
  readonly inFrom: Uint32Array;
  readonly inCostS: Float64Array;
  readonly inLenM: Float64Array;
  /** Snapping index: a grid of segment ids in local metres around (lat0, lon0). */
  readonly proj: { readonly lat0: number; readonly lon0: number; readonly kx: number; readonly ky: number };
  readonly cellM: number;
  readonly cells: ReadonlyMap<number, Uint32Array>;
  readonly cellExtent: { readonly minX: number; readonly maxX: number; readonly minY: number; readonly maxY: number };
}

export interface BuildRoadOptions {
  /** Line endpoints within this many metres of another vertex join it (imported data is rarely exact). */
  readonly mergeM?: number;
  readonly isRoad?: (props: Readonly<Record<string, unknown>>) => boolean;
}

/** Speeds for roads without `speedKmh` / `maxspeed`, by our `class` or OSM `highway`. */
const CLASS_KMH: Readonly<Record<string, number>> = {
  ring: 80, motorway: 80, trunk: 70, primary: 60, secondary: 50, tertiary: 40, residential: 30, service: 20,
};
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;
/**
 * Grid cell key, wrapped to 15 bits a side so it stays a small integer (a float key would be boxed
 * on every Map lookup). Cells 32,768 apart share a bucket; searches measure every entry, so that
 * only costs a look at a far-away entry, never a wrong answer.
 */
const cellKey = (cx: number, cy: number): number => ((cy & 0x7fff) << 15) | (cx & 0x7fff);
function bucket<V>(map: Map<number, V[]>, key: number, v: V): void {
  const list = map.get(key);
  if (list) list.push(v);
  else map.set(key, [v]);
}

const defaultIsRoad = (p: Readonly<Record<string, unknown>>): boolean => p.layer === 'road' || typeof p.highway === 'string';

function speedMps(p: Readonly<Record<string, unknown>>): number {
  const given = typeof p.speedKmh === 'number' ? p.speedKmh : typeof p.maxspeed === 'string' ? Number.parseFloat(p.maxspeed) : NaN;
  const cls = typeof p.class === 'string' ? p.class : typeof p.highway === 'string' ? p.highway : '';
  const kmh = Number.isFinite(given) && given > 0 ? given : (CLASS_KMH[cls] ?? 30);
  return kmh / 3.6;
}

/** 1: one-way along the digitised direction, -1: against it (OSM "-1"), 0: both ways. */
function onewayOf(p: Readonly<Record<string, unknown>>): number {
  const v = p.oneway;
  if (v === true || v === 'yes' || v === 'true' || v === '1' || v === 1) return 1;
  return v === '-1' || v === -1 || v === 'reverse' ? -1 : 0;
}

function isPosition(c: unknown): c is readonly [number, number] {
  return Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number';
}

function linesOf(geometry: { readonly type: string; readonly coordinates?: unknown }): (readonly [number, number])[][] {
  const raw = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.type === 'MultiLineString' ? geometry.coordinates : [];
  if (!Array.isArray(raw)) return [];
  return raw.filter((l): l is unknown[] => Array.isArray(l)).map((l) => l.filter(isPosition));
}

export function buildRoadGraph(data: GeoJsonLike, opts: BuildRoadOptions = {}): RoadGraph {
  const isRoad = opts.isRoad ?? defaultIsRoad;
  const mergeM = opts.mergeM ?? 1.5;
  // Vertices join on coordinates rounded to 1e-6° (~0.1 m): that is how crossings are encoded.
  const ids = new Map<string, number>();
  const lons: number[] = [];
  const lats: number[] = [];
  const lines: { nodes: number[]; speed: number; oneway: number }[] = [];
  for (const f of data.features) {
    if (!f.geometry || !isRoad(f.properties ?? {})) continue;
    const props = f.properties ?? {};
    for (const coords of linesOf(f.geometry)) {
      const nodes = coords.map(([lon, lat]) => {
        const key = `${Math.round(lon * 1e6)},${Math.round(lat * 1e6)}`;
        let id = ids.get(key);
        if (id === undefined) {
          id = lons.push(lon) - 1;
          lats.push(lat);
          ids.set(key, id);
        }
        return id;
      });
      if (nodes.length >= 2) lines.push({ nodes, speed: speedMps(props), oneway: onewayOf(props) });
    }
  }
  const lat0 = lats.length ? (Math.min(...lats) + Math.max(...lats)) / 2 : 0;
  const lon0 = lons.length ? (Math.min(...lons) + Math.max(...lons)) / 2 : 0;
  const proj = { lat0, lon0, kx: M_PER_DEG * Math.cos((lat0 * Math.PI) / 180), ky: M_PER_DEG };
  const xs = lons.map((v) => (v - lon0) * proj.kx);
  const ys = lats.map((v) => (v - lat0) * proj.ky);
  const root = mergeEndpoints(xs, ys, lines, mergeM);

  // Compact the surviving vertices, then cut every line into segments.
  const compact = new Int32Array(lons.length).fill(-1);
  let nodeCount = 0;
  for (let i = 0; i < lons.length; i++) if (root[i] === i) compact[i] = nodeCount++;
  const pick = (from: number[]): Float64Array => Float64Array.from(from.filter((_, i) => root[i] === i));
  const [lat, lon, x, y] = [pick(lats), pick(lons), pick(xs), pick(ys)];
  const sa: number[] = [], sb: number[] = [], sl: number[] = [], sv: number[] = [], so: number[] = [];
  for (const l of lines) {
    for (let i = 1; i < l.nodes.length; i++) {
      let a = compact[root[l.nodes[i - 1]]], b = compact[root[l.nodes[i]]];
      if (a === b) continue;
      if (l.oneway < 0) [a, b] = [b, a];
      sa.push(a);
      sb.push(b);
      sv.push(l.speed);
      so.push(l.oneway === 0 ? 0 : 1);
      sl.push(distanceM({ lat: lat[a], lon: lon[a] }, { lat: lat[b], lon: lon[b] }));
    }
  }
  const seg = { segA: Uint32Array.from(sa), segB: Uint32Array.from(sb), segLenM: Float64Array.from(sl), segSpeedMps: Float64Array.from(sv), segOneway: Uint8Array.from(so) };
  return { nodeCount, lat, lon, x, y, ...seg, ...reversedCsr(nodeCount, seg), proj, ...segmentGrid(x, y, seg.segA, seg.segB) };
}

/** Union each line endpoint with any vertex within mergeM (a hash grid keeps this linear). */
function mergeEndpoints(xs: number[], ys: number[], lines: { nodes: number[] }[], mergeM: number): Int32Array {
  const root = Int32Array.from(xs, (_, i) => i);
  if (mergeM <= 0) return root;
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]];
    return i;
  };
  const grid = new Map<number, number[]>();
  xs.forEach((x, i) => bucket(grid, cellKey(Math.floor(x / mergeM), Math.floor(ys[i] / mergeM)), i));
  for (const end of lines.flatMap((l) => [l.nodes[0], l.nodes[l.nodes.length - 1]])) {
    const cx = Math.floor(xs[end] / mergeM), cy = Math.floor(ys[end] / mergeM);
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++)
        for (const o of grid.get(cellKey(cx + dx, cy + dy)) ?? []) {
          if (o !== end && Math.hypot(xs[o] - xs[end], ys[o] - ys[end]) <= mergeM) {
            const ra = find(end), rb = find(o);
            if (ra !== rb) root[Math.max(ra, rb)] = Math.min(ra, rb);
          }
        }
  }
  for (let i = 0; i < root.length; i++) root[i] = find(i);
  return root;
}

type Segs = Pick<RoadGraph, 'segA' | 'segB' | 'segLenM' | 'segSpeedMps' | 'segOneway'>;

function reversedCsr(n: number, s: Segs): Pick<RoadGraph, 'inStart' | 'inFrom' | 'inCostS' | 'inLenM'> {
  const inStart = new Uint32Array(n + 1);
  for (let i = 0; i < s.segA.length; i++) {
    inStart[s.segB[i] + 1]++;
    if (!s.segOneway[i]) inStart[s.segA[i] + 1]++;
  }
  for (let v = 0; v < n; v++) inStart[v + 1] += inStart[v];
  const fill = inStart.slice(0, n);
  const m = inStart[n];
  const inFrom = new Uint32Array(m), inCostS = new Float64Array(m), inLenM = new Float64Array(m);
  const put = (from: number, to: number, i: number): void => {
    const e = fill[to]++;
    inFrom[e] = from;
    inLenM[e] = s.segLenM[i];
    inCostS[e] = s.segLenM[i] / s.segSpeedMps[i];
  };
  for (let i = 0; i < s.segA.length; i++) {
    put(s.segA[i], s.segB[i], i);
    if (!s.segOneway[i]) put(s.segB[i], s.segA[i], i);
  }
  return { inStart, inFrom, inCostS, inLenM };
}

const SNAP_CELL_M = 200;

/** Every segment goes into each grid cell its bounding box touches. */
function segmentGrid(xs: Float64Array, ys: Float64Array, a: Uint32Array, b: Uint32Array): Pick<RoadGraph, 'cellM' | 'cells' | 'cellExtent'> {
  const lists = new Map<number, number[]>();
  const ext = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  const c = (v: number): number => Math.floor(v / SNAP_CELL_M);
  for (let s = 0; s < a.length; s++) {
    const [x0, x1] = [c(Math.min(xs[a[s]], xs[b[s]])), c(Math.max(xs[a[s]], xs[b[s]]))];
    const [y0, y1] = [c(Math.min(ys[a[s]], ys[b[s]])), c(Math.max(ys[a[s]], ys[b[s]]))];
    [ext.minX, ext.maxX, ext.minY, ext.maxY] = [Math.min(ext.minX, x0), Math.max(ext.maxX, x1), Math.min(ext.minY, y0), Math.max(ext.maxY, y1)];
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) bucket(lists, cellKey(x, y), s);
  }
  const cells = new Map<number, Uint32Array>();
  for (const [k, l] of lists) cells.set(k, Uint32Array.from(l));
  return { cellM: SNAP_CELL_M, cells, cellExtent: ext };
}

/** A point on the network: fraction t along segment seg, and how far the original point was from it. */
export interface RoadSnap {
  readonly seg: number;
  readonly t: number;
  readonly distanceM: number;
}

/**
 * The nearest point on any segment (a projection, not just the nearest vertex, so a unit mid-block
 * is not sent to the far corner). Rings of grid cells grow until nothing unseen can be closer.
 */
export function snap(g: RoadGraph, lat: number, lon: number, maxDistM = Infinity): RoadSnap | null {
  const x = (lon - g.proj.lon0) * g.proj.kx, y = (lat - g.proj.lat0) * g.proj.ky;
  const cx = Math.floor(x / g.cellM), cy = Math.floor(y / g.cellM);
  const e = g.cellExtent;
  const rFirst = Math.max(0, e.minX - cx, cx - e.maxX, e.minY - cy, cy - e.maxY);
  const rLast = Math.max(cx - e.minX, e.maxX - cx, cy - e.minY, e.maxY - cy);
  const best = { seg: -1, t: 0, d: maxDistM };
  if ((rFirst - 1) * g.cellM > maxDistM) return null;
  // Far outside the network, rings would sweep mostly empty cells: look at every segment instead.
  if (rFirst > 8) for (let s = 0; s < g.segA.length; s++) consider(g, s, x, y, best);
  for (let r = rFirst; r <= rLast && rFirst <= 8 && (r - 1) * g.cellM <= best.d; r++) {
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx += dy === -r || dy === r ? 1 : 2 * r) {
        const cell = g.cells.get(cellKey(cx + dx, cy + dy));
        // Indexed loops: the iterators of for…of would be garbage on every call.
        for (let j = 0; cell && j < cell.length; j++) consider(g, cell[j], x, y, best);
      }
    }
  }
  return best.seg < 0 ? null : { seg: best.seg, t: best.t, distanceM: best.d };
}

/** Projects (x, y) onto segment s and keeps it in `best` if it is the closest so far. */
function consider(g: RoadGraph, s: number, x: number, y: number, best: { seg: number; t: number; d: number }): void {
  const a = g.segA[s], b = g.segB[s];
  const ax = g.x[a], ay = g.y[a], vx = g.x[b] - ax, vy = g.y[b] - ay;
  const l2 = vx * vx + vy * vy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / l2)) : 0;
  const ex = x - ax - t * vx, ey = y - ay - t * vy;
  const d = Math.sqrt(ex * ex + ey * ey);
  if (d < best.d || (d === best.d && best.seg < 0)) {
    best.seg = s;
    best.t = t;
    best.d = d;
  }
}

export interface RouteOptions {
  /** Speed off the network, for the legs from a position to its snap point (default 20 km/h). */
  readonly accessSpeedMps?: number;
  /** Give up beyond this many seconds; farther sources come back unreachable. */
  readonly maxTimeS?: number;
  /**
   * Areas closed to traffic: no road through them is driven. Closures that contain the incident do
   * not apply (the crews are let in); a unit inside one may drive out of it.
   */
  readonly closures?: readonly ClosedArea[];
}

/** An area closed to traffic: a circle (centre, metres) or a polygon's rings ([lon, lat], outer first). */
export type ClosedArea =
  | { readonly type: 'Circle'; readonly center: readonly [number, number]; readonly radiusM: number }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly (readonly [number, number])[])[] };

/** The closed areas of warnings that close roads (circles and polygons; points close nothing). */
export function closedAreasOf(warnings: Iterable<WarningView>): ClosedArea[] {
  const out: ClosedArea[] = [];
  const add = (s: WarningShape): void => {
    if (s.type === 'Circle' || s.type === 'Polygon') out.push(s);
  };
  for (const w of warnings) {
    if (!w.closesRoads || w.clearedAt !== null || !w.area) continue;
    if (w.area.type === 'GeometryCollection') w.area.geometries.forEach(add);
    else add(w.area);
  }
  return out;
}

/** Whether the segment a–b (lat/lon) passes within the area: within a circle's radius, or an end or its middle inside a polygon. */
function crosses(a: LatLon, b: LatLon, area: ClosedArea): boolean {
  if (area.type === 'Polygon') {
    const [outer, ...holes] = area.coordinates;
    const inside = (lon: number, lat: number): boolean => outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h));
    return inside(a.lon, a.lat) || inside(b.lon, b.lat) || inside((a.lon + b.lon) / 2, (a.lat + b.lat) / 2);
  }
  // Metres in a local plane around the centre.
  const [clon, clat] = area.center;
  const kx = M_PER_DEG * Math.cos((clat * Math.PI) / 180);
  const ax = (a.lon - clon) * kx, ay = (a.lat - clat) * M_PER_DEG;
  const bx = (b.lon - clon) * kx, by = (b.lat - clat) * M_PER_DEG;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy) <= area.radiusM;
}

function contains(area: ClosedArea, p: LatLon): boolean {
  return crosses(p, p, area);
}

/** The graph's edges (RoadGraph.inFrom order) that pass through any of the areas, as RouteOptions.closed; undefined when none does. */
export function closedEdges(g: RoadGraph, areas: readonly ClosedArea[]): Uint8Array | undefined {
  if (areas.length === 0) return undefined;
  const closed = new Uint8Array(g.inFrom.length);
  let any = false;
  for (let v = 0; v < g.nodeCount; v++) {
    const b = { lat: g.lat[v], lon: g.lon[v] };
    for (let e = g.inStart[v]; e < g.inStart[v + 1]; e++) {
      const u = g.inFrom[e];
      const a = { lat: g.lat[u], lon: g.lon[u] };
      if (areas.some((area) => crosses(a, b, area))) {
        closed[e] = 1;
        any = true;
      }
    }
  }
  return any ? closed : undefined;
}

/** Per source: seconds and metres to the target; Infinity where unreachable. */
export interface RouteTimes {
  readonly etaS: Float64Array;
  readonly roadM: Float64Array;
}

/**
 * Search scratch kept per graph, so a search allocates next to nothing (recommendations run often,
 * and garbage turns into collector pauses at p99). Generation stamps spare clearing the arrays.
 */
class Workspace {
  readonly dist: Float64Array;
  readonly len: Float64Array;
  readonly seen: Uint32Array;
  readonly done: Uint32Array;
  readonly want: Uint32Array;
  readonly heapNode: Uint32Array;
  readonly heapKey: Float64Array;
  gen = 0;
  size = 0;

  constructor(n: number, edges: number) {
    [this.dist, this.len] = [new Float64Array(n), new Float64Array(n)];
    [this.seen, this.done, this.want] = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)];
    // Lazy deletion: each edge is relaxed at most once, so edges + the two seeds bound the heap.
    [this.heapNode, this.heapKey] = [new Uint32Array(edges + 2), new Float64Array(edges + 2)];
  }

  begin(): number {
    this.size = 0;
    if (++this.gen === 0xffffffff) {
      for (const a of [this.seen, this.done, this.want]) a.fill(0);
      this.gen = 1;
    }
    return this.gen;
  }

  /** Labels v with time d and length l if that improves it, and queues it. */
  offer(v: number, d: number, l: number): void {
    if (this.seen[v] === this.gen && this.dist[v] <= d) return;
    this.seen[v] = this.gen;
    this.dist[v] = d;
    this.len[v] = l;
    const { heapKey, heapNode } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heapKey[p] <= d) break;
      heapKey[i] = heapKey[p];
      heapNode[i] = heapNode[p];
      i = p;
    }
    heapKey[i] = d;
    heapNode[i] = v;
  }

  pop(): number {
    const { heapKey, heapNode } = this;
    const top = heapNode[0], size = --this.size, key = heapKey[size], node = heapNode[size];
    let i = 0;
    for (let c = 1; c < size; i = c, c = 2 * i + 1) {
      if (c + 1 < size && heapKey[c + 1] < heapKey[c]) c++;
      if (heapKey[c] >= key) break;
      heapKey[i] = heapKey[c];
      heapNode[i] = heapNode[c];
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return top;
  }
}
const workspaces = new WeakMap<RoadGraph, Workspace>();

/**
 * One-to-many shortest times from every source TO the target, by one Dijkstra over reversed edges
 * that stops once every segment end a source needs is settled (or at maxTimeS).
 */
export function timesTo(g: RoadGraph, target: RoadSnap, sources: readonly (RoadSnap | null)[], opts: RouteOptions = {}): RouteTimes {
  const accessMps = opts.accessSpeedMps ?? 20 / 3.6;
  const maxTimeS = opts.maxTimeS ?? Infinity;
  let w = workspaces.get(g);
  if (!w) workspaces.set(g, (w = new Workspace(g.nodeCount, g.inFrom.length)));
  const gen = w.begin();
  const { dist, len, done, want } = w;
  const s = target.seg, sv = g.segSpeedMps[s], sl = g.segLenM[s];
  const point = (seg: number, t: number): LatLon => ({
    lat: g.lat[g.segA[seg]] + (g.lat[g.segB[seg]] - g.lat[g.segA[seg]]) * t,
    lon: g.lon[g.segA[seg]] + (g.lon[g.segB[seg]] - g.lon[g.segA[seg]]) * t,
  });
  const node = (v: number): LatLon => ({ lat: g.lat[v], lon: g.lon[v] });
  const p = point(s, target.t);
  const areas = (opts.closures ?? []).filter((a) => !contains(a, p));
  const closed = closedEdges(g, areas);
  /** Whether the stretch a–b of one segment is open; closures around `from` (a unit inside one) do not count. */
  const open = (a: LatLon, b: LatLon, from?: LatLon): boolean => !areas.some((ar) => !(from && contains(ar, from)) && crosses(a, b, ar));
  // A unit reaches the target point through the segment's start (driving forward along it) or,
  // on a two-way segment, through its end.
  if (open(node(g.segA[s]), p)) w.offer(g.segA[s], (target.t * sl) / sv, target.t * sl);
  if (!g.segOneway[s] && open(p, node(g.segB[s]))) w.offer(g.segB[s], ((1 - target.t) * sl) / sv, (1 - target.t) * sl);
  let remaining = 0;
  for (const src of sources) {
    if (!src) continue;
    for (const v of g.segOneway[src.seg] ? [g.segB[src.seg]] : [g.segA[src.seg], g.segB[src.seg]]) {
      if (want[v] !== gen) remaining++;
      want[v] = gen;
    }
  }

  while (w.size > 0 && remaining > 0) {
    const v = w.pop();
    if (done[v] === gen) continue;
    if (dist[v] > maxTimeS) break;
    done[v] = gen;
    if (want[v] === gen && --remaining === 0) break;
    for (let e = g.inStart[v]; e < g.inStart[v + 1]; e++) if (!closed?.[e]) w.offer(g.inFrom[e], dist[v] + g.inCostS[e], len[v] + g.inLenM[e]);
  }

  const etaS = new Float64Array(sources.length).fill(Infinity), roadM = new Float64Array(sources.length).fill(Infinity);
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i];
    if (!src) continue;
    const c = src.seg, cl = g.segLenM[c], cv = g.segSpeedMps[c], a = g.segA[c], b = g.segB[c];
    let bestS = Infinity, bestM = Infinity;
    const q = areas.length > 0 ? point(c, src.t) : p;
    // Forward along the unit's segment to its end, or (two-way only) back to its start.
    if (done[b] === gen && open(q, node(b), q)) [bestS, bestM] = [((1 - src.t) * cl) / cv + dist[b], (1 - src.t) * cl + len[b]];
    if (!g.segOneway[c] && done[a] === gen && (src.t * cl) / cv + dist[a] < bestS && open(q, node(a), q)) [bestS, bestM] = [(src.t * cl) / cv + dist[a], src.t * cl + len[a]];
    // On the incident's own segment: straight there, unless that means against a one-way.
    const ahead = target.t - src.t;
    if (c === s && (ahead >= 0 || !g.segOneway[s]) && (Math.abs(ahead) * sl) / sv < bestS && open(q, p, q)) [bestS, bestM] = [(Math.abs(ahead) * sl) / sv, Math.abs(ahead) * sl];
    const access = src.distanceM + target.distanceM;
    if (bestS + access / accessMps > maxTimeS) continue;
    etaS[i] = bestS + access / accessMps;
    roadM[i] = bestM + access;
  }
  return { etaS, roadM };
}
