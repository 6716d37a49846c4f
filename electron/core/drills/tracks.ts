/**
 * Unit tracks: position telemetry kept for replay and after-action maps (not events: positions are
 * not state changes). At most one sample per unit per `everyMs` of device time, taken from the
 * batches the unit tracker flushes. Each sample keeps the device's time (`ts`) and the console's
 * time when it was written (`at`): replay places a unit where the console knew it to be.
 */
import type { Database } from 'better-sqlite3';
import type { UnitView } from '../../../shared/model.js';
import type { TrackView } from '../../../shared/drills/api.js';
import { statements, type Statements } from '../store/statements.js';

export class TrackRecorder {
  private readonly last = new Map<string, number>();
  private readonly st: Statements;

  constructor(
    db: Database,
    private readonly now: () => number,
    private readonly everyMs = 5_000,
  ) {
    this.st = statements(db);
  }

  /** Samples the units of one flushed batch (those with a position). */
  record(units: readonly Pick<UnitView, 'id' | 'lat' | 'lon' | 'positionTs' | 'speed' | 'heading'>[]): void {
    const at = this.now();
    for (const u of units) {
      if (u.lat === null || u.lon === null || u.positionTs === null) continue;
      const prev = this.last.get(u.id);
      if (prev !== undefined && u.positionTs - prev < this.everyMs) continue;
      this.last.set(u.id, u.positionTs);
      // The first writing of a sample stands: a unit pushed again unmoved was known there before.
      this.st.run('INSERT OR IGNORE INTO unit_track (unit_id, ts, lat, lon, speed, heading, at) VALUES (?, ?, ?, ?, ?, ?, ?)', u.id, u.positionTs, u.lat, u.lon, u.speed, u.heading, at);
    }
  }
}

/** Tracks between two times, per unit, of the given units (all when omitted). */
export function readTracks(db: Database, from: number, to: number, unitIds?: ReadonlySet<string>): TrackView[] {
  const rows = statements(db)
    .stmt(
      `SELECT t.unit_id AS unitId, u.agency AS agency, t.lat AS lat, t.lon AS lon, t.ts AS ts
         FROM unit_track t LEFT JOIN units u ON u.id = t.unit_id
        WHERE t.ts BETWEEN ? AND ? ORDER BY t.unit_id, t.ts`,
    )
    .all(from, to) as { unitId: string; agency: string | null; lat: number; lon: number; ts: number }[];
  const out = new Map<string, { unitId: string; agency: string | null; points: [number, number, number][] }>();
  for (const r of rows) {
    if (unitIds && !unitIds.has(r.unitId)) continue;
    let t = out.get(r.unitId);
    if (!t) out.set(r.unitId, (t = { unitId: r.unitId, agency: r.agency, points: [] }));
    t.points.push([r.lat, r.lon, r.ts]);
  }
  return [...out.values()];
}
