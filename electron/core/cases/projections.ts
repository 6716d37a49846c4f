/**
 * Projections of the case events into cases, case_pauses and case_notes. Like every projector they
 * run in the appending transaction and again on a rebuild, reading only these tables and the event.
 */
import type { Database } from 'better-sqlite3';
import { statements } from '../store/statements.js';
import type { EventRecord } from '../store/events.js';
import type { CaseEventPayloads } from './events.js';

export const CASE_EVENT_TYPES = [
  'case.received',
  'case.triaged',
  'case.assigned',
  'case.returned',
  'case.accepted',
  'case.started',
  'case.noted',
  'case.paused',
  'case.resumed',
  'case.completed',
  'case.closed',
  'case.merged',
  'case.converted',
  'case.sla_warned',
  'case.sla_breached',
] as const satisfies readonly (keyof CaseEventPayloads)[];

export const CASE_PROJECTED_TABLES = ['case_notes', 'case_pauses', 'cases'] as const;

export type CaseProjectors = { [K in keyof CaseEventPayloads]: (e: EventRecord<K>) => void };

export function makeCaseProjectors(db: Database): CaseProjectors {
  const { run } = statements(db);
  const touch = (id: string, at: number): void => run('UPDATE cases SET updated_at = ? WHERE id = ?', at, id);
  /** Closes an open pause (a step that ends handling ends the wait too). */
  const endPause = (id: string, at: number): void => {
    run('UPDATE case_pauses SET to_at = ? WHERE case_id = ? AND to_at IS NULL', at, id);
    run('UPDATE cases SET paused_since = NULL, pause_reason = NULL WHERE id = ?', id);
  };
  return {
    'case.received': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO cases (id, number, channel, source_ref, category, urgency, status, description, lat, lon, address, district, community,
           reporter_name, phone, proposed_body_id, received_at, received_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        p.caseId, p.number, p.channel, p.sourceRef, p.category, p.urgency, p.description, p.lat, p.lon, p.address, p.district, p.community,
        p.reporterName, p.phone, p.proposedBodyId, e.at, e.actor, e.at,
      );
    },
    'case.triaged': (e) => {
      const p = e.payload;
      run('UPDATE cases SET category = ?, urgency = ?, proposed_body_id = ?, updated_at = ? WHERE id = ?', p.category, p.urgency, p.proposedBodyId, e.at, p.caseId);
    },
    'case.assigned': (e) => {
      const p = e.payload;
      run(
        `UPDATE cases SET status = 'assigned', body_id = ?, assigned_at = ?, accepted_at = CASE WHEN ? THEN NULL ELSE accepted_at END,
           started_at = CASE WHEN ? THEN NULL ELSE started_at END, updated_at = ? WHERE id = ?`,
        p.bodyId, e.at, p.reassigned ? 1 : 0, p.reassigned ? 1 : 0, e.at, p.caseId,
      );
    },
    'case.returned': (e) => {
      run(`UPDATE cases SET status = 'received', body_id = NULL, assigned_at = NULL, accepted_at = NULL, started_at = NULL, updated_at = ? WHERE id = ?`, e.at, e.payload.caseId);
    },
    'case.accepted': (e) => {
      // The first acceptance stops the accept clock (a reassigned case keeps it: the citizen waited from receipt).
      run(`UPDATE cases SET status = 'accepted', accepted_at = ?, first_accepted_at = COALESCE(first_accepted_at, ?), updated_at = ? WHERE id = ?`, e.at, e.at, e.at, e.payload.caseId);
    },
    'case.started': (e) => {
      run(`UPDATE cases SET status = 'in_progress', started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ?`, e.at, e.at, e.payload.caseId);
    },
    'case.noted': (e) => {
      const p = e.payload;
      run('INSERT INTO case_notes (id, case_id, at, actor, kind, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)', p.noteId, p.caseId, e.at, e.actor, p.kind, p.text, p.data === null ? null : JSON.stringify(p.data));
      touch(p.caseId, e.at);
    },
    'case.paused': (e) => {
      run('INSERT INTO case_pauses (case_id, from_at, to_at, reason) VALUES (?, ?, NULL, ?)', e.payload.caseId, e.at, e.payload.reason);
      run('UPDATE cases SET paused_since = ?, pause_reason = ?, updated_at = ? WHERE id = ?', e.at, e.payload.reason, e.at, e.payload.caseId);
    },
    'case.resumed': (e) => {
      endPause(e.payload.caseId, e.at);
      touch(e.payload.caseId, e.at);
    },
    'case.completed': (e) => {
      const p = e.payload;
      endPause(p.caseId, e.at);
      run('UPDATE cases SET status = ?, outcome = ?, completed_at = ?, summary = ?, updated_at = ? WHERE id = ?', p.outcome, p.outcome, e.at, p.summary, e.at, p.caseId);
    },
    'case.closed': (e) => {
      const p = e.payload;
      run(`UPDATE cases SET status = 'closed', feedback = ?, feedback_comment = ?, closed_at = ?, updated_at = ? WHERE id = ?`, p.feedback, p.comment, e.at, e.at, p.caseId);
    },
    'case.merged': (e) => {
      endPause(e.payload.caseId, e.at);
      run(`UPDATE cases SET status = 'merged', merged_into = ?, ended_at = ?, updated_at = ? WHERE id = ?`, e.payload.intoId, e.at, e.at, e.payload.caseId);
      touch(e.payload.intoId, e.at);
    },
    'case.converted': (e) => {
      endPause(e.payload.caseId, e.at);
      run(`UPDATE cases SET status = 'converted', incident_id = ?, ended_at = ?, updated_at = ? WHERE id = ?`, e.payload.incidentId, e.at, e.at, e.payload.caseId);
    },
    'case.sla_warned': (e) => {
      run(`UPDATE cases SET warned = 1, updated_at = ? WHERE id = ?`, e.at, e.payload.caseId);
    },
    'case.sla_breached': (e) => {
      const col = e.payload.phase === 'accept' ? 'accept_breached' : 'complete_breached';
      run(`UPDATE cases SET ${col} = 1, escalations = escalations + 1, escalated_to = COALESCE(?, escalated_to), updated_at = ? WHERE id = ?`, e.payload.escalatedTo, e.at, e.payload.caseId);
    },
  };
}
