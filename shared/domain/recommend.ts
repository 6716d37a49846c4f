/**
 * Fills an incident type's response plan with the best available units. Skeleton depth: ranking
 * by straight-line distance, turned into an ETA with a road factor and an urban speed.
 */
import { distanceM, type LatLon } from '../geo.js';
import type { PickView, RecommendationView, SlotView, UnitView } from '../model.js';
import type { Catalog } from '../schemas/catalog.js';

export interface RecommendOptions {
  /** Straight line to road distance. */
  readonly roadFactor: number;
  /** Average response speed, m/s. */
  readonly speedMps: number;
  /** Positions older than this are ranked after fresh ones. */
  readonly staleAfterMs: number;
}

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = { roadFactor: 1.4, speedMps: 40 / 3.6, staleAfterMs: 5 * 60_000 };

export interface RecommendRequest {
  readonly incidentId: string;
  readonly incidentType: string;
  readonly at: LatLon;
  readonly level?: number;
  readonly units: Iterable<UnitView>;
  readonly now: number;
  readonly exclude?: ReadonlySet<string>;
}

/** A unit that may be recommended at all: on the roster, available, and somewhere known. */
export function isRecommendable(u: UnitView): boolean {
  return u.registered && u.status === 'available' && u.incidentId === null && u.lat !== null && u.lon !== null;
}

export function recommend(catalog: Catalog, req: RecommendRequest, opts: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS): RecommendationView {
  const type = catalog.incidentTypes.find((t) => t.id === req.incidentType);
  if (!type) throw new Error(`unknown incident type "${req.incidentType}"`);
  const level = req.level ?? 1;
  const unitTypes = new Map(catalog.unitTypes.map((t) => [t.id, t]));
  const wanted = new Map<string, number>();
  for (const lvl of type.plan) {
    if (lvl.level > level) continue;
    for (const s of lvl.slots) wanted.set(s.unitType, (wanted.get(s.unitType) ?? 0) + s.count);
  }

  const candidates = new Map<string, { unit: UnitView; distanceM: number; stale: boolean }[]>();
  for (const u of req.units) {
    if (!isRecommendable(u) || u.type === null || !wanted.has(u.type) || req.exclude?.has(u.id)) continue;
    const d = distanceM(req.at, { lat: u.lat as number, lon: u.lon as number });
    const stale = u.positionTs === null || req.now - u.positionTs > opts.staleAfterMs;
    const list = candidates.get(u.type) ?? [];
    list.push({ unit: u, distanceM: d, stale });
    candidates.set(u.type, list);
  }

  const slots: SlotView[] = [];
  for (const [unitType, count] of wanted) {
    const ut = unitTypes.get(unitType);
    if (!ut) throw new Error(`unknown unit type "${unitType}"`);
    const ranked = (candidates.get(unitType) ?? []).sort(
      (a, b) => Number(a.stale) - Number(b.stale) || a.distanceM - b.distanceM || a.unit.id.localeCompare(b.unit.id),
    );
    const picks: PickView[] = ranked.slice(0, count).map((c) => ({
      unitId: c.unit.id,
      distanceM: Math.round(c.distanceM),
      etaS: Math.round((c.distanceM * opts.roadFactor) / opts.speedMps),
    }));
    slots.push({ unitType, agency: ut.agency, count, picks, missing: count - picks.length });
  }
  return { incidentId: req.incidentId, level, slots };
}

/** The unit ids a recommendation picks, in plan order. */
export function pickedUnitIds(rec: RecommendationView): string[] {
  return rec.slots.flatMap((s) => s.picks.map((p) => p.unitId));
}
