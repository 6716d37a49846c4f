/**
 * Fills an incident type's response plan with the best available units, across agencies.
 * Per slot: the nearest candidates by straight line (from a UnitIndex when given, else one scan),
 * then routed ETAs for all of them with a single search over the road graph, ranked with stale
 * positions last. Where there is no graph, or a unit cannot be snapped or reached, the ETA falls
 * back to straight line × roadFactor at speedMps, and the pick says so (`routed: false`).
 */
import { distanceM, type LatLon } from '../geo.js';
import type { PickView, RecommendationView, SlotView, UnitView } from '../model.js';
import type { Catalog } from '../schemas/catalog.js';
import { planNeeds } from './plan.js';
import { snap, timesTo, type ClosedArea, type RoadGraph } from './roads.js';
import type { Nearby, UnitIndex } from './unit-index.js';

export interface RecommendOptions {
  /** Straight line to road distance, for the fallback. */
  readonly roadFactor: number;
  /** Average response speed for the fallback, m/s. */
  readonly speedMps: number;
  /** Positions older than this are marked stale and ranked after fresh ones. */
  readonly staleAfterMs: number;
  /** Road network for routed ETAs; without one every ETA is the straight-line fallback. */
  readonly roads?: RoadGraph | null;
  /** Speed between a position and the road it snaps to, m/s (default 20 km/h). */
  readonly accessSpeedMps?: number;
  /** A point farther than this from every road is not routed (default 500 m). */
  readonly maxSnapM?: number;
  /** Routing gives up beyond this (default 2 h); such units fall back to straight line. */
  readonly maxRouteS?: number;
  /**
   * Straight-line candidates routed per slot: count × 3 + this (default 4). Routing only re-ranks
   * what the index proposes, so the margin is what lets a farther unit with a bridge win.
   */
  readonly extraCandidates?: number;
}

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = { roadFactor: 1.4, speedMps: 40 / 3.6, staleAfterMs: 5 * 60_000 };

export interface RecommendRequest {
  readonly incidentId: string;
  readonly incidentType: string;
  readonly at: LatLon;
  readonly level?: number;
  /** The units to choose from; ignored when `index` is given. */
  readonly units?: Iterable<UnitView>;
  /** A live index of the units, kept current by the caller: avoids a scan of every unit. */
  readonly index?: UnitIndex;
  readonly now: number;
  readonly exclude?: ReadonlySet<string>;
  /** Unit type → count still wanted (e.g. planNeeds less what is committed); default: the plan up to `level`. */
  readonly needs?: ReadonlyMap<string, number>;
  /** Areas closed to traffic (road-closure warnings): routed ETAs drive around them. */
  readonly closed?: readonly ClosedArea[];
}

/** A unit that may be recommended at all: on the roster, available, and somewhere known. */
export function isRecommendable(u: UnitView): boolean {
  return u.registered && u.status === 'available' && u.incidentId === null && u.lat !== null && u.lon !== null;
}

interface Candidate extends Nearby {
  readonly stale: boolean;
  etaS: number;
  roadM: number;
  /** Reachable by road, but not with the closures: not recommended (a dispatcher may still send it). */
  cutOff?: boolean;
  routed: boolean;
}

export function recommend(catalog: Catalog, req: RecommendRequest, opts: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS): RecommendationView {
  const level = req.level ?? 1;
  // Escalation adds the slots of every level up to the requested one (unless the caller says).
  const plan = planNeeds(catalog, { incidentType: req.incidentType, level });
  const wanted = req.needs ?? plan;
  const unitTypes = new Map(catalog.unitTypes.map((t) => [t.id, t]));

  const candidates = gather(req, wanted, opts);
  estimate(req.at, [...candidates.values()].flat(), opts, req.closed ?? []);

  const slots: SlotView[] = [];
  for (const [unitType, count] of wanted) {
    const ut = unitTypes.get(unitType);
    if (!ut) throw new Error(`unknown unit type "${unitType}"`);
    const ranked = (candidates.get(unitType) ?? []).filter((c) => !c.cutOff).sort(
      (a, b) => Number(a.stale) - Number(b.stale) || a.etaS - b.etaS || a.unit.id.localeCompare(b.unit.id),
    );
    const picks: PickView[] = ranked.slice(0, count).map((c) => ({
      unitId: c.unit.id,
      distanceM: Math.round(c.distanceM),
      etaS: Math.round(c.etaS),
      roadM: Math.round(c.roadM),
      routed: c.routed,
      stale: c.stale,
      station: c.unit.station,
    }));
    const missing = count - picks.length;
    const shortage: SlotView['shortage'] = missing > 0 ? 'none_available' : picks.some((p) => p.stale) ? 'position_stale' : null;
    slots.push({ unitType, agency: ut.agency, count, picks, missing, shortage });
  }
  return { incidentId: req.incidentId, level, slots };
}

