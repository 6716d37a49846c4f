/**
 * Pure helpers for risk warnings, sensors and citizen reports: the list order, what counts as
 * new enough to sound, where a warning's area is (centre, extent, a description to localize).
 * No React, no DOM, no OpenLayers: unit-tested directly.
 */
import {
  WARNING_SEVERITIES,
  type LonLat,
  type ReportView,
  type WarningArea,
  type WarningSeverity,
  type WarningShape,
  type WarningView,
} from '../../../shared/model';

export function severityRank(s: WarningSeverity): number {
  return WARNING_SEVERITIES.indexOf(s);
}

/** Worst first; within a severity the newest raised first; the id keeps the order stable. */
export function sortWarnings(list: Iterable<WarningView>): WarningView[] {
  return [...list].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || b.raisedAt - a.raisedAt || a.id.localeCompare(b.id),
  );
}

/** Open warnings nobody has acknowledged yet (the header's badge). */
export function unacknowledged(list: Iterable<WarningView>): number {
  let n = 0;
  for (const w of list) if (w.clearedAt === null && w.acknowledgedBy === null) n += 1;
  return n;
}

/** Newest report first. */
export function sortReports(list: Iterable<ReportView>): ReportView[] {
  return [...list].sort((a, b) => b.receivedAt - a.receivedAt || b.ts - a.ts || a.id.localeCompare(b.id));
}

const SOUND_FROM = severityRank('severe');

/**
 * Remembers the worst severity heard of each open warning, so that the tone sounds once for a new
 * severe or extreme warning, or one that just got that bad, however many copies of it arrive
 * (push, call result, reload).
 */
export class SeverityWatch {
  private readonly seen = new Map<string, number>();

  /** True when `w` is open, severe or worse, and worse than anything seen of it before. */
  observe(w: WarningView): boolean {
    if (w.clearedAt !== null) {
      this.seen.delete(w.id);
      return false;
    }
    const rank = severityRank(w.severity);
    const before = this.seen.get(w.id) ?? -1;
    if (rank > before) this.seen.set(w.id, rank);
    return rank >= SOUND_FROM && rank > before;
  }

  /** Observes a whole list; true when any of it should sound. */
  observeAll(list: Iterable<WarningView>): boolean {
    let sound = false;
    for (const w of list) sound = this.observe(w) || sound;
    return sound;
  }
}

/** The shapes of an area, a collection flattened. */
export function areaShapes(area: WarningArea | null): readonly WarningShape[] {
  if (!area) return [];
  return area.type === 'GeometryCollection' ? area.geometries : [area];
}

/** Metres per degree of latitude (and of longitude at the equator), on the WGS 84 sphere. */
const M_PER_DEG = 111_320;

export type Extent = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** The bounding box of an area in longitude/latitude; a circle's radius included. Null: no shape. */
export function areaExtent(area: WarningArea | null): Extent | null {
  let box: [number, number, number, number] | null = null;
  const add = (lon: number, lat: number): void => {
    if (!box) box = [lon, lat, lon, lat];
    else box = [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
  };
  for (const s of areaShapes(area)) {
    if (s.type === 'Point') add(s.coordinates[0], s.coordinates[1]);
    else if (s.type === 'Polygon') for (const [lon, lat] of s.coordinates[0] ?? []) add(lon, lat);
    else {
      const [lon, lat] = s.center;
      const dLat = s.radiusM / M_PER_DEG;
      const dLon = s.radiusM / (M_PER_DEG * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
      add(lon - dLon, lat - dLat);
      add(lon + dLon, lat + dLat);
    }
  }
  return box;
}

/** The middle of an area's bounding box (a circle's centre, a point itself). */
export function areaCentre(area: WarningArea | null): LonLat | null {
  const e = areaExtent(area);
  return e ? [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2] : null;
}

/** What the list says about where a warning is; the component localizes it. */
export type AreaSummary =
  | { readonly kind: 'none' }
  | { readonly kind: 'point'; readonly lat: number; readonly lon: number }
  | { readonly kind: 'polygon'; readonly lat: number; readonly lon: number }
  | { readonly kind: 'circle'; readonly lat: number; readonly lon: number; readonly radiusM: number }
  | { readonly kind: 'several'; readonly lat: number; readonly lon: number; readonly count: number };

export function describeArea(area: WarningArea | null): AreaSummary {
  const shapes = areaShapes(area);
  const c = areaCentre(area);
  if (!c || shapes.length === 0) return { kind: 'none' };
  const [lon, lat] = c;
  if (shapes.length > 1) return { kind: 'several', lat, lon, count: shapes.length };
  const s = shapes[0];
  if (s.type === 'Point' || (s.type === 'Circle' && s.radiusM === 0)) return { kind: 'point', lat, lon };
  if (s.type === 'Circle') return { kind: 'circle', lat, lon, radiusM: s.radiusM };
  return { kind: 'polygon', lat, lon };
}

/**
 * The core's reasons for ignoring a CAP message are English sentences; the common ones have a
 * localized text (an i18n key under `cap.why.`), the rest are shown as they are.
 */
export function capIgnoredKey(reason: string): { readonly key: string; readonly params: Readonly<Record<string, string>> } | null {
  if (reason === 'already expired') return { key: 'cap.why.expired', params: {} };
  if (reason.startsWith('repeat of')) return { key: 'cap.why.repeat', params: {} };
  if (reason.startsWith('superseded')) return { key: 'cap.why.superseded', params: {} };
  if (reason.startsWith('no info block')) return { key: 'cap.why.noInfo', params: {} };
  const m = /^(status|msgType) (\w+): not a warning$/.exec(reason);
  if (m) return { key: m[1] === 'status' ? 'cap.why.status' : 'cap.why.msgType', params: { value: m[2] } };
  return null;
}
