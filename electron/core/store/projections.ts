/**
 * Projections: how each event changes the tables. Applied in the transaction that appends the
 * event, and again, in order, when the tables are rebuilt from the log.
 */
import type { Database, Statement } from 'better-sqlite3';
import { COMMITTED_STATUSES } from '../../../shared/model.js';
import type { EventPayloads, EventRecord, EventType } from './events.js';

type Projector<K extends EventType> = (e: EventRecord<K> & { payload: EventPayloads[K] }) => void;
export type Projectors = { [K in EventType]: Projector<K> };

export function makeProjectors(db: Database): Projectors {
  const cache = new Map<string, Statement>();
  const run = (sql: string, ...params: unknown[]): void => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    s.run(...params);
  };
  const refreshIncidentStatus = (incidentId: string, at: number): void => {
    // An incident is on scene once any of its units is; it never moves back by this rule.
    run(
      `UPDATE incidents SET status = 'on_scene', updated_at = ?
         WHERE id = ? AND status IN ('new', 'dispatched')
           AND EXISTS (SELECT 1 FROM units WHERE incident_id = ? AND status = 'on_scene')`,
      at, incidentId, incidentId,
    );
  };

  return {
    'unit.rostered': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO units (id, name, agency, type, station, registered, status, status_since, lat, lon)
           VALUES (?, ?, ?, ?, ?, 1, 'available', ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, agency = excluded.agency, type = excluded.type,
           station = excluded.station, registered = 1,
           lat = COALESCE(units.lat, excluded.lat), lon = COALESCE(units.lon, excluded.lon)`,
        p.id, p.name, p.agency, p.type, p.station, e.at, p.lat, p.lon,
      );
    },
    'unit.unregistered_seen': (e) => {
      run(
        `INSERT INTO units (id, name, registered, status, status_since) VALUES (?, ?, 0, 'available', ?)
         ON CONFLICT(id) DO NOTHING`,
        e.payload.id, e.payload.id, e.at,
      );
    },
    'unit.status': (e) => {
      const p = e.payload;
      const release = !COMMITTED_STATUSES.has(p.status);
      run(
        `UPDATE units SET status = ?, status_since = ?,
           incident_id = CASE WHEN ? THEN NULL ELSE incident_id END
         WHERE id = ?`,
        p.status, e.at, release ? 1 : 0, p.unitId,
      );
      const row = db.prepare('SELECT incident_id FROM units WHERE id = ?').get(p.unitId) as { incident_id: string | null } | undefined;
      if (row?.incident_id) refreshIncidentStatus(row.incident_id, e.at);
    },
    'incident.created': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO incidents (id, number, type, priority, status, lat, lon, address, summary, created_at, created_by, updated_at)
           VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?)`,
        p.id, p.number, p.type, p.priority, p.lat, p.lon, p.address, p.summary, e.at, e.actor, e.at,
      );
    },
    'incident.dispatched': (e) => {
      const p = e.payload;
      for (const o of p.orders) {
        run(
          `INSERT INTO orders (id, incident_id, unit_id, kind, state, issued_at) VALUES (?, ?, ?, 'dispatch', 'queued', ?)`,
          o.orderId, p.incidentId, o.unitId, e.at,
        );
        run(`UPDATE units SET incident_id = ? WHERE id = ?`, p.incidentId, o.unitId);
      }
      run(`UPDATE incidents SET status = 'dispatched', updated_at = ? WHERE id = ? AND status = 'new'`, e.at, p.incidentId);
    },
    'order.sent': (e) => {
      run(`UPDATE orders SET state = 'sent', sent_at = ? WHERE id = ? AND state = 'queued'`, e.at, e.payload.orderId);
    },
    'order.answered': (e) => {
      const p = e.payload;
      run(
        `UPDATE orders SET state = ?, answered_at = ?, reason = ?, sent_at = COALESCE(sent_at, ?) WHERE id = ?`,
        p.accepted ? 'acknowledged' : 'refused', e.at, p.reason, e.at, p.orderId,
      );
      // A refusal frees the unit; a late acceptance (after no answer) commits it again.
      run(
        `UPDATE units SET incident_id = CASE WHEN ? THEN (SELECT incident_id FROM orders WHERE id = ?) ELSE NULL END
         WHERE id = (SELECT unit_id FROM orders WHERE id = ?)
           AND (incident_id IS NULL OR incident_id = (SELECT incident_id FROM orders WHERE id = ?))`,
        p.accepted ? 1 : 0, p.orderId, p.orderId, p.orderId,
      );
    },
    'order.no_answer': (e) => {
      run(`UPDATE orders SET state = 'no_answer', answered_at = ? WHERE id = ? AND state IN ('queued', 'sent')`, e.at, e.payload.orderId);
      run(
        `UPDATE units SET incident_id = NULL
         WHERE id = (SELECT unit_id FROM orders WHERE id = ?) AND incident_id = (SELECT incident_id FROM orders WHERE id = ?)`,
        e.payload.orderId, e.payload.orderId,
      );
    },
  };
}

/** Tables that are projections of the log (cleared and replayed by a rebuild). */
export const PROJECTED_TABLES = ['orders', 'incidents', 'units'] as const;
