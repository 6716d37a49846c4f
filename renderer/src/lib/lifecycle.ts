/**
 * Pure view-models of an incident's lifecycle: its status steps, the times that matter, each
 * order's progress, which refused orders still want a replacement, and the timeline's lines.
 */
import { INCIDENT_STATUSES, type IncidentStatus, type IncidentView, type OrderView, type TimelineEntry, type UnitView } from '../../../shared/model';

export type StepState = 'done' | 'current' | 'todo';

/** new → dispatched → on scene → under control → closed, each done, current or to do. */
export function statusSteps(status: IncidentStatus): { status: IncidentStatus; state: StepState }[] {
  const at = INCIDENT_STATUSES.indexOf(status);
  return INCIDENT_STATUSES.map((s, i) => ({ status: s, state: i < at ? 'done' : i === at ? 'current' : 'todo' }));
}

export interface ResponseTime {
  /** Under `times.` in the locale files. */
  readonly key: 'toDispatch' | 'toAck' | 'toEnRoute' | 'toOnScene';
  /** Start of the span; null: not started (shown as —). */
  readonly from: number | null;
  readonly to: number | null;
  /** Elapsed ms: the span when ended, the time so far while pending (and the incident open). */
  readonly ms: number | null;
  readonly pending: boolean;
}

/**
 * Created → first dispatched (call handling), then from the first dispatch to the first
 * acknowledgement, the first unit en route and the first on scene (response time). Pending
 * spans tick with `now` until the incident closes.
 */
export function responseTimes(i: IncidentView, now: number): ResponseTime[] {
  const t = i.times;
  const end = i.closedAt ?? now;
  const span = (key: ResponseTime['key'], from: number | null, to: number | null): ResponseTime => {
    if (from === null) return { key, from, to, ms: null, pending: false };
    if (to !== null) return { key, from, to, ms: to - from, pending: false };
    return { key, from, to, ms: i.closedAt === null ? end - from : null, pending: i.closedAt === null };
  };
  return [
    span('toDispatch', i.createdAt, t.firstDispatchedAt),
    span('toAck', t.firstDispatchedAt, t.firstAckAt),
    span('toEnRoute', t.firstDispatchedAt, t.firstEnRouteAt),
    span('toOnScene', t.firstDispatchedAt, t.firstOnSceneAt),
  ];
}

export type OrderStepKey = 'sent' | 'acknowledged' | 'en_route' | 'on_scene' | 'cleared';

/** An order's track: sent → acknowledged → en route → on scene → cleared, with the time of each. */
export function orderSteps(o: OrderView): { key: OrderStepKey; at: number | null }[] {
  return [
    { key: 'sent', at: o.sentAt },
    { key: 'acknowledged', at: o.state === 'acknowledged' || o.enRouteAt !== null ? (o.answeredAt ?? o.enRouteAt) : null },
    { key: 'en_route', at: o.enRouteAt },
    { key: 'on_scene', at: o.onSceneAt },
    { key: 'cleared', at: o.state === 'cancelled' ? null : o.clearedAt },
  ];
}

/** Orders that went wrong (refused, no answer) and are not yet replaced by a later unit of the same type. */
export function awaitingReplacement(orders: readonly OrderView[], units: ReadonlyMap<string, UnitView>): Set<string> {
  const out = new Set<string>();
  const typeOf = (o: OrderView): string | null => units.get(o.unitId)?.type ?? null;
  for (const o of orders) {
    if (o.kind !== 'dispatch' || (o.state !== 'refused' && o.state !== 'no_answer')) continue;
    const failedAt = o.answeredAt ?? o.issuedAt;
    const replaced = orders.some(
      (n) => n.id !== o.id && n.kind === 'dispatch' && n.issuedAt >= failedAt && n.state !== 'refused' && n.state !== 'no_answer' && typeOf(n) === typeOf(o),
    );
    if (!replaced) out.add(o.id);
  }
  return out;
}

/** Units still committed to an incident: closing waits for them. */
export function assignedTo(units: ReadonlyMap<string, UnitView>, incidentId: string): UnitView[] {
  return [...units.values()].filter((u) => u.incidentId === incidentId).sort((a, b) => a.id.localeCompare(b.id));
}

/** The i18n key of an event type: `timeline.type.incident_created`. Unknown types keep their name. */
export function eventKey(type: string): string {
  return `timeline.type.${type.replace(/\./g, '_')}`;
}

export interface TimelineLookups {
  readonly orders: ReadonlyMap<string, OrderView>;
  readonly units: ReadonlyMap<string, UnitView>;
}

/**
 * What an event says beyond its type, as parts the panel localizes: a unit name, a status, a
 * level, a reason, a note's text.
 */
export function timelineDetail(e: TimelineEntry, look: TimelineLookups): { unit?: string; status?: string; level?: number; text?: string; accepted?: boolean } {
  const p = e.payload;
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
  const unitName = (id: string | undefined): string | undefined => (id ? (look.units.get(id)?.name ?? id) : undefined);
  const orderUnit = (): string | undefined => unitName(look.orders.get(str(p.orderId) ?? '')?.unitId);
  switch (e.type) {
    case 'incident.created':
      return { text: [str(p.address), str(p.summary)].filter(Boolean).join(' · ') || undefined };
    case 'incident.dispatched': {
      const orders = Array.isArray(p.orders) ? (p.orders as { unitId?: unknown }[]) : [];
      return { level: typeof p.level === 'number' ? p.level : undefined, unit: orders.map((o) => unitName(str(o.unitId)) ?? '?').join(', ') };
    }
    case 'incident.escalated':
      return { level: typeof p.level === 'number' ? p.level : undefined };
    case 'incident.status':
      return { status: str(p.status), text: str(p.disposition) };
    case 'incident.note':
      return { text: str(p.text) };
    case 'incident.linked':
      return { status: str(p.relation) };
    case 'order.answered':
      return { unit: orderUnit(), accepted: p.accepted === true, text: str(p.reason) };
    case 'order.cancelled':
      return { unit: orderUnit(), text: str(p.reason) };
    case 'order.sent':
    case 'order.resent':
    case 'order.no_answer':
      return { unit: orderUnit() };
    case 'unit.status':
      return { unit: unitName(str(p.unitId)), status: str(p.status) };
    default:
      return {};
  }
}
