/** Read models of the field-intake tables: rows of sensors, warnings and reports as API views. */
import type { Database } from 'better-sqlite3';
import type {
  ReportChannel,
  ReportStatus,
  ReportView,
  SensorKind,
  SensorView,
  WarningArea,
  WarningClearReason,
  WarningSeverity,
  WarningSource,
  WarningView,
} from '../../../shared/model.js';
import { levelOfSeverity } from '../../../shared/domain/thresholds.js';

interface WarningRow {
  id: string;
  source: string;
  source_ref: string;
  severity: string;
  title: string;
  detail: string;
  area: string | null;
  issued_at: number;
  effective_at: number;
  expires_at: number | null;
  raised_at: number;
  updated_at: number;
  cleared_at: number | null;
  clear_reason: string | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  closes_roads: number;
}

interface SensorRow {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  unit: string;
  warning: number;
  alarm: number;
  band: number | null;
  warning_id: string | null;
  severity: string | null;
  value: number | null;
  ts: number | null;
}

interface ReportRow {
  id: string;
  channel: string;
  category: string;
  text: string;
  lat: number;
  lon: number;
  address: string;
  contact: string | null;
  ts: number;
  received_at: number;
  status: string;
}

const warningFromRow = (r: WarningRow): WarningView => ({
  id: r.id,
  source: r.source as WarningSource,
  sourceRef: r.source_ref,
  severity: r.severity as WarningSeverity,
  title: r.title,
  detail: r.detail,
  area: r.area === null ? null : (JSON.parse(r.area) as WarningArea),
  issuedAt: r.issued_at,
  effectiveAt: r.effective_at,
  expiresAt: r.expires_at,
  raisedAt: r.raised_at,
  updatedAt: r.updated_at,
  clearedAt: r.cleared_at,
  clearReason: r.clear_reason as WarningClearReason | null,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedAt: r.acknowledged_at,
  closesRoads: r.closes_roads === 1,
});

const sensorFromRow = (r: SensorRow): SensorView => ({
  id: r.id,
  name: r.name,
  kind: r.kind as SensorKind,
  lat: r.lat,
  lon: r.lon,
  unit: r.unit,
  warning: r.warning,
  alarm: r.alarm,
  band: r.band,
  level: levelOfSeverity(r.severity as WarningSeverity | null),
  warningId: r.warning_id,
  lastValue: r.value,
  lastTs: r.ts,
});

const reportFromRow = (r: ReportRow): ReportView => ({
  id: r.id,
  channel: r.channel as ReportChannel,
  category: r.category,
  text: r.text,
  lat: r.lat,
  lon: r.lon,
  address: r.address,
  contact: r.contact,
  ts: r.ts,
  receivedAt: r.received_at,
  status: r.status as ReportStatus,
});

/**
 * A sensor with its open warning (which gives its level) and its last reading. A sensor has at most
 * one open warning: the sensor desk raises one only from the normal level.
 */
const SENSOR_SELECT = `SELECT s.*, w.id AS warning_id, w.severity, r.value, r.ts FROM sensors s
  LEFT JOIN warnings w ON w.source = 'sensor' AND w.source_ref = s.id AND w.cleared_at IS NULL
  LEFT JOIN sensor_readings r ON r.sensor_id = s.id`;

export class WarningQueries {
  constructor(private readonly db: Database) {}

  warning(id: string): WarningView | undefined {
    const r = this.db.prepare('SELECT * FROM warnings WHERE id = ?').get(id) as WarningRow | undefined;
    return r && warningFromRow(r);
  }

  /** Open warnings, worst and newest first; with `includeCleared` also the last day's cleared ones. */
  warnings(opts: { includeCleared?: boolean; clearedSince?: number } = {}): WarningView[] {
    const sql = `SELECT * FROM warnings WHERE cleared_at IS NULL ${opts.includeCleared ? 'OR cleared_at >= ?' : ''}
      ORDER BY cleared_at IS NOT NULL, CASE severity WHEN 'extreme' THEN 0 WHEN 'severe' THEN 1 WHEN 'moderate' THEN 2 ELSE 3 END,
        raised_at DESC LIMIT 2000`;
    const params = opts.includeCleared ? [opts.clearedSince ?? 0] : [];
    return (this.db.prepare(sql).all(...params) as WarningRow[]).map(warningFromRow);
  }

  /** Open warnings that close roads (few: the recommender reads them for every recommendation). */
  roadClosures(): WarningView[] {
    return (this.db.prepare('SELECT * FROM warnings WHERE cleared_at IS NULL AND closes_roads = 1 LIMIT 500').all() as WarningRow[]).map(warningFromRow);
  }

  /** The open warning of a source object (a sensor), if any. */
  openWarningOf(source: WarningSource, sourceRef: string): WarningView | undefined {
    const r = this.db
      .prepare('SELECT * FROM warnings WHERE source = ? AND source_ref = ? AND cleared_at IS NULL ORDER BY raised_at LIMIT 1')
      .get(source, sourceRef) as WarningRow | undefined;
    return r && warningFromRow(r);
  }

  /** Ids of open warnings whose expiry is at or before `now`. */
  expiredIds(now: number): string[] {
    return this.db.prepare('SELECT id FROM warnings WHERE cleared_at IS NULL AND expires_at IS NOT NULL AND expires_at <= ?').pluck().all(now) as string[];
  }

  sensors(): SensorView[] {
    return (this.db.prepare(`${SENSOR_SELECT} ORDER BY s.id`).all() as SensorRow[]).map(sensorFromRow);
  }

  sensor(id: string): SensorView | undefined {
    const r = this.db.prepare(`${SENSOR_SELECT} WHERE s.id = ?`).get(id) as SensorRow | undefined;
    return r && sensorFromRow(r);
  }

  report(id: string): ReportView | undefined {
    const r = this.db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
    return r && reportFromRow(r);
  }

  /** One status: a queue, oldest first (the order to work it in). All: a history, newest first. */
  reports(status?: ReportStatus): ReportView[] {
    const rows = status
      ? this.db.prepare('SELECT * FROM reports WHERE status = ? ORDER BY received_at, id LIMIT 2000').all(status)
      : this.db.prepare('SELECT * FROM reports ORDER BY received_at DESC, id LIMIT 2000').all();
    return (rows as ReportRow[]).map(reportFromRow);
  }
}
