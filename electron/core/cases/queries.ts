/** Reads of the case projections: views with their SLA clocks (computed at `now`), lists, notes, history, map points, KPI facts. */
import type { Database } from 'better-sqlite3';
import { slaPolicy, type CaseCatalog } from '../../../shared/cases/catalog.js';
import type { CaseFact } from '../../../shared/cases/kpi.js';
import {
  OPEN_CASE_STATUSES,
  type CaseChannel,
  type CaseEventEntry,
  type CaseFeedback,
  type CaseMapPoint,
  type CaseNote,
  type CaseOutcome,
  type CaseStatus,
  type CaseUrgency,
  type CaseView,
} from '../../../shared/cases/model.js';
import { computeSla, type Pause } from '../../../shared/cases/sla.js';
import type { CaseInput } from '../../../shared/cases/api.js';
import { statements } from '../store/statements.js';

export interface CaseRow {
  id: string;
  number: number;
  channel: CaseChannel;
  source_ref: string | null;
  category: string;
  urgency: CaseUrgency;
  status: CaseStatus;
  description: string;
  lat: number;
  lon: number;
  address: string;
  district: string | null;
  community: string | null;
  reporter_name: string | null;
  phone: string | null;
  body_id: string | null;
  proposed_body_id: string | null;
  received_at: number;
  assigned_at: number | null;
  accepted_at: number | null;
  first_accepted_at: number | null;
  started_at: number | null;
  completed_at: number | null;
  closed_at: number | null;
  ended_at: number | null;
  outcome: CaseOutcome | null;
  feedback: CaseFeedback | null;
  merged_into: string | null;
  incident_id: string | null;
  warned: number;
  accept_breached: number;
  complete_breached: number;
  escalations: number;
  updated_at: number;
}

export type ListFilter = Pick<CaseInput<'cases.list'>, 'status' | 'bodyId' | 'district' | 'category' | 'from' | 'to' | 'q' | 'limit' | 'offset'>;

const OPEN = OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', ');
const FILTER = `(? IS NULL OR status = ?) AND (? IS NULL OR body_id = ?) AND (? IS NULL OR district = ?)
  AND (? IS NULL OR category = ? OR category LIKE ? || '.%') AND received_at >= ? AND received_at < ?
  AND (? IS NULL OR CAST(number AS TEXT) = ? OR instr(address, ?) > 0 OR instr(description, ?) > 0)`;

export class CaseQueries {
  private readonly s;

  constructor(
    private readonly db: Database,
    private readonly catalog: CaseCatalog,
    private readonly now: () => number,
  ) {
    this.s = statements(db);
  }

