/** The resource status board: per agency, how many units are free, committed or out of service. */
import { COMMITTED_STATUSES, type AgencyId, type UnitView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';
import { isFree } from './viewmodel';

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
