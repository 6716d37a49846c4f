/**
 * Possible duplicates: a new call about an incident that is already open. Warn when an open
 * incident of a similar type lies within a distance and was created within a time window.
 */
import { distanceM, type LatLon } from '../geo.js';
import type { IncidentView } from '../model.js';
import type { Catalog } from '../schemas/catalog.js';

export interface DuplicateRule {
  readonly radiusM: number;
  readonly windowMs: number;
}

export const DEFAULT_DUPLICATE_RULE: DuplicateRule = { radiusM: 300, windowMs: 30 * 60_000 };

/** The agency that leads an incident type's response: the agency of its plan's first slot. */
export function leadAgency(catalog: Catalog, incidentType: string): string | null {
  const t = catalog.incidentTypes.find((it) => it.id === incidentType);
  const first = t?.plan[0]?.slots[0];
  return first ? (catalog.unitTypes.find((u) => u.id === first.unitType)?.agency ?? null) : null;
}

/** Same type, or types led by the same agency (a vehicle fire reported as a structure fire). */
export function similarTypes(catalog: Catalog, a: string, b: string): boolean {
  if (a === b) return true;
  const la = leadAgency(catalog, a);
  return la !== null && la === leadAgency(catalog, b);
}

export function possibleDuplicates(
  catalog: Catalog,
  open: Iterable<IncidentView>,
  probe: { readonly type: string; readonly at: LatLon; readonly now: number; readonly excludeId?: string },
  rule: DuplicateRule = DEFAULT_DUPLICATE_RULE,
): IncidentView[] {
  const found: { incident: IncidentView; d: number }[] = [];
  for (const i of open) {
    if (i.id === probe.excludeId || i.status === 'closed') continue;
    if (probe.now - i.createdAt > rule.windowMs) continue;
    if (!similarTypes(catalog, i.type, probe.type)) continue;
    const d = distanceM(probe.at, i);
    if (d <= rule.radiusM) found.push({ incident: i, d });
  }
  return found.sort((x, y) => x.d - y.d).map((f) => f.incident);
}