  row(id: string): CaseRow | undefined {
    return this.s.stmt('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  }

  byNumber(n: number): CaseRow | undefined {
    return this.s.stmt('SELECT * FROM cases WHERE number = ?').get(n) as CaseRow | undefined;
  }

  bySource(channel: CaseChannel, ref: string): CaseRow | undefined {
    return this.s.stmt('SELECT * FROM cases WHERE channel = ? AND source_ref = ?').get(channel, ref) as CaseRow | undefined;
  }

  nextNumber(): number {
    return ((this.s.one('SELECT MAX(number) FROM cases') as number | null) ?? 0) + 1;
  }

  pauses(id: string): Pause[] {
    return (this.s.stmt('SELECT from_at, to_at, reason FROM case_pauses WHERE case_id = ? ORDER BY from_at').all(id) as { from_at: number; to_at: number | null; reason: string }[]).map(
      (p) => ({ from: p.from_at, to: p.to_at, reason: p.reason }),
    );
  }

  /** The view of a row; `personal`: the caller may see the reporter's contact. */
  view(r: CaseRow, personal: boolean, at = this.now()): CaseView {
    const hasContact = r.reporter_name !== null || r.phone !== null;
    const sla = computeSla(
      { receivedAt: r.received_at, acceptedAt: r.first_accepted_at, completedAt: r.completed_at, pauses: this.pauses(r.id) },
      slaPolicy(this.catalog, r.body_id ?? r.proposed_body_id, r.category),
      at,
      { warned: r.warned === 1, escalations: r.escalations, ended: r.ended_at },
    );
    // A breach recorded by the log stands, even if a later change of budget would say otherwise.
    const accept = r.accept_breached && sla.accept.state !== 'breached' ? { ...sla.accept, state: 'breached' as const } : sla.accept;
    const complete = r.complete_breached && sla.complete.state !== 'breached' ? { ...sla.complete, state: 'breached' as const } : sla.complete;
    return {
      id: r.id,
      number: r.number,
      channel: r.channel,
      sourceRef: r.source_ref,
      category: r.category,
      urgency: r.urgency,
      status: r.status,
      description: r.description,
      lat: r.lat,
      lon: r.lon,
      address: r.address,
      district: r.district,
      community: r.community,
      reporter: personal && hasContact ? { name: r.reporter_name ?? '', phone: r.phone ?? '' } : null,
      reporterHidden: !personal && hasContact,
      bodyId: r.body_id,
      proposedBodyId: r.proposed_body_id,
      receivedAt: r.received_at,
      assignedAt: r.assigned_at,
      acceptedAt: r.accepted_at,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      closedAt: r.closed_at,
      outcome: r.outcome,
      feedback: r.feedback,
      mergedInto: r.merged_into,
      incidentId: r.incident_id,
      sla: { ...sla, accept, complete },
      updatedAt: r.updated_at,
    };
  }

  get(id: string, personal: boolean): CaseView | undefined {
    const r = this.row(id);
    return r ? this.view(r, personal) : undefined;
  }

  private filterParams(f: ListFilter): unknown[] {
    const cat = f.category ?? null;
    const q = f.q?.trim() || null;
    return [f.status ?? null, f.status ?? null, f.bodyId ?? null, f.bodyId ?? null, f.district ?? null, f.district ?? null, cat, cat, cat, f.from ?? 0, f.to ?? Number.MAX_SAFE_INTEGER, q, q, q, q];
  }

  /** Newest first. */
  list(f: ListFilter, personal: boolean): { cases: CaseView[]; total: number } {
    const params = this.filterParams(f);
    const total = this.s.one(`SELECT COUNT(*) FROM cases WHERE ${FILTER}`, ...params) as number;
    const rows = this.s.stmt(`SELECT * FROM cases WHERE ${FILTER} ORDER BY received_at DESC, number DESC LIMIT ? OFFSET ?`).all(...params, f.limit ?? 100, f.offset ?? 0) as CaseRow[];
    const at = this.now();
    return { cases: rows.map((r) => this.view(r, personal, at)), total };
  }

  /** Rows for an export, oldest first (every match). */
  exportRows(f: ListFilter): CaseRow[] {
    return this.s.stmt(`SELECT * FROM cases WHERE ${FILTER} ORDER BY received_at, number`).all(...this.filterParams(f)) as CaseRow[];
  }

  /** Cases received in [from, to] other than `exclude`, not merged or converted (duplicate candidates). */
  around(from: number, to: number, exclude: string): CaseRow[] {
    return this.s
      .stmt(`SELECT * FROM cases WHERE received_at BETWEEN ? AND ? AND id != ? AND status NOT IN ('merged', 'converted') ORDER BY received_at DESC LIMIT 5000`)
      .all(from, to, exclude) as CaseRow[];
  }

  /** Cases received in [from, to] inside a lat/lon box or at the same address (hot-spot candidates). */
  near(from: number, to: number, box: { minLat: number; maxLat: number; minLon: number; maxLon: number }, address: string): CaseRow[] {
    return this.s
      .stmt(
        `SELECT * FROM cases WHERE received_at BETWEEN ? AND ? AND status NOT IN ('merged', 'converted')
           AND ((lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?) OR address = ?)`,
      )
      .all(from, to, box.minLat, box.maxLat, box.minLon, box.maxLon, address) as CaseRow[];
  }

  /** Citizen reports (MQTT intake) that have no case yet. */
  reportsWithoutCase(): { reportId: string; channel: CaseChannel & ('app' | 'hotline' | 'station'); category: string; text: string; lat: number; lon: number; address: string; contact: string | null; ts: number }[] {
    return this.s
      .stmt(
        `SELECT id AS reportId, channel, category, text, lat, lon, address, contact, ts FROM reports r
         WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.channel = r.channel AND c.source_ref = r.id) ORDER BY received_at`,
      )
      .all() as ReturnType<CaseQueries['reportsWithoutCase']>;
  }

  open(): CaseRow[] {
    return this.s.stmt(`SELECT * FROM cases WHERE status IN (${OPEN})`).all() as CaseRow[];
  }

  mergedInto(id: string): CaseRow[] {
    return this.s.stmt('SELECT * FROM cases WHERE merged_into = ? ORDER BY received_at').all(id) as CaseRow[];
  }

  byIncident(incidentId: string): CaseRow | undefined {
    return this.s.stmt('SELECT * FROM cases WHERE incident_id = ?').get(incidentId) as CaseRow | undefined;
  }

  notes(id: string): CaseNote[] {
    return (this.s.stmt('SELECT id, at, actor, kind, text, data FROM case_notes WHERE case_id = ? ORDER BY at, rowid').all(id) as (Omit<CaseNote, 'data'> & { data: string | null })[]).map(
      (n) => ({ ...n, data: n.data === null ? null : (JSON.parse(n.data) as Record<string, unknown>) }),
    );
  }

  note(noteId: string): CaseNote | undefined {
    const n = this.s.stmt('SELECT id, at, actor, kind, text, data FROM case_notes WHERE id = ?').get(noteId) as (Omit<CaseNote, 'data'> & { data: string | null }) | undefined;
    return n ? { ...n, data: n.data === null ? null : (JSON.parse(n.data) as Record<string, unknown>) } : undefined;
  }

  /** Every event about the case, oldest first (uses the events_case expression index). */
  timeline(id: string): CaseEventEntry[] {
    const rows = this.s
      .stmt(`SELECT seq, at, actor, type, payload FROM events WHERE json_extract(payload, '$.caseId') = ? AND type LIKE 'case.%' ORDER BY seq`)
      .all(id) as { seq: number; at: number; actor: string; type: string; payload: string }[];
    return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, type: r.type, detail: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  mapPoints(q: CaseInput<'cases.map'>, limit: number): CaseMapPoint[] {
    const [minLon, minLat, maxLon, maxLat] = q.bbox ?? [-180, -90, 180, 90];
    const statuses = q.status ? JSON.stringify(q.status) : null;
    const cat = q.category ?? null;
    return this.s
      .stmt(
        `SELECT id, number, status, category, urgency, lat, lon FROM cases
         WHERE received_at >= ? AND received_at < ? AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?
           AND (? IS NULL OR status IN (SELECT value FROM json_each(?))) AND (? IS NULL OR category = ? OR category LIKE ? || '.%')
         ORDER BY received_at DESC LIMIT ?`,
      )
      .all(q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER, minLon, maxLon, minLat, maxLat, statuses, statuses, cat, cat, cat, limit) as CaseMapPoint[];
  }

  /** One KPI fact per case (or for the given ids). */
  facts(ids?: readonly string[]): CaseFact[] {
    const sql = `SELECT id, received_at, category, district, body_id, first_accepted_at, completed_at, outcome, feedback, accept_breached, complete_breached, status FROM cases`;
    const rows = (ids ? ids.flatMap((id) => this.s.stmt(`${sql} WHERE id = ?`).all(id)) : this.db.prepare(sql).all()) as FactRow[];
    return rows.map(toFact);
  }
}

interface FactRow {
  id: string;
  received_at: number;
  category: string;
  district: string | null;
  body_id: string | null;
  first_accepted_at: number | null;
  completed_at: number | null;
  outcome: CaseOutcome | null;
  feedback: CaseFeedback | null;
  accept_breached: number;
  complete_breached: number;
  status: CaseStatus;
}

const OPEN_SET: ReadonlySet<CaseStatus> = new Set(OPEN_CASE_STATUSES);

function toFact(r: FactRow): CaseFact {
  return {
    id: r.id,
    receivedAt: r.received_at,
    category: r.category,
    district: r.district,
    bodyId: r.body_id,
    acceptedAt: r.first_accepted_at,
    completedAt: r.completed_at,
    outcome: r.outcome,
    feedback: r.feedback === 'none' ? null : r.feedback,
    breached: r.accept_breached === 1 || r.complete_breached === 1,
    merged: r.status === 'merged',
    open: OPEN_SET.has(r.status),
  };
}
