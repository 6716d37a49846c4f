/**
 * Replay: the state as it was at an instant, rebuilt from the event log into a throwaway in-memory
 * database with the store's own projectors (the same code that built the live tables), and unit
 * positions from the recorded tracks (the last sample at or before the instant).
 */
import type { Database } from 'better-sqlite3';
import type { ReplayState } from '../../../shared/drills/api.js';
import type { EventRecord } from '../store/events.js';
import { makeProjectors } from '../store/projections.js';
import { Queries } from '../store/queries.js';
import { openDatabase, type Store } from '../store/store.js';
import { WarningQueries } from '../warnings/views.js';

export function replayRange(store: Store): { from: number | null; to: number | null } {
  const r = store.db.prepare('SELECT MIN(at) AS a, MAX(at) AS b FROM events').get() as { a: number | null; b: number | null };
  return { from: r.a, to: r.b };
}

export function replayAt(store: Store, at: number): ReplayState {
  const db = openDatabase(':memory:');
  try {
    const projectors = makeProjectors(db);
    let applied = 0;
    db.transaction(() => {
      let after = 0;
      for (;;) {
        const batch = store.events(after, 5_000);
        if (batch.length === 0) break;
        for (const e of batch) {
          after = e.seq;
          if (e.at > at) continue;
          (projectors[e.type] as (ev: EventRecord) => void)(e);
          applied++;
        }
      }
      placeUnits(store.db, db, at);
    })();
    const q = new Queries(db);
    const incidents = q.incidents(0);
    return {
      at,
      events: applied,
      units: q.units(),
      incidents,
      orders: incidents.flatMap((i) => q.ordersOf(i.id)),
      warnings: new WarningQueries(db).warnings({ includeCleared: false }),
    };
  } finally {
    db.close();
  }
}

/** Each unit at the last position the console had written at or before `at`. */
function placeUnits(source: Database, target: Database, at: number): void {
  const rows = source
    .prepare(
      `SELECT t.unit_id, t.ts, t.lat, t.lon, t.speed, t.heading FROM unit_track t
        JOIN (SELECT unit_id, MAX(at) AS at FROM unit_track WHERE at <= ? GROUP BY unit_id) m ON m.unit_id = t.unit_id AND m.at = t.at
        ORDER BY t.ts`,
    )
    .all(at) as { unit_id: string; ts: number; lat: number; lon: number; speed: number | null; heading: number | null }[];
  const put = target.prepare('UPDATE units SET lat = ?, lon = ?, speed = ?, heading = ?, position_ts = ? WHERE id = ?');
  for (const r of rows) put.run(r.lat, r.lon, r.speed, r.heading, r.ts, r.unit_id);
}
