/**
 * Routing rules: which body should handle a case. The category (or its nearest ancestor that says)
 * lists body kinds in order of preference; for each kind in turn, the bodies of that kind that
 * handle the category and whose area covers the case's place are candidates, the most local
 * first (community before street before city; a polygon or community list before a district).
 * The first candidate is proposed; the operator confirms it or overrides with a reason.
 */
import { inRing } from './areas.js';
import { lineage, type BodyDef, type CaseCatalog } from './catalog.js';
import type { RoutingCandidate, RoutingProposal } from './model.js';

export interface RoutingSubject {
  readonly category: string;
  readonly lat: number;
  readonly lon: number;
  readonly district: string | null;
  readonly community: string | null;
}

/** Does the body handle the category (its own list names the category or an ancestor; empty = all)? */
export function handles(cat: CaseCatalog, body: BodyDef, category: string): boolean {
  if (body.categories.length === 0) return true;
  const chain = lineage(cat, category);
  return body.categories.some((c) => chain.includes(c));
}

/** How the body's area covers the place: a rank (lower = more specific) and words, or null. */
export function covers(body: BodyDef, s: RoutingSubject): { rank: number; why: string } | null {
  if (body.polygon) return inRing(s.lon, s.lat, body.polygon) ? { rank: 0, why: 'area polygon contains the place' } : null;
  if (body.communities.length) return s.community && body.communities.includes(s.community) ? { rank: 1, why: `community ${s.community}` } : null;
  if (body.districts.length) return s.district && body.districts.includes(s.district) ? { rank: 2, why: `district ${s.district}` } : null;
  return { rank: 3, why: 'whole city' };
}

export function proposeBody(cat: CaseCatalog, s: RoutingSubject): RoutingProposal {
  const node = cat.category.get(s.category);
  const kinds = node?.route.length ? node.route : [];
  const candidates: (RoutingCandidate & { order: number; rank: number; level: number })[] = [];
  const seen = new Set<string>();
  const add = (b: BodyDef, order: number, kindWhy: string): void => {
    if (seen.has(b.id) || !handles(cat, b, s.category)) return;
    const c = covers(b, s);
    if (!c) return;
    seen.add(b.id);
    candidates.push({ bodyId: b.id, why: `${kindWhy}; ${c.why}`, order, rank: c.rank, level: b.level });
  };
  kinds.forEach((kind, i) => {
    for (const b of cat.bodies) if (b.kind === kind) add(b, i, `category ${s.category} → ${kind} (choice ${i + 1})`);
  });
  // Any other body that handles the category and covers the place, as a fallback.
  for (const b of cat.bodies) add(b, kinds.length, `handles ${s.category}`);
  candidates.sort((a, b) => a.order - b.order || a.level - b.level || a.rank - b.rank || a.bodyId.localeCompare(b.bodyId));
  const list = candidates.map(({ bodyId, why }) => ({ bodyId, why }));
  return { bodyId: list[0]?.bodyId ?? null, candidates: list };
}

/** The body a breach escalates to: the handling body's parent (null at the top or when unassigned). */
export function nextLevel(cat: CaseCatalog, bodyId: string | null): string | null {
  return bodyId ? (cat.body.get(bodyId)?.parentId ?? null) : null;
}
