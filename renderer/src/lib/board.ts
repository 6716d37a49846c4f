/** The resource status board: per agency, how many units are free, committed or out of service; the unit status board's rows. */
import { availability, DEFAULT_STATUS_THRESHOLDS, statusWarning, type StatusThresholds, type StatusWarning } from '../../../shared/domain/status-board';
import { COMMITTED_STATUSES, type AgencyId, type OrderView, type UnitView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';
import { groupUnits, isFree } from './viewmodel';

export interface BoardRow {
  readonly agency: AgencyId;
  readonly free: number;
  readonly committed: number;
  readonly out: number;
  readonly total: number;
}

/** Rostered units only, agencies in catalog order, agencies without units left out. */
export function statusBoard(units: Iterable<UnitView>, catalog: Catalog): BoardRow[] {
  const rows = new Map(catalog.agencies.map((a) => [a.id, { agency: a.id, free: 0, committed: 0, out: 0, total: 0 }]));
  for (const u of units) {
    const row = u.registered && u.agency ? rows.get(u.agency) : undefined;
    if (!row) continue;
    row.total += 1;
    if (u.status === 'out_of_service') row.out += 1;
    else if (isFree(u)) row.free += 1;
    else if (COMMITTED_STATUSES.has(u.status) || u.incidentId !== null) row.committed += 1;
  }
  return [...rows.values()].filter((r) => r.total > 0);
}

export interface BoardUnitRow {
  readonly unit: UnitView;
  /** The order it is working on (newest dispatch on its current incident). */
  readonly order: OrderView | undefined;
  readonly warning: StatusWarning | null;
}

export interface BoardGroup {
  readonly agency: AgencyId | null;
  readonly available: number;
  readonly total: number;
  /** Available units per type, in catalog order, types with none included (a zero matters). */
  readonly byType: readonly { readonly type: string; readonly available: number }[];
  readonly rows: readonly BoardUnitRow[];
  readonly warnings: number;
}

/**
 * The unit status board: every unit by agency (catalog order, unregistered devices last), each
 * with its active order and the timer warning that applies now (shared/domain/status-board).
 */
export function boardGroups(
  units: ReadonlyMap<string, UnitView>,
  orders: Iterable<OrderView>,
  catalog: Catalog,
  now: number,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): BoardGroup[] {
  // One pass over the orders for every unit's active order (activeOrder's rule).
  const active = new Map<string, OrderView>();
  for (const o of orders) {
    const u = units.get(o.unitId);
    if (!u || o.kind !== 'dispatch' || o.incidentId !== u.incidentId) continue;
    const best = active.get(u.id);
    if (!best || o.issuedAt > best.issuedAt) active.set(u.id, o);
  }
  const avail = availability(units.values());
  return groupUnits(units.values(), catalog).map((g) => {
    const rows = g.units.map((unit) => {
      const order = active.get(unit.id);
      return { unit, order, warning: statusWarning(unit, order, now, thresholds) };
    });
    const a = g.agency ? avail.get(g.agency) : undefined;
    const byType = catalog.unitTypes.filter((t) => t.agency === g.agency).map((t) => ({ type: t.id, available: a?.byType.get(t.id) ?? 0 }));
    return { agency: g.agency, available: g.available, total: g.total, byType, rows, warnings: rows.filter((r) => r.warning).length };
  });
}
