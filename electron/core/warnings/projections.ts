/**
 * Projections of the field-intake events into sensors, warnings, cap_alerts, cap_refs and reports.
 * Spread into the store's projector map (store/projections.ts); like every projector they run in
 * the appending transaction and again, in order, on a rebuild, so they read nothing but the tables
 * they build and the event itself.
 */
import type { Database } from 'better-sqlite3';
import { statements } from '../store/statements.js';
import { WARNING_SEVERITIES, type WarningSeverity } from '../../../shared/model.js';
import type { EventRecord } from '../store/events.js';

export const WARNING_EVENT_TYPES = [
  'sensor.registered',
  'warning.raised',
  'warning.updated',
  'warning.cleared',
  'warning.acknowledged',
  'cap.received',
  'report.received',
] as const;
type WarningEventType = (typeof WARNING_EVENT_TYPES)[number];

/** The tables these events build (cleared and replayed by a rebuild). sensor_readings is telemetry. */
export const WARNING_PROJECTED_TABLES = ['sensors', 'warnings', 'cap_alerts', 'cap_refs', 'reports'] as const;

export type WarningProjectors = { [K in WarningEventType]: (e: EventRecord<K>) => void };

const rank = (s: WarningSeverity): number => WARNING_SEVERITIES.indexOf(s);

export function makeWarningProjectors(db: Database): WarningProjectors {
  const { stmt, run } = statements(db);
  const area = (a: unknown): string | null => (a === null ? null : JSON.stringify(a));

  return {
    'sensor.registered': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO sensors (id, name, kind, lat, lon, unit, warning, alarm, band, registered_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, lat = excluded.lat, lon = excluded.lon,
           unit = excluded.unit, warning = excluded.warning, alarm = excluded.alarm, band = excluded.band, updated_at = excluded.updated_at`,
        p.id, p.name, p.kind, p.lat, p.lon, p.unit, p.warning, p.alarm, p.band, e.at, e.at,
      );
    },
    'warning.raised': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO warnings (id, source, source_ref, severity, title, detail, area, issued_at, effective_at, expires_at,
           raised_at, raised_by, updated_at, closes_roads) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        p.id, p.source, p.sourceRef, p.severity, p.title, p.detail, area(p.area), p.issuedAt, p.effectiveAt, p.expiresAt,
        e.at, e.actor, e.at, p.closesRoads ? 1 : 0,
      );
    },
    'warning.updated': (e) => {
      const p = e.payload;
      const before = stmt('SELECT severity FROM warnings WHERE id = ?').pluck().get(p.warningId) as WarningSeverity | undefined;
      // A worse warning needs a fresh acknowledgement; a milder one keeps the one it had.
      const worse = before !== undefined && rank(p.severity) > rank(before) ? 1 : 0;
      run(
        `UPDATE warnings SET source_ref = ?, severity = ?, title = ?, detail = ?, area = ?, issued_at = ?, effective_at = ?,
           expires_at = ?, updated_at = ?, closes_roads = ?,
           acknowledged_by = CASE WHEN ? THEN NULL ELSE acknowledged_by END,
           acknowledged_at = CASE WHEN ? THEN NULL ELSE acknowledged_at END
         WHERE id = ?`,
        p.sourceRef, p.severity, p.title, p.detail, area(p.area), p.issuedAt, p.effectiveAt, p.expiresAt, e.at, p.closesRoads ? 1 : 0, worse, worse, p.warningId,
      );
    },
    'warning.cleared': (e) => {
      run(
        'UPDATE warnings SET cleared_at = ?, clear_reason = ?, updated_at = ? WHERE id = ? AND cleared_at IS NULL',
        e.at, e.payload.reason, e.at, e.payload.warningId,
      );
    },
    'warning.acknowledged': (e) => {
      run(
        'UPDATE warnings SET acknowledged_by = ?, acknowledged_at = ?, updated_at = ? WHERE id = ? AND acknowledged_by IS NULL',
        e.actor, e.at, e.at, e.payload.warningId,
      );
    },
    'cap.received': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO cap_alerts (key, identifier, sender, sent, msg_type, warning_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO NOTHING`,
        p.key, p.identifier, p.sender, p.sent, p.msgType, p.warningId, e.at,
      );
      for (const ref of p.references) run('INSERT OR IGNORE INTO cap_refs (key, ref_key) VALUES (?, ?)', p.key, ref);
    },
    'report.received': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO reports (id, channel, category, text, lat, lon, address, contact, ts, received_at, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new') ON CONFLICT(id) DO NOTHING`,
        p.reportId, p.channel, p.category, p.text, p.lat, p.lon, p.address, p.contact, p.ts, e.at,
      );
    },
  };
}
