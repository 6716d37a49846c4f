/**
 * "Around a point": what is near and linked to an incident, a case or any map point, in one call —
 * hazards, hydrants, cameras (and whether each sees the point), residents who need help (records
 * only for roles with `personal`), other places, past incidents and reports near it or at the same
 * address, the grid cell with its grid workers, and open warnings covering it. Entities come from
 * the in-memory spatial index; incidents and reports from a bounding-box query.
 */
import { ApiError, type CallContext } from '../../../shared/api.js';
import { distanceM } from '../../../shared/geo.js';
import type { IncidentView, ReportView, UnitView, WarningArea, WarningView } from '../../../shared/model.js';
import { can } from '../../../shared/roles.js';
import { bboxAround, cameraSees, pointInPolygon } from '../../../shared/panorama/geometry.js';
import { HAZARD_KINDS, type AroundView, type EntityKind, type NearEntity } from '../../../shared/panorama/model.js';
import { statements, type Statements } from '../store/statements.js';
import type { Store } from '../store/store.js';
import type { EntityDesk } from './entities.js';
import type { GridDesk } from './grid.js';

export const DEFAULT_RADIUS_M = 500;
const LIMIT = 20;
const CAMERAS = 8;
const PLACES: ReadonlySet<EntityKind> = new Set<EntityKind>(['school', 'hospital', 'shelter', 'compound', 'building']);

export interface AroundDeps {
  readonly store: Store;
  readonly entities: EntityDesk;
  readonly grid: GridDesk;
  readonly incident: (id: string) => IncidentView | undefined;
  readonly report: (id: string) => ReportView | undefined;
  readonly unit: (id: string) => UnitView | undefined;
  readonly openWarnings: () => WarningView[];
}

function covers(a: WarningArea, lat: number, lon: number, radiusM: number): boolean {
  switch (a.type) {
    case 'Point':
      return distanceM({ lat, lon }, { lat: a.coordinates[1], lon: a.coordinates[0] }) <= radiusM;
    case 'Circle':
      return distanceM({ lat, lon }, { lat: a.center[1], lon: a.center[0] }) <= a.radiusM + radiusM;
    case 'Polygon':
      return pointInPolygon(lon, lat, a.coordinates);
    case 'GeometryCollection':
      return a.geometries.some((g) => covers(g, lat, lon, radiusM));
  }
}

export class AroundDesk {
  private readonly sql: Statements;
  constructor(private readonly d: AroundDeps) {
    this.sql = statements(d.store.db);
  }

  around(input: { incidentId?: string; lat?: number; lon?: number; radiusM?: number }, ctx: CallContext): AroundView {
    const t0 = performance.now();
    let lat = input.lat;
    let lon = input.lon;
    let address = '';
    const self = input.incidentId;
    if (self) {
      const inc = this.d.incident(self);
      if (!inc) throw new ApiError('not_found', `no incident ${self}`);
      ({ lat, lon, address } = inc);
    }
    if (lat === undefined || lon === undefined) throw new ApiError('bad_request', 'give incidentId, or lat and lon');
    const radiusM = input.radiusM ?? DEFAULT_RADIUS_M;
    const role = ctx.role;
    const personal = can(role, 'personal');
    const { entities } = this.d;
    // One walk of the index; each list takes its nearest few, and only those are read from the store.
    const hits = entities.index.within(lat, lon, radiusM);
    const near = (kinds: ReadonlySet<EntityKind>, limit: number): NearEntity[] => {
      const out: NearEntity[] = [];
      for (const h of hits) {
        if (out.length === limit) break;
        if (!kinds.has(h.item.kind)) continue;
        const entity = entities.viewOf(h.item.id, role);
        if (entity) out.push({ entity, distanceM: Math.round(h.distanceM) });
      }
      return out;
    };
    const vulnerableCount = hits.reduce((t, h) => t + (h.item.kind === 'vulnerable_resident' ? 1 : 0), 0);
    const cameras = near(new Set<EntityKind>(['camera']), CAMERAS).map((n) => ({
      ...n,
      sees: n.entity.camera ? cameraSees(n.entity, n.entity.camera, { lat, lon }) : false,
    }));

    const [w, s, e, n] = bboxAround(lat, lon, radiusM);
    const incidentIds = this.sql
      .stmt(
        `SELECT id FROM incidents WHERE ((lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?) OR (? <> '' AND address = ?)) AND id <> ?
         ORDER BY created_at DESC LIMIT 200`,
      )
      .pluck()
      .all(s, n, w, e, address, address, self ?? '') as string[];
    const incidents = incidentIds
      .flatMap((id) => {
        const i = this.d.incident(id);
        if (!i) return [];
        const dist = Math.round(distanceM({ lat, lon }, i));
        return dist <= radiusM || (address !== '' && i.address === address) ? [{ ...i, distanceM: dist }] : [];
      })
      .slice(0, LIMIT);
    const reportIds = this.sql
      .stmt('SELECT id FROM reports WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? ORDER BY received_at DESC LIMIT 200')
      .pluck()
      .all(s, n, w, e) as string[];
    const reports = reportIds
      .flatMap((id) => {
        const r = this.d.report(id);
        if (!r) return [];
        const dist = Math.round(distanceM({ lat, lon }, r));
        return dist <= radiusM ? [{ ...r, contact: personal ? r.contact : null, distanceM: dist }] : [];
      })
      .slice(0, LIMIT);

    const cellRaw = this.d.grid.cellAt(lat, lon);
    const cell = cellRaw ? this.d.grid.view(cellRaw) : null;
    const gridWorkers = (cell?.workerIds ?? []).flatMap((id) => {
      const u = this.d.unit(id);
      return u ? [u] : [];
    });
    const warningIds = this.d.openWarnings().filter((wv) => wv.area !== null && covers(wv.area, lat, lon, radiusM)).map((wv) => wv.id);
    return {
      lat,
      lon,
      radiusM,
      hazards: near(HAZARD_KINDS, LIMIT),
      hydrants: near(new Set<EntityKind>(['hydrant']), LIMIT),
      cameras,
      vulnerable: personal ? near(new Set<EntityKind>(['vulnerable_resident']), 50) : [],
      vulnerableCount,
      places: near(PLACES, LIMIT),
      incidents,
      reports,
      cell,
      gridWorkers,
      warningIds,
      tookMs: Math.round((performance.now() - t0) * 100) / 100,
    };
  }
}