/**
 * The straight-line candidates of every wanted type: the count × 3 + extra nearest fresh units,
 * and stale ones only when fresh ones cannot fill the slot (they would rank last anyway).
 */
function gather(req: RecommendRequest, wanted: ReadonlyMap<string, number>, opts: RecommendOptions): Map<string, Candidate[]> {
  const extra = opts.extraCandidates ?? 4;
  const isStale = (u: UnitView): boolean => u.positionTs === null || req.now - u.positionTs > opts.staleAfterMs;
  const eligible = (u: UnitView): boolean => isRecommendable(u) && !req.exclude?.has(u.id);
  const out = new Map<string, Candidate[]>();
  const take = (unitType: string, list: readonly Nearby[], stale: boolean): void => {
    const into = out.get(unitType) ?? [];
    for (const n of list) into.push({ unit: n.unit, distanceM: n.distanceM, stale, etaS: Infinity, roadM: Infinity, routed: false });
    out.set(unitType, into);
  };
  const { index } = req;
  if (index) {
    const { lat, lon } = req.at;
    for (const [unitType, count] of wanted) {
      const fresh = index.nearest(unitType, lat, lon, count * 3 + extra, (u) => eligible(u) && !isStale(u));
      take(unitType, fresh, false);
      const short = count - fresh.length;
      if (short > 0) take(unitType, index.nearest(unitType, lat, lon, short * 3 + extra, (u) => eligible(u) && isStale(u)), true);
    }
    return out;
  }
  const scanned = new Map<string, { fresh: Nearby[]; stale: Nearby[] }>();
  for (const u of req.units ?? []) {
    if (u.type === null || !wanted.has(u.type) || !eligible(u)) continue;
    const lists = scanned.get(u.type) ?? { fresh: [], stale: [] };
    scanned.set(u.type, lists);
    (isStale(u) ? lists.stale : lists.fresh).push({ unit: u, distanceM: distanceM(req.at, { lat: u.lat as number, lon: u.lon as number }) });
  }
  const byDistance = (a: Nearby, b: Nearby): number => a.distanceM - b.distanceM || a.unit.id.localeCompare(b.unit.id);
  for (const [unitType, { fresh, stale }] of scanned) {
    const count = wanted.get(unitType) ?? 0;
    take(unitType, fresh.sort(byDistance).slice(0, count * 3 + extra), false);
    const short = count - Math.min(fresh.length, count);
    if (short > 0) take(unitType, stale.sort(byDistance).slice(0, short * 3 + extra), true);
  }
  return out;
}

/** Routed ETAs for all candidates with one search from the incident; the fallback for the rest. */
function estimate(at: LatLon, cands: Candidate[], opts: RecommendOptions, closures: readonly ClosedArea[]): void {
  const g = opts.roads;
  const maxSnapM = opts.maxSnapM ?? 500;
  const target = g && cands.length > 0 ? snap(g, at.lat, at.lon, maxSnapM) : null;
  if (g && target) {
    const sources = cands.map((c) => (c.unit.lat === null || c.unit.lon === null ? null : snap(g, c.unit.lat, c.unit.lon, maxSnapM)));
    const route = { accessSpeedMps: opts.accessSpeedMps, maxTimeS: opts.maxRouteS ?? 7200 };
    const times = timesTo(g, target, sources, { ...route, closures });
    // Units the closures alone keep away (they would be routed without them) are cut off.
    const unreached = closures.length > 0 ? sources.map((src, i) => (src && !Number.isFinite(times.etaS[i]) ? src : null)) : [];
    const without = unreached.some((x) => x !== null) ? timesTo(g, target, unreached, route) : null;
    cands.forEach((c, i) => {
      if (without && Number.isFinite(without.etaS[i])) c.cutOff = true;
      if (!Number.isFinite(times.etaS[i])) return;
      c.etaS = times.etaS[i];
      c.roadM = times.roadM[i];
      c.routed = true;
    });
  }
  for (const c of cands) {
    if (c.routed) continue;
    c.roadM = c.distanceM * opts.roadFactor;
    c.etaS = c.roadM / opts.speedMps;
  }
}

/** The unit ids a recommendation picks, in plan order. */
export function pickedUnitIds(rec: RecommendationView): string[] {
  return rec.slots.flatMap((s) => s.picks.map((p) => p.unitId));
}
