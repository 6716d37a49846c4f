/** Event payloads of the case desk (merged into EventPayloads in store/events.ts). Every one names its case as `caseId`. */
import type { CaseChannel, CaseFeedback, CaseOutcome, CaseUrgency } from '../../../shared/cases/model.js';

export interface CaseEventPayloads {
  /** A case entered the queue (from any channel). */
  'case.received': {
    caseId: string;
    number: number;
    channel: CaseChannel;
    sourceRef: string | null;
    category: string;
    urgency: CaseUrgency;
    description: string;
    lat: number;
    lon: number;
    address: string;
    district: string | null;
    community: string | null;
    reporterName: string | null;
    phone: string | null;
    /** The body the routing rules proposed at intake. */
    proposedBodyId: string | null;
  };
  'case.triaged': { caseId: string; category: string; urgency: CaseUrgency; proposedBodyId: string | null };
  /** Assigned (or reassigned) to a body; reason: why the proposal was overridden or the case reassigned. */
  'case.assigned': { caseId: string; bodyId: string; proposedBodyId: string | null; reason: string | null; reassigned: boolean };
  /** The body sent it back: received again, no body. */
  'case.returned': { caseId: string; bodyId: string | null; reason: string };
  'case.accepted': { caseId: string };
  'case.started': { caseId: string };
  'case.noted': { caseId: string; noteId: string; kind: 'note' | 'session' | 'attachment'; text: string; data: Record<string, unknown> | null };
  /** SLA clocks stop (waiting for the reporter). */
  'case.paused': { caseId: string; reason: string };
  'case.resumed': { caseId: string };
  'case.completed': { caseId: string; outcome: CaseOutcome; summary: string };
  'case.closed': { caseId: string; feedback: CaseFeedback; comment: string | null };
  'case.merged': { caseId: string; intoId: string };
  /** Turned into a dispatch incident (the incident's own events follow on its timeline). */
  'case.converted': { caseId: string; incidentId: string };
  /** Warning before breach raised for a clock. */
  'case.sla_warned': { caseId: string; phase: 'accept' | 'complete'; warningId: string };
  /** A clock ran out: escalated to the supervisor (the warning) and to the next level body. */
  'case.sla_breached': { caseId: string; phase: 'accept' | 'complete'; warningId: string | null; escalatedTo: string | null };
}
