/** Event types of the append-only log. Every table but the outbox is a projection of these. */
import type { AgencyId, UnitStatus } from '../../../shared/model.js';
import type { CaseEventPayloads } from '../cases/events.js';
import type { PanoramaEventPayloads } from '../panorama/events.js';
import type { DrillEventPayloads } from '../drills/events.js';
import type {
  ReportChannel,
  SensorKind,
  WarningArea,
  WarningClearReason,
  WarningSeverity,
  WarningSource,
} from '../../../shared/model.js';

export interface EventPayloads extends CaseEventPayloads, PanoramaEventPayloads, DrillEventPayloads {
  /** A roster row loaded (or changed) at start. */
  'unit.rostered': { id: string; name: string; agency: AgencyId; type: string; station: string; lat: number; lon: number };
  /** A device reported that is not on the roster. */
  'unit.unregistered_seen': { id: string };
  'unit.status': { unitId: string; status: UnitStatus; ts: number; orderId: string | null };
  'incident.created': {
    id: string;
    number: number;
    type: string;
    priority: number;
    lat: number;
    lon: number;
    address: string;
    summary: string;
  };
  'incident.dispatched': {
    incidentId: string;
    level: number;
    orders: { orderId: string; unitId: string }[];
  };
  'incident.escalated': { incidentId: string; level: number };
  'incident.status': { incidentId: string; status: 'under_control' | 'closed'; disposition: string | null };
  'incident.note': { incidentId: string; text: string };
  'incident.linked': { incidentId: string; otherId: string; relation: 'duplicate' | 'related' };
  /** Sent again after no answer within the resend interval. */
  'order.resent': { orderId: string };
  'order.cancelled': { orderId: string; reason: string };
  /** The broker took the order (PUBACK). */
  'order.sent': { orderId: string };
  'order.answered': { orderId: string; accepted: boolean; ts: number; reason: string | null };
  'order.no_answer': { orderId: string; timeoutMs: number };

  // Field intake (electron/core/warnings): sensors, risk warnings, CAP alerts, citizen reports.
  /** A sensor registered or changed (registry file or UI). Readings themselves are telemetry, not events. */
  'sensor.registered': {
    id: string;
    name: string;
    kind: SensorKind;
    lat: number;
    lon: number;
    unit: string;
    warning: number;
    alarm: number;
    band: number | null;
  };
  'warning.raised': { id: string; source: WarningSource } & WarningContent;
  /** New content for an open warning: a sensor crossed a line, a CAP Update replaced its alert. */
  'warning.updated': { warningId: string } & WarningContent;
  'warning.cleared': { warningId: string; reason: WarningClearReason };
  'warning.acknowledged': { warningId: string };
  /** A CAP message acted on (Alert, Update, Cancel), kept so that a repeat is ignored. */
  'cap.received': {
    key: string;
    identifier: string;
    sender: string;
    sent: number;
    msgType: 'Alert' | 'Update' | 'Cancel';
    /** Keys of the messages it updates or cancels. */
    references: string[];
    /** The warning it raised, updated or cleared; null when it touched none. */
    warningId: string | null;
  };
  /** A citizen report entered the intake queue (once per reportId). */
  'report.received': {
    reportId: string;
    channel: ReportChannel;
    category: string;
    text: string;
    lat: number;
    lon: number;
    address: string;
    contact: string | null;
    ts: number;
  };
}

export type EventType = keyof EventPayloads;

export interface EventRecord<K extends EventType = EventType> {
  readonly seq: number;
  readonly id: string;
  readonly hlc: string;
  readonly at: number;
  readonly actor: string;
  readonly console: string;
  readonly type: K;
  readonly payload: EventPayloads[K];
}

/** Who caused an event. Field devices act as `device:{unitId}`, the core as `system`. */
export interface Author {
  readonly actor: string;
  readonly consoleId: string;
}

/** What a warning says, as raised or updated. */
export interface WarningContent {
  sourceRef: string;
  severity: WarningSeverity;
  title: string;
  detail: string;
  area: WarningArea | null;
  issuedAt: number;
  effectiveAt: number;
  expiresAt: number | null;
  /** The area is closed to traffic (absent in events written before version 7: false). */
  closesRoads?: boolean;
}
