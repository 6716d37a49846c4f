/**
 * The dispatcher's edit of a recommendation before it is sent: a pick swapped for another
 * available unit of the same type, a unit added, a unit removed. Dispatch sends exactly the
 * draft's units. Pure, so the panel and the command line share it and tests pin it.
 */
import { DEFAULT_RECOMMEND_OPTIONS, isRecommendable } from '../../../shared/domain/recommend';
import { distanceM, type LatLon } from '../../../shared/geo';
import type { AgencyId, PickView, RecommendationView, SlotView, UnitView } from '../../../shared/model';
import { STALE_AFTER_MS } from './viewmodel';

export interface DraftPick extends PickView {
  /** Chosen by the dispatcher rather than the recommender. */
  readonly manual: boolean;
}

export interface DraftSlot {
  readonly unitType: string;
  readonly agency: AgencyId;
  /** What the plan asks for (0 for a type the dispatcher added). */
  readonly count: number;
  readonly picks: readonly DraftPick[];
  readonly missing: number;
  readonly shortage: SlotView['shortage'];
}

export interface Draft {
  readonly incidentId: string;
  readonly level: number;
  readonly slots: readonly DraftSlot[];
  /** True once the dispatcher changed anything. */
  readonly edited: boolean;
}

export function draftFrom(rec: RecommendationView): Draft {
  return {
    incidentId: rec.incidentId,
    level: rec.level,
    edited: false,
    slots: rec.slots.map((s) => ({ ...s, picks: s.picks.map((p) => ({ ...p, manual: false })) })),
  };
}

export function draftUnitIds(d: Draft): string[] {
  return d.slots.flatMap((s) => s.picks.map((p) => p.unitId));
}

export function draftMissing(d: Draft): number {
  return d.slots.reduce((n, s) => n + s.missing, 0);
}

/** A unit the recommender did not rank: a straight-line estimate, the recommender's own fallback. */
export function estimatePick(u: UnitView, at: LatLon, now: number): DraftPick {
  const d = u.lat === null || u.lon === null ? 0 : distanceM(at, { lat: u.lat, lon: u.lon });
  const roadM = d * DEFAULT_RECOMMEND_OPTIONS.roadFactor;
  return {
    unitId: u.id,
    distanceM: Math.round(d),
    etaS: Math.round(roadM / DEFAULT_RECOMMEND_OPTIONS.speedMps),
    roadM: Math.round(roadM),
    routed: false,
    stale: u.positionTs === null || now - u.positionTs > STALE_AFTER_MS,
    station: u.station,
    manual: true,
  };
}

function reslot(s: DraftSlot, picks: readonly DraftPick[]): DraftSlot {
  const missing = Math.max(0, s.count - picks.length);
  const shortage: SlotView['shortage'] = missing > 0 ? 'none_available' : picks.some((p) => p.stale) ? 'position_stale' : null;
  return { ...s, picks, missing, shortage };
}

/** Puts `pick` in place of `oldUnitId` (wherever it is). */
export function swapUnit(d: Draft, oldUnitId: string, pick: DraftPick): Draft {
  return {
    ...d,
    edited: true,
    slots: d.slots.map((s) => (s.picks.some((p) => p.unitId === oldUnitId) ? reslot(s, s.picks.map((p) => (p.unitId === oldUnitId ? pick : p))) : s)),
  };
}

/** Adds a unit to the slot of its type, or to a new slot after the plan's. */
export function addUnit(d: Draft, unitType: string, agency: AgencyId, pick: DraftPick): Draft {
  if (draftUnitIds(d).includes(pick.unitId)) return d;
  const has = d.slots.some((s) => s.unitType === unitType);
  const slots = has
    ? d.slots.map((s) => (s.unitType === unitType ? reslot(s, [...s.picks, pick]) : s))
    : [...d.slots, reslot({ unitType, agency, count: 0, picks: [], missing: 0, shortage: null }, [pick])];
  return { ...d, edited: true, slots };
}

export function removeUnit(d: Draft, unitId: string): Draft {
  return {
    ...d,
    edited: true,
    slots: d.slots
      .map((s) => (s.picks.some((p) => p.unitId === unitId) ? reslot(s, s.picks.filter((p) => p.unitId !== unitId)) : s))
      .filter((s) => s.count > 0 || s.picks.length > 0),
  };
}

export interface Candidate {
  readonly unit: UnitView;
  readonly distanceM: number;
}

/** Available units of a type not already in the draft, nearest first: the swap / add list. */
export function candidates(units: Iterable<UnitView>, unitType: string, at: LatLon, exclude: ReadonlySet<string>, limit = 6): Candidate[] {
  const out: Candidate[] = [];
  for (const u of units) {
    if (u.type !== unitType || exclude.has(u.id) || !isRecommendable(u)) continue;
    out.push({ unit: u, distanceM: distanceM(at, { lat: u.lat as number, lon: u.lon as number }) });
  }
  return out.sort((a, b) => a.distanceM - b.distanceM || a.unit.id.localeCompare(b.unit.id)).slice(0, limit);
}
