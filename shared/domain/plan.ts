/**
 * What a response plan asks for: unit types and counts for an incident type at an alarm level,
 * less what is already committed to the incident.
 */
import type { Catalog } from '../schemas/catalog.js';

export interface PlanQuery {
  readonly incidentType: string;
  readonly level: number;
  /** Only the units this level adds (an escalation), not the whole plan up to it. */
  readonly onlyLevel?: boolean;
  /** Units of each type already committed to the incident, deducted from the plan. */
  readonly committed?: ReadonlyMap<string, number>;
}

/** Unit type → count still wanted, in plan order; types fully covered are left out. */
export function planNeeds(catalog: Catalog, q: PlanQuery): Map<string, number> {
  const type = catalog.incidentTypes.find((t) => t.id === q.incidentType);
  if (!type) throw new Error(`unknown incident type "${q.incidentType}"`);
  const wanted = new Map<string, number>();
  for (const lvl of type.plan) {
    if (lvl.level > q.level || (q.onlyLevel && lvl.level !== q.level)) continue;
    for (const s of lvl.slots) wanted.set(s.unitType, (wanted.get(s.unitType) ?? 0) + s.count);
  }
  if (q.committed && !q.onlyLevel) {
    for (const [t, n] of q.committed) {
      const left = (wanted.get(t) ?? 0) - n;
      if (left > 0) wanted.set(t, left);
      else wanted.delete(t);
    }
  }
  return wanted;
}

export function maxLevel(catalog: Catalog, incidentType: string): number {
  const type = catalog.incidentTypes.find((t) => t.id === incidentType);
  return type ? Math.max(...type.plan.map((l) => l.level)) : 1;
}
