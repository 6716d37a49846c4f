/** Read models: rows of the projected tables as the views the API returns. */
import type { Database, Statement } from 'better-sqlite3';
import { statements, type Statements } from './statements.js';
import type {
  AgencyId,
  IncidentStatus,
  IncidentView,
  NoteView,
  OrderState,
  OrderView,
  TimelineEntry,
  UnitStatus,
  UnitView,
} from '../../../shared/model.js';

interface UnitRow {
  id: string;
  name: string;
  agency: string | null;
  type: string | null;
  station: string | null;
  registered: number;
  status: string;
  status_since: number;
  incident_id: string | null;
  lat: number | null;
  lon: number | null;
  heading: number | null;
  speed: number | null;
  position_ts: number | null;
}

interface IncidentRow {
  id: string;
  number: number;
  type: string;
  priority: number;
  status: string;
  lat: number;
  lon: number;
  address: string;
  summary: string;
  created_at: number;
  created_by: string;
  updated_at: number;
  level: number;
  disposition: string | null;
  under_control_at: number | null;
  closed_at: number | null;
  first_dispatched_at: number | null;
  first_ack_at: number | null;
  first_en_route_at: number | null;
  first_on_scene_at: number | null;
}

interface OrderRow {
  id: string;
  incident_id: string;
  unit_id: string;
  kind: string;
  state: string;
  issued_at: number;
  sent_at: number | null;
  answered_at: number | null;
  reason: string | null;
  en_route_at: number | null;
  on_scene_at: number | null;
  cleared_at: number | null;
  resent: number;
  cancel_reason: string | null;
}

export const unitFromRow = (r: UnitRow): UnitView => ({
  id: r.id,
  name: r.name,
  agency: r.agency as AgencyId | null,
  type: r.type,
  station: r.station,
  registered: r.registered === 1,
  status: r.status as UnitStatus,
  statusSince: r.status_since,
  lat: r.lat,
  lon: r.lon,
  heading: r.heading,
  speed: r.speed,
  positionTs: r.position_ts,
  incidentId: r.incident_id,
});

const incidentFromRow = (r: IncidentRow): IncidentView => ({
  id: r.id,
  number: r.number,
  type: r.type,
  priority: r.priority,
  status: r.status as IncidentStatus,
  lat: r.lat,
  lon: r.lon,
  address: r.address,
  summary: r.summary,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  level: r.level,
  disposition: r.disposition,
  underControlAt: r.under_control_at,
  closedAt: r.closed_at,
  times: {
    firstDispatchedAt: r.first_dispatched_at,
    firstAckAt: r.first_ack_at,
    firstEnRouteAt: r.first_en_route_at,
    firstOnSceneAt: r.first_on_scene_at,
  },
});

/** Incidents with their times that matter, aggregated from their dispatch orders. */
const INCIDENT_SELECT = `SELECT i.*,
  (SELECT MIN(issued_at) FROM orders o WHERE o.incident_id = i.id AND o.kind = 'dispatch') AS first_dispatched_at,
  (SELECT MIN(answered_at) FROM orders o WHERE o.incident_id = i.id AND o.state = 'acknowledged') AS first_ack_at,
  (SELECT MIN(en_route_at) FROM orders o WHERE o.incident_id = i.id) AS first_en_route_at,
  (SELECT MIN(on_scene_at) FROM orders o WHERE o.incident_id = i.id) AS first_on_scene_at
  FROM incidents i`;

const orderFromRow = (r: OrderRow): OrderView => ({
  id: r.id,
  incidentId: r.incident_id,
  unitId: r.unit_id,
  kind: r.kind as OrderView['kind'],
  state: r.state as OrderState,
  issuedAt: r.issued_at,
  sentAt: r.sent_at,
  answeredAt: r.answered_at,
  reason: r.reason,
  enRouteAt: r.en_route_at,
  onSceneAt: r.on_scene_at,
  clearedAt: r.cleared_at,
  resent: r.resent,
  cancelReason: r.cancel_reason,
});

