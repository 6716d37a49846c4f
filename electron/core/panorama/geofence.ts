/**
 * Geofence rules: a polygon, who it watches (agencies and/or unit ids; none: every unit), and
 * whether entering (a closed flood zone) or leaving (a patrol area) raises a warning. Checked on
 * every units batch; a transition raises a `geofence` warning through the warning book, and the
 * opposite transition clears it (reason normal). Who is inside which fence is telemetry
 * (geofence_inside), so a restart does not raise again for a unit already inside.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type CallContext } from '../../../shared/api.js';
import type { UnitView } from '../../../shared/model.js';
import { pointInPolygon } from '../../../shared/panorama/geometry.js';
import type { GeofenceInput } from '../../../shared/panorama/api.js';
import type { GeofenceView, PolygonCoords } from '../../../shared/panorama/model.js';
import type { Author } from '../store/events.js';
import { statements, type Statements } from '../store/statements.js';
import type { Store } from '../store/store.js';
import type { WarningService } from '../warnings/warnings.js';
import type { GeofenceRecord } from './events.js';

interface FenceRow {
  id: string; name: string; area: string; trigger: 'enter' | 'leave'; severity: GeofenceView['severity'];
  agencies: string; unit_ids: string; active: number; updated_at: number;
}

const toView = (r: FenceRow): GeofenceView => ({
  id: r.id, name: r.name, area: JSON.parse(r.area) as PolygonCoords, trigger: r.trigger, severity: r.severity,
  agencies: JSON.parse(r.agencies) as string[], unitIds: JSON.parse(r.unit_ids) as string[], active: r.active === 1, updatedAt: r.updated_at,
});

export class GeofenceDesk {
  private readonly sql: Statements;
  private fences: GeofenceView[] = [];
  private readonly system: Author;

  constructor(
    private readonly store: Store,
    private readonly warnings: WarningService,
    consoleId: string,
  ) {
    this.sql = statements(store.db);
    this.system = { actor: 'system', consoleId };
    this.reload();
  }

  list(): GeofenceView[] {
    return this.fences;
  }

  save(input: GeofenceInput, ctx: CallContext): GeofenceView {
    const rec: GeofenceRecord = { ...input, id: input.id ?? `GF-${randomUUID()}`, area: input.area };
    this.store.tx(() => this.store.append('geofence.saved', rec, ctx));
    this.reload();
    // A changed fence is judged afresh: clear what it had raised and forget who was inside.
    this.forget(rec.id, ctx);
    const v = this.fences.find((f) => f.id === rec.id);
    if (!v) throw new ApiError('internal', 'geofence vanished');
    return v;
  }

  delete(id: string, ctx: CallContext): void {
    if (!this.fences.some((f) => f.id === id)) throw new ApiError('not_found', `no geofence ${id}`);
    this.store.tx(() => this.store.append('geofence.deleted', { id }, ctx));
    this.reload();
    this.forget(id, ctx);
  }

  /** Checks every watched unit with a position against every active fence. */
  positions(units: readonly UnitView[]): void {
    if (this.fences.length === 0) return;
    for (const f of this.fences) {
      if (!f.active) continue;
      for (const u of units) {
        if (u.lat === null || u.lon === null) continue;
        if (f.unitIds.length + f.agencies.length > 0 && !f.unitIds.includes(u.id) && !(u.agency !== null && f.agencies.includes(u.agency))) continue;
        const inside = pointInPolygon(u.lon, u.lat, f.area);
        const was = this.sql.one('SELECT 1 FROM geofence_inside WHERE fence_id = ? AND unit_id = ?', f.id, u.id) === 1;
        if (inside === was) continue;
        if (inside) this.sql.run('INSERT OR REPLACE INTO geofence_inside (fence_id, unit_id, since) VALUES (?, ?, ?)', f.id, u.id, u.positionTs ?? this.store.now());
        else this.sql.run('DELETE FROM geofence_inside WHERE fence_id = ? AND unit_id = ?', f.id, u.id);
        const breach = f.trigger === 'enter' ? inside : !inside;
        this.transition(f, u, breach);
      }
    }
  }

  private transition(f: GeofenceView, u: UnitView, breach: boolean): void {
    const ref = `${f.id}:${u.id}`;
    const book = this.warnings.book;
    book.batch(() => {
      const open = this.warnings.queries.warnings().find((w) => w.source === 'geofence' && w.sourceRef === ref);
      if (!breach) {
        if (open) book.clear(open.id, 'normal', this.system);
        return;
      }
      if (open) return;
      const at = u.positionTs ?? this.store.now();
      book.raise(
        'geofence',
        {
          sourceRef: ref,
          severity: f.severity,
          title: f.trigger === 'enter' ? `${u.name} 进入 ${f.name}` : `${u.name} 离开 ${f.name}`,
          detail: f.trigger === 'enter' ? `${u.name} (${u.id}) entered ${f.name}` : `${u.name} (${u.id}) left ${f.name}`,
          area: { type: 'Polygon', coordinates: f.area },
          issuedAt: at,
          effectiveAt: at,
          expiresAt: null,
        },
        this.system,
      );
    });
  }

  private forget(fenceId: string, who: Author): void {
    this.sql.run('DELETE FROM geofence_inside WHERE fence_id = ?', fenceId);
    const book = this.warnings.book;
    book.batch(() => {
      for (const w of this.warnings.queries.warnings()) if (w.source === 'geofence' && w.sourceRef.startsWith(`${fenceId}:`)) book.clear(w.id, 'reconfigured', who);
    });
  }

  private reload(): void {
    this.fences = (this.sql.stmt('SELECT * FROM geofences ORDER BY id').all() as FenceRow[]).map(toView);
  }
}
