/**
 * Pure view-model helpers: the shaping of store data into what panels list. No React, no DOM,
 * so they are unit-tested directly.
 */
import type { AgencyId, IncidentView, OrderView, RecommendationView, UnitView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';

/** Same threshold as the core's recommender (shared/domain/recommend.ts). */
export const STALE_AFTER_MS = 5 * 60_000;

export function openIncidents(incidents: ReadonlyMap<string, IncidentView>): IncidentView[] {
  return [...incidents.values()]
    .filter((i) => i.status !== 'closed')
    .sort((a, b) => b.createdAt - a.createdAt || b.number - a.number);
}

export function ordersOf(orders: ReadonlyMap<string, OrderView>, incidentId: string): OrderView[] {
  return [...orders.values()]
    .filter((o) => o.incidentId === incidentId && o.kind === 'dispatch')
    .sort((a, b) => a.issuedAt - b.issuedAt || a.unitId.localeCompare(b.unitId));
}

export function isStale(u: UnitView | undefined, now: number): boolean {
  return !u || u.positionTs === null || now - u.positionTs > STALE_AFTER_MS;
}

/**
 * Free to be sent: on the roster, reporting available and not already assigned. A unit that was
 * just dispatched stays "available" until its device reports en route, but it is not free.
 */
export function isFree(u: UnitView): boolean {
  return u.registered && u.status === 'available' && u.incidentId === null;
}

export interface UnitGroup {
  /** null: devices reporting without being on the roster. */
  readonly agency: AgencyId | null;
  readonly available: number;
  readonly total: number;
  readonly units: readonly UnitView[];
}

/** Unit ids in natural order (E-2 before E-10); one collator: `localeCompare` with options builds one per call. */
const NUMERIC_IDS = new Intl.Collator('en', { numeric: true });

/**
 * Units by agency in catalog order, unregistered devices last. `matches` filters units (the
 * caller builds it from the search box, with localized names); counts are over the shown units.
 */
export function groupUnits(units: Iterable<UnitView>, catalog: Catalog, matches: (u: UnitView) => boolean = () => true): UnitGroup[] {
  const buckets = new Map<AgencyId | null, UnitView[]>();
  for (const u of units) {
    if (!matches(u)) continue;
    const key = u.registered ? u.agency : null;
    const list = buckets.get(key) ?? [];
    list.push(u);
    buckets.set(key, list);
  }
  const order: (AgencyId | null)[] = [...catalog.agencies.map((a) => a.id), null];
  for (const key of buckets.keys()) if (!order.includes(key)) order.splice(order.length - 1, 0, key);
  return order
    .filter((key) => buckets.has(key))
    .map((agency) => {
      const list = (buckets.get(agency) ?? []).sort((a, b) => NUMERIC_IDS.compare(a.id, b.id));
      return { agency, available: list.filter(isFree).length, total: list.length, units: list };
    });
}

/** One line of the unit list: a group's heading or a unit in it. */
export type UnitListItem = { readonly kind: 'group'; readonly group: UnitGroup; readonly first: boolean } | { readonly kind: 'unit'; readonly unit: UnitView };

/** The groups as the lines of one scrolling list, with the indexes of the headings (they stick). */
export function unitListItems(groups: readonly UnitGroup[]): { items: UnitListItem[]; headings: number[] } {
  const items: UnitListItem[] = [];
  const headings: number[] = [];
  for (const group of groups) {
    headings.push(items.length);
    items.push({ kind: 'group', group, first: items.length === 0 });
    for (const unit of group.units) items.push({ kind: 'unit', unit });
  }
  return { items, headings };
}

/** Case-insensitive match of every word of `query` against any of `fields`. */
export function matchesQuery(query: string, fields: readonly (string | null | undefined)[]): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fields.filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function pickCount(rec: RecommendationView): number {
  return rec.slots.reduce((n, s) => n + s.picks.length, 0);
}

export function missingCount(rec: RecommendationView): number {
  return rec.slots.reduce((n, s) => n + s.missing, 0);
}

export type OrderSummary = Readonly<Record<OrderView['state'], number>>;

export function summarizeOrders(orders: readonly OrderView[]): OrderSummary {
  const s = { queued: 0, sent: 0, acknowledged: 0, refused: 0, no_answer: 0, cancelled: 0 };
  for (const o of orders) s[o.state] += 1;
  return s;
}
