/**
 * The management grid: cells (polygons of the basemap's `grid` layer) with their assigned grid
 * workers (events), and patrol coverage from grid workers' positions (telemetry: one row per day,
 * cell and worker in grid_visits). Grid workers are roster units of the `grid` agency and report
 * positions over MQTT like any unit.
 */
import RBush from 'rbush';
import { readFileSync } from 'node:fs';
import { ApiError, type CallContext } from '../../../shared/api.js';
import type { UnitView } from '../../../shared/model.js';
import { dayKey, pointInPolygon, polygonBBox } from '../../../shared/panorama/geometry.js';
import type { CellCoverage, GridCellView, PolygonCoords } from '../../../shared/panorama/model.js';
import { distanceM } from '../../../shared/geo.js';
import type { Author } from '../store/events.js';
import { statements, type Statements } from '../store/statements.js';
import type { Store } from '../store/store.js';

interface Cell {
  readonly id: string;
  readonly name: string;
  readonly district: string | null;
  readonly area: PolygonCoords;
}
interface CellBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  cell: Cell;
}

/** Reads the `grid` layer of a basemap GeoJSON. */
export function loadCells(file: string): Cell[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { features?: { properties?: Record<string, unknown>; geometry?: { type?: string; coordinates?: unknown } }[] };
  return (doc.features ?? []).flatMap((f) => {
    const p = f.properties ?? {};
    if (p.layer !== 'grid' || f.geometry?.type !== 'Polygon' || typeof p.id !== 'string') return [];
    return [{ id: p.id, name: typeof p.name === 'string' ? p.name : p.id, district: typeof p.district === 'string' ? p.district : null, area: f.geometry.coordinates as PolygonCoords }];
  });
}

export class GridDesk {
  private readonly cells = new Map<string, Cell>();
  private readonly tree = new RBush<CellBox>();
  private readonly sql: Statements;
  /** Last position time seen per unit, so a repeated batch is not counted twice. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly store: Store,
    cells: readonly Cell[],
    private readonly tzOffsetMin: number,
    private readonly onFirstVisit: (cellId: string, day: string, by: string) => void,
  ) {
    this.sql = statements(store.db);
    for (const c of cells) this.cells.set(c.id, c);
    this.tree.load(cells.map((cell) => {
      const [minX, minY, maxX, maxY] = polygonBBox(cell.area);
      return { minX, minY, maxX, maxY, cell };
    }));
  }

  cellAt(lat: number, lon: number): Cell | null {
    for (const b of this.tree.search({ minX: lon, minY: lat, maxX: lon, maxY: lat })) if (pointInPolygon(lon, lat, b.cell.area)) return b.cell;
    return null;
  }

  workers(cellId: string): string[] {
    const s = this.sql.one('SELECT worker_ids FROM grid_assignments WHERE cell_id = ?', cellId) as string | undefined;
    return s ? (JSON.parse(s) as string[]) : [];
  }

  view(c: Cell): GridCellView {
    return { id: c.id, name: c.name, district: c.district, area: c.area, workerIds: this.workers(c.id) };
  }

  list(): GridCellView[] {
    return [...this.cells.values()].map((c) => this.view(c));
  }

  assign(cellId: string, workerIds: string[], who: CallContext | Author): GridCellView {
    const cell = this.cells.get(cellId);
    if (!cell) throw new ApiError('not_found', `no grid cell ${cellId}`);
    this.store.tx(() => this.store.append('grid.assigned', { cellId, workerIds: [...new Set(workerIds)] }, who));
    return this.view(cell);
  }

  /** First start: each cell without an assignment gets the nearest grid worker (by roster position). */
  assignDefaults(workers: readonly UnitView[], who: Author): number {
    const assigned = this.sql.one('SELECT COUNT(*) FROM grid_assignments') as number;
    if (assigned > 0 || workers.length === 0) return 0;
    const placed = workers.filter((w) => w.lat !== null && w.lon !== null);
    if (placed.length === 0) return 0;
    this.store.tx(() => {
      for (const c of this.cells.values()) {
        const [w, s, e, n] = polygonBBox(c.area);
        const mid = { lat: (s + n) / 2, lon: (w + e) / 2 };
        let best = placed[0];
        for (const u of placed) if (distanceM(mid, { lat: u.lat ?? 0, lon: u.lon ?? 0 }) < distanceM(mid, { lat: best.lat ?? 0, lon: best.lon ?? 0 })) best = u;
        this.store.append('grid.assigned', { cellId: c.id, workerIds: [best.id] }, who);
      }
    });
    return this.cells.size;
  }

  /** Positions of grid workers (a units batch): records their presence per cell and day. */
  positions(units: readonly UnitView[]): void {
    const fresh = units.filter((u) => u.agency === 'grid' && u.lat !== null && u.lon !== null && u.positionTs !== null && u.positionTs !== this.seen.get(u.id));
    if (fresh.length === 0) return;
    const first: { cellId: string; day: string; by: string }[] = [];
    this.store.tx(() => {
      for (const u of fresh) {
        const ts = u.positionTs ?? 0;
        this.seen.set(u.id, ts);
        const cell = this.cellAt(u.lat ?? 0, u.lon ?? 0);
        if (!cell) continue;
        const day = dayKey(ts, this.tzOffsetMin);
        const before = this.sql.one('SELECT COUNT(*) FROM grid_visits WHERE day = ? AND cell_id = ?', day, cell.id) as number;
        this.sql.run(
          `INSERT INTO grid_visits (day, cell_id, unit_id, reports, first_at, last_at) VALUES (?, ?, ?, 1, ?, ?)
           ON CONFLICT(day, cell_id, unit_id) DO UPDATE SET reports = reports + 1, last_at = MAX(last_at, excluded.last_at), first_at = MIN(first_at, excluded.first_at)`,
          day, cell.id, u.id, ts, ts,
        );
        if (before === 0) first.push({ cellId: cell.id, day, by: u.id });
      }
    }, 'relaxed');
    for (const f of first) this.onFirstVisit(f.cellId, f.day, f.by);
  }

  coverage(day: string): CellCoverage[] {
    const rows = this.sql.stmt('SELECT cell_id, unit_id, reports, first_at, last_at FROM grid_visits WHERE day = ?').all(day) as {
      cell_id: string; unit_id: string; reports: number; first_at: number; last_at: number;
    }[];
    const by = new Map<string, typeof rows>();
    for (const r of rows) by.set(r.cell_id, [...(by.get(r.cell_id) ?? []), r]);
    return [...this.cells.keys()].map((cellId) => {
      const rs = by.get(cellId) ?? [];
      return {
        cellId,
        visited: rs.length > 0,
        reports: rs.reduce((t, r) => t + r.reports, 0),
        firstAt: rs.length ? Math.min(...rs.map((r) => r.first_at)) : null,
        lastAt: rs.length ? Math.max(...rs.map((r) => r.last_at)) : null,
        by: rs.map((r) => r.unit_id).sort(),
      };
    });
  }

  today(now: number): string {
    return dayKey(now, this.tzOffsetMin);
  }
}
