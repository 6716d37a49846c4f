/**
 * Unit telemetry and the live unit set. Positions are coalesced per unit and written once per
 * flush (one transaction), then pushed as one batch; they are telemetry, not events (see README,
 * "Event log"). Status reports are events. The tracker keeps every unit's current view in memory,
 * with a spatial index for recommendations, so that neither the flush nor a recommendation reads
 * the units table. A reporting device that is not on the roster is recorded as unregistered.
 */
import type { Statement } from 'better-sqlite3';
import { UnitIndex } from '../../../shared/domain/unit-index.js';
import type { UnitPosition } from '../../../shared/api.js';
import type { UnitView } from '../../../shared/model.js';
import type { PositionMsg, StatusMsg } from '../../../shared/schemas/mqtt.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';

export class UnitTracker {
  readonly index = new UnitIndex();
  private readonly views = new Map<string, UnitView>();
  private latest = new Map<string, PositionMsg>();
  private readonly changed = new Set<string>();
  private readonly updatePos: Statement;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly queries: Queries,
    private readonly consoleId: string,
    /** Each flush: whole views of units new or changed by events, and positions of the others. */
    private readonly emit: (units: UnitView[], positions: UnitPosition[]) => void,
    private readonly flushMs = 33,
  ) {
    this.updatePos = store.db.prepare(
      'UPDATE units SET lat = ?, lon = ?, heading = ?, speed = ?, position_ts = ? WHERE id = ? AND (position_ts IS NULL OR position_ts <= ?)',
    );
    for (const u of queries.units()) this.set(u);
  }

  get(id: string): UnitView | undefined {
    return this.views.get(id);
  }

  all(): IterableIterator<UnitView> {
    return this.views.values();
  }

  position(unitId: string, msg: PositionMsg): void {
    const prev = this.latest.get(unitId);
    if (prev && prev.ts > msg.ts) return; // out of order: keep the newer one
    this.latest.set(unitId, msg);
    this.schedule();
  }

  status(unitId: string, msg: StatusMsg): void {
    this.ensureKnown(unitId);
    this.store.append(
      'unit.status',
      { unitId, status: msg.status, ts: msg.ts, orderId: msg.orderId ?? null },
      { actor: `device:${unitId}`, consoleId: this.consoleId },
    );
    this.touch([unitId]);
  }

  /**
   * Re-reads units that an event changed (an order, a status) right away, so the next
   * recommendation sees them, and marks them for the next pushed batch.
   */
  touch(unitIds: Iterable<string>): void {
    for (const id of unitIds) {
      const u = this.queries.unit(id);
      if (u) this.set(u);
      this.changed.add(id);
    }
    this.schedule();
  }

  /**
   * Writes the buffered positions and pushes every changed unit now. The in-memory views decide
   * which positions are newer (they mirror the table: loaded from it, re-read on every event);
   * the writes are one prepared statement in one relaxed transaction (telemetry: see Store.tx),
   * committed before the push, so whoever hears a push reads the same from the table.
   */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.latest.size === 0 && this.changed.size === 0) return;
    const latest = this.latest;
    this.latest = new Map();
    const unknown: string[] = [];
    for (const id of latest.keys()) if (!this.views.has(id)) unknown.push(id);
    if (unknown.length) {
      this.store.tx(() => unknown.forEach((id) => this.ensureKnown(id)));
      for (const id of unknown) this.changed.add(id); // new to the clients: the whole view
    }
    const moved: [string, PositionMsg][] = [];
    for (const [id, p] of latest) {
      const old = this.views.get(id);
      if (old && (old.positionTs === null || old.positionTs <= p.ts)) moved.push([id, p]);
    }
    if (moved.length) {
      this.store.tx(() => {
        for (const [id, p] of moved) this.updatePos.run(p.lat, p.lon, p.heading ?? null, p.speed ?? null, p.ts, id, p.ts);
      }, 'relaxed');
    }
    const positions: UnitPosition[] = [];
    for (const [id, p] of moved) {
      const old = this.views.get(id);
      if (!old) continue;
      const u = atPosition(old, p);
      this.set(u);
      if (!this.changed.has(id)) positions.push({ id, lat: u.lat, lon: u.lon, heading: u.heading, speed: u.speed, positionTs: u.positionTs });
    }
    const units: UnitView[] = [];
    for (const id of this.changed) {
      const u = this.views.get(id);
      if (u) units.push(u);
    }
    this.changed.clear();
    if (units.length || positions.length) this.emit(units, positions);
  }

  stop(): void {
    this.flush();
  }

  private set(u: UnitView): void {
    this.views.set(u.id, u);
    this.index.upsert(u);
  }

  private ensureKnown(unitId: string): void {
    if (this.views.has(unitId)) return;
    this.store.append('unit.unregistered_seen', { id: unitId }, { actor: `device:${unitId}`, consoleId: this.consoleId });
    const u = this.queries.unit(unitId);
    if (u) this.set(u);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }
}

/**
 * `old` at the reported position. Written out field by field rather than spread: every view then
 * has one shape, and the flush (tens of thousands a second under load) builds it in a fraction of the time.
 */
function atPosition(old: UnitView, p: PositionMsg): UnitView {
  return {
    id: old.id,
    name: old.name,
    agency: old.agency,
    type: old.type,
    station: old.station,
    registered: old.registered,
    status: old.status,
    statusSince: old.statusSince,
    lat: p.lat,
    lon: p.lon,
    heading: p.heading ?? null,
    speed: p.speed ?? null,
    positionTs: p.ts,
    incidentId: old.incidentId,
  };
}
