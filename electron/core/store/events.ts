/** Event types of the append-only log. Every table but the outbox is a projection of these. */
import type { AgencyId, UnitStatus } from '../../../shared/model.js';

export interface EventPayloads {
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