export class Queries {
  private readonly statements: Statements;

  constructor(db: Database) {
    this.statements = statements(db);
  }

  private q(sql: string): Statement {
    return this.statements.stmt(sql);
  }

  units(): UnitView[] {
    return (this.q('SELECT * FROM units ORDER BY id').all() as UnitRow[]).map(unitFromRow);
  }

  unit(id: string): UnitView | undefined {
    const r = this.q('SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
    return r && unitFromRow(r);
  }

  /** Open incidents, plus those closed in the last day. */
  incidents(since = 0): IncidentView[] {
    const rows = this.q(`${INCIDENT_SELECT} WHERE i.status != 'closed' OR i.updated_at >= ? ORDER BY i.number DESC LIMIT 2000`)
      .all(since) as IncidentRow[];
    return rows.map(incidentFromRow);
  }

  incident(id: string): IncidentView | undefined {
    const r = this.q(`${INCIDENT_SELECT} WHERE i.id = ?`).get(id) as IncidentRow | undefined;
    return r && incidentFromRow(r);
  }

  incidentByNumber(n: number): IncidentView | undefined {
    const r = this.q(`${INCIDENT_SELECT} WHERE i.number = ?`).get(n) as IncidentRow | undefined;
    return r && incidentFromRow(r);
  }

  /** Open incidents created since `since` (for the duplicate check). */
  openIncidentsSince(since: number): IncidentView[] {
    return (this.q(`${INCIDENT_SELECT} WHERE i.status != 'closed' AND i.created_at >= ?`).all(since) as IncidentRow[]).map(incidentFromRow);
  }

  /** Units still committed to an incident. */
  unitsOn(incidentId: string): UnitView[] {
    return (this.q('SELECT * FROM units WHERE incident_id = ? ORDER BY id').all(incidentId) as UnitRow[]).map(unitFromRow);
  }

  notes(incidentId: string): NoteView[] {
    return (
      this.q('SELECT event_id AS id, incident_id AS incidentId, at, actor, text FROM notes WHERE incident_id = ? ORDER BY at').all(incidentId) as NoteView[]
    );
  }

  links(incidentId: string): { otherId: string; relation: string }[] {
    return this.q('SELECT other_id AS otherId, relation FROM incident_links WHERE incident_id = ? ORDER BY other_id').all(incidentId) as {
      otherId: string;
      relation: string;
    }[];
  }

  timeline(incidentId: string): TimelineEntry[] {
    const rows = this.q('SELECT seq, id, type, at, hlc, actor, console, payload FROM events WHERE incident_id = ? ORDER BY seq')
      .all(incidentId) as (Omit<TimelineEntry, 'payload'> & { payload: string })[];
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  nextIncidentNumber(): number {
    const r = this.q('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM incidents').get() as { n: number };
    return r.n;
  }

  ordersOf(incidentId: string): OrderView[] {
    return (this.q('SELECT * FROM orders WHERE incident_id = ? ORDER BY issued_at, unit_id').all(incidentId) as OrderRow[]).map(
      orderFromRow,
    );
  }

  order(id: string): OrderView | undefined {
    const r = this.q('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    return r && orderFromRow(r);
  }

  /** Orders of open incidents (what a console shows). */
  openOrders(): OrderView[] {
    return (
      this.q(`SELECT o.* FROM orders o JOIN incidents i ON i.id = o.incident_id WHERE i.status != 'closed' ORDER BY o.issued_at`)
        .all() as OrderRow[]
    ).map(orderFromRow);
  }

  /** Orders still waiting for the device's answer, issued before `before`. */
  unansweredBefore(before: number): OrderView[] {
    return (
      this.q(`SELECT * FROM orders WHERE state IN ('queued', 'sent') AND issued_at < ?`).all(before) as OrderRow[]
    ).map(orderFromRow);
  }
}
