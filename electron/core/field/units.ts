/**
 * Unit telemetry and the live unit set. Positions are coalesced per unit and written once per
 * flush (one transaction), then pushed as one batch; they are telemetry, not events (see README,
 * "Event log"). Status reports are events. The tracker keeps every unit's current view in memory,
 * with a spatial index for recommendations, so that neither the flush nor a recommendation reads
 * the units table. A reporting device that is not on the roster is recorded as unregistered.
 *
 * A view is moved in place by each position (`get` and `all` hand out the live object: read it,
 * copy it to keep it), and replaced by a fresh one from the table when an event changes the unit.
 * At 20,000 positions a second a new object per position lived one report interval, long enough
 * to outlive the young generation, so the collector copied every one into the old generation and
 * ran a full collection every few seconds to free them (docs/performance.md). Pushes carry copies.
 */
import type { Statement } from 'better-sqlite3';
import { UnitIndex } from '../../../shared/domain/unit-index.js';
import type { UnitPosition } from '../../../shared/api.js';
import type { UnitView } from '../../../shared/model.js';
import type { PositionMsg, StatusMsg } from '../../../shared/schemas/mqtt.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';

/** How long positions are coalesced before they are written and pushed (ms). */
export const UNIT_FLUSH_MS = 33;

/** The tracker's own view of a unit: moved in place by positions. */
type LiveView = { -readonly [K in keyof UnitView]: UnitView[K] };

export class UnitTracker {
  readonly index = new UnitIndex();
  private readonly views = new Map<string, LiveView>();
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
    private readonly flushMs = UNIT_FLUSH_MS,
  ) {
    this.updatePos = store.db.prepare(
      'UPDATE units SET lat = ?, lon = ?, heading = ?, speed = ?, position_ts = ? WHERE id = ? AND (position_ts IS NULL OR position_ts <= ?)',
    );
    for (const u of queries.units()) this.set(u);
  }

  /** The unit's live view (moved in place by later positions). */
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
      const u = this.views.get(id);
      if (!u) continue;
      u.lat = p.lat;
      u.lon = p.lon;
      u.heading = p.heading ?? null;
      u.speed = p.speed ?? null;
      u.positionTs = p.ts;
      this.index.upsert(u);
      if (!this.changed.has(id)) positions.push({ id, lat: u.lat, lon: u.lon, heading: u.heading, speed: u.speed, positionTs: u.positionTs });
    }
    // Copies: a push is what the unit was at this flush, whoever keeps it.
    const units: UnitView[] = [];
    for (const id of this.changed) {
      const u = this.views.get(id);
      if (u) units.push({ ...u });
    }
    this.changed.clear();
    if (units.length || positions.length) this.emit(units, positions);
  }

  stop(): void {
    this.flush();
  }

  /** Takes a fresh view from the table (at start, and after an event): the tracker's own from then on. */
  private set(u: UnitView): void {
    const live: LiveView = { ...u };
    this.views.set(u.id, live);
    this.index.upsert(live);
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
