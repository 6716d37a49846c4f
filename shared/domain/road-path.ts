/**
 * Driving routes over the road graph of roads.ts: the shortest-time path from a point to another
 * as a polyline with the speed of each leg, for simulated units to follow. Edges can be closed
 * (a drill's road closure). One Dijkstra from the target over the reversed edges, as timesTo does,
 * then the path is read forwards from the source.
 */
import { distanceM, type LatLon } from '../geo.js';
import { snap, type RoadGraph } from './roads.js';

export interface RouteLeg {
  readonly from: LatLon;
  readonly to: LatLon;
  readonly lengthM: number;
  readonly speedMps: number;
}

/** Speed of the legs between a point and the road it snaps to. */
const ACCESS_MPS = 20 / 3.6;

/** Whether the edge between two nodes may be driven (default: every edge). */
export type EdgeOpen = (a: LatLon, b: LatLon) => boolean;

export function drivingRoute(g: RoadGraph, from: LatLon, to: LatLon, open: EdgeOpen = () => true): RouteLeg[] {
  const direct = (): RouteLeg[] => [leg(from, to, ACCESS_MPS)];
  const s = snap(g, from.lat, from.lon, 3000);
  const t = snap(g, to.lat, to.lon, 3000);
  if (!s || !t || g.nodeCount === 0) return direct();
  const node = (v: number): LatLon => ({ lat: g.lat[v], lon: g.lon[v] });
  const at = (seg: number, f: number): LatLon => ({
    lat: g.lat[g.segA[seg]] + (g.lat[g.segB[seg]] - g.lat[g.segA[seg]]) * f,
    lon: g.lon[g.segA[seg]] + (g.lon[g.segB[seg]] - g.lon[g.segA[seg]]) * f,
  });
  const sp = at(s.seg, s.t), tp = at(t.seg, t.t);

  // Reversed Dijkstra from the target's segment ends: dist[v] = time from v to the target point.
  const n = g.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const next = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap: [number, number][] = [];
  const push = (v: number, d: number, via: number): void => {
    if (d >= dist[v]) return;
    dist[v] = d;
    next[v] = via;
    heap.push([d, v]);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0];
    const last = heap.pop() as [number, number];
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const ts = t.seg, tv = g.segSpeedMps[ts], tl = g.segLenM[ts];
  // -2 marks "the target point is next".
  push(g.segA[ts], (t.t * tl) / tv, -2);
  if (!g.segOneway[ts]) push(g.segB[ts], ((1 - t.t) * tl) / tv, -2);
  while (heap.length > 0) {
    const [d, v] = pop();
    if (done[v] || d > dist[v]) continue;
    done[v] = 1;
    for (let e = g.inStart[v]; e < g.inStart[v + 1]; e++) {
      const u = g.inFrom[e];
      if (!open(node(u), node(v))) continue;
      push(u, d + g.inCostS[e], v);
    }
  }

  const cs = s.seg, cl = g.segLenM[cs], cv = g.segSpeedMps[cs];
  let entry = -1, best = Infinity;
  if (dist[g.segB[cs]] < Infinity) [entry, best] = [g.segB[cs], ((1 - s.t) * cl) / cv + dist[g.segB[cs]]];
  if (!g.segOneway[cs] && (s.t * cl) / cv + dist[g.segA[cs]] < best) [entry, best] = [g.segA[cs], (s.t * cl) / cv + dist[g.segA[cs]]];
  const legs: RouteLeg[] = [leg(from, sp, ACCESS_MPS)];
  const sameSeg = cs === ts && (t.t >= s.t || !g.segOneway[ts]);
  if (sameSeg && (Math.abs(t.t - s.t) * tl) / tv <= best) {
    legs.push(leg(sp, tp, tv));
  } else if (entry >= 0) {
    legs.push(leg(sp, node(entry), cv));
    for (let v = entry; next[v] !== -2 && next[v] >= 0; v = next[v]) legs.push(leg(node(v), node(next[v]), speedBetween(g, v, next[v])));
    let last = entry;
    while (next[last] >= 0) last = next[last];
    legs.push(leg(node(last), tp, tv));
  } else return direct();
  legs.push(leg(tp, to, ACCESS_MPS));
  return legs.filter((l) => l.lengthM > 0.01);
}

function speedBetween(g: RoadGraph, u: number, v: number): number {
  for (let e = g.inStart[v]; e < g.inStart[v + 1]; e++) if (g.inFrom[e] === u && g.inCostS[e] > 0) return g.inLenM[e] / g.inCostS[e];
  return ACCESS_MPS;
}

function leg(from: LatLon, to: LatLon, speedMps: number): RouteLeg {
  return { from, to, lengthM: distanceM(from, to), speedMps };
}

/** Seconds to drive a route at `factor` × each leg's speed. */
export function routeSeconds(legs: readonly RouteLeg[], factor = 1): number {
  return legs.reduce((s, l) => s + l.lengthM / (l.speedMps * factor), 0);
}
