/**
 * Projections: how each event changes the tables. Applied in the transaction that appends the
 * event, and again, in order, when the tables are rebuilt from the log.
 */
import type { Database } from 'better-sqlite3';
import { statements } from './statements.js';
import { COMMITTED_STATUSES } from '../../../shared/model.js';
import type { EventPayloads, EventRecord, EventType } from './events.js';
import { makeWarningProjectors, WARNING_PROJECTED_TABLES } from '../warnings/projections.js';
import { CASE_PROJECTED_TABLES, makeCaseProjectors } from '../cases/projections.js';
import { makePanoramaProjectors, PANORAMA_PROJECTED_TABLES } from '../panorama/projections.js';
import { makeDrillProjectors } from '../drills/events.js';

type Projector<K extends EventType> = (e: EventRecord<K> & { payload: EventPayloads[K] }) => void;
export type Projectors = { [K in EventType]: Projector<K> };

/** The open order of a unit on its current incident, if any. */
const ACTIVE_ORDER = `SELECT o.id FROM orders o JOIN units u ON u.id = o.unit_id AND u.incident_id = o.incident_id
  WHERE o.unit_id = ? AND o.kind = 'dispatch' AND o.state IN ('queued', 'sent', 'acknowledged') AND o.cleared_at IS NULL
  ORDER BY o.issued_at DESC LIMIT 1`;

export function makeProjectors(db: Database): Projectors {
  const { run, one } = statements(db);

  const refreshIncidentStatus = (incidentId: string, at: number): void => {
    // An incident is on scene once any of its units is; this rule never moves it back.
    run(
      `UPDATE incidents SET status = 'on_scene', updated_at = ?
         WHERE id = ? AND status IN ('new', 'dispatched')
           AND EXISTS (SELECT 1 FROM units WHERE incident_id = ? AND status = 'on_scene')`,
      at, incidentId, incidentId,
    );
  };
  const freeUnitOf = (orderId: string): void =>
    run(
      `UPDATE units SET incident_id = NULL
       WHERE id = (SELECT unit_id FROM orders WHERE id = ?) AND incident_id = (SELECT incident_id FROM orders WHERE id = ?)`,
      orderId, orderId,
    );

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
      const orderId = one(ACTIVE_ORDER, p.unitId) as string | undefined;
      const incidentId = (one('SELECT incident_id FROM units WHERE id = ?', p.unitId) as string | null | undefined) ?? null;
      if (orderId) {
        // Moving off means the order was taken even if the ack was lost.
        if (COMMITTED_STATUSES.has(p.status))
          run(`UPDATE orders SET state = 'acknowledged', answered_at = COALESCE(answered_at, ?) WHERE id = ? AND state IN ('queued', 'sent')`, e.at, orderId);
        if (p.status === 'en_route') run('UPDATE orders SET en_route_at = COALESCE(en_route_at, ?) WHERE id = ?', e.at, orderId);
        if (p.status === 'on_scene') run('UPDATE orders SET on_scene_at = COALESCE(on_scene_at, ?), en_route_at = COALESCE(en_route_at, ?) WHERE id = ?', e.at, e.at, orderId);
        if (!COMMITTED_STATUSES.has(p.status)) run('UPDATE orders SET cleared_at = ? WHERE id = ?', e.at, orderId);
      }
      run(
        `UPDATE units SET status = ?, status_since = ?, incident_id = CASE WHEN ? THEN NULL ELSE incident_id END WHERE id = ?`,
        p.status, e.at, COMMITTED_STATUSES.has(p.status) ? 0 : 1, p.unitId,
      );
      if (incidentId) refreshIncidentStatus(incidentId, e.at);
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
        run(`INSERT INTO orders (id, incident_id, unit_id, kind, state, issued_at) VALUES (?, ?, ?, 'dispatch', 'queued', ?)`, o.orderId, p.incidentId, o.unitId, e.at);
        run('UPDATE units SET incident_id = ? WHERE id = ?', p.incidentId, o.unitId);
      }
      run(`UPDATE incidents SET status = 'dispatched', updated_at = ? WHERE id = ? AND status = 'new'`, e.at, p.incidentId);
    },
    'incident.escalated': (e) => {
      run('UPDATE incidents SET level = ?, updated_at = ? WHERE id = ?', e.payload.level, e.at, e.payload.incidentId);
    },
    'incident.status': (e) => {
      const p = e.payload;
      if (p.status === 'under_control')
        run(`UPDATE incidents SET status = 'under_control', under_control_at = ?, updated_at = ? WHERE id = ?`, e.at, e.at, p.incidentId);
      else
        run(
          `UPDATE incidents SET status = 'closed', closed_at = ?, disposition = ?, updated_at = ?,
             under_control_at = COALESCE(under_control_at, ?) WHERE id = ?`,
          e.at, p.disposition, e.at, e.at, p.incidentId,
        );
    },
    'incident.note': (e) => {
      run('INSERT INTO notes (event_id, incident_id, at, actor, text) VALUES (?, ?, ?, ?, ?)', e.id, e.payload.incidentId, e.at, e.actor, e.payload.text);
      run('UPDATE incidents SET updated_at = ? WHERE id = ?', e.at, e.payload.incidentId);
    },
    'incident.linked': (e) => {
      const p = e.payload;
      run('INSERT OR REPLACE INTO incident_links (incident_id, other_id, relation) VALUES (?, ?, ?)', p.incidentId, p.otherId, p.relation);
      run('INSERT OR REPLACE INTO incident_links (incident_id, other_id, relation) VALUES (?, ?, ?)', p.otherId, p.incidentId, p.relation);
    },
    'order.sent': (e) => {
      run(`UPDATE orders SET state = 'sent', sent_at = COALESCE(sent_at, ?) WHERE id = ? AND state = 'queued'`, e.at, e.payload.orderId);
    },
    'order.resent': (e) => {
      run('UPDATE orders SET resent = resent + 1 WHERE id = ?', e.payload.orderId);
    },
    'order.answered': (e) => {
      const p = e.payload;
      run(
        `UPDATE orders SET state = ?, answered_at = ?, reason = ?, sent_at = COALESCE(sent_at, ?) WHERE id = ?`,
        p.accepted ? 'acknowledged' : 'refused', e.at, p.reason, e.at, p.orderId,
      );
      // A refusal frees the unit; a late acceptance (after no answer) commits it again if it is free.
      run(
        `UPDATE units SET incident_id = CASE WHEN ? THEN (SELECT incident_id FROM orders WHERE id = ?) ELSE NULL END
         WHERE id = (SELECT unit_id FROM orders WHERE id = ?)
           AND (incident_id IS NULL OR incident_id = (SELECT incident_id FROM orders WHERE id = ?))`,
        p.accepted ? 1 : 0, p.orderId, p.orderId, p.orderId,
      );
    },
    'order.no_answer': (e) => {
      run(`UPDATE orders SET state = 'no_answer', answered_at = ? WHERE id = ? AND state IN ('queued', 'sent')`, e.at, e.payload.orderId);
      freeUnitOf(e.payload.orderId);
    },
    'order.cancelled': (e) => {
      run(`UPDATE orders SET state = 'cancelled', cancel_reason = ?, cleared_at = COALESCE(cleared_at, ?) WHERE id = ?`, e.payload.reason, e.at, e.payload.orderId);
      freeUnitOf(e.payload.orderId);
    },
    ...makeWarningProjectors(db),
    ...makeCaseProjectors(db),
    ...makePanoramaProjectors(db),
    ...makeDrillProjectors(),
  };
}

/** Tables that are projections of the log (cleared and replayed by a rebuild). */
export const PROJECTED_TABLES = ['notes', 'incident_links', 'orders', 'incidents', 'units', ...WARNING_PROJECTED_TABLES, ...CASE_PROJECTED_TABLES, ...PANORAMA_PROJECTED_TABLES] as const;

/** The incident an event concerns (for the timeline index), looked up before it is projected. */
export function incidentOf(db: Database, type: EventType, payload: EventPayloads[EventType]): string | null {
  const p = payload as Partial<Record<'incidentId' | 'id' | 'orderId' | 'unitId', string>>;
  if (p.incidentId) return p.incidentId;
  if (type === 'incident.created' && p.id) return p.id;
  if (p.orderId) return (db.prepare('SELECT incident_id FROM orders WHERE id = ?').pluck().get(p.orderId) as string | undefined) ?? null;
  if (type === 'unit.status' && p.unitId) return (db.prepare('SELECT incident_id FROM units WHERE id = ?').pluck().get(p.unitId) as string | null | undefined) ?? null;
  return null;
}
