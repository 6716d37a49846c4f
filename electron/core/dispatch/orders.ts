/**
 * Orders: issuing them (event + outbox rows in one transaction), following each one to the
 * device's answer, re-sending once when there is none, flagging "no answer", cancelling.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type CallContext } from '../../../shared/api.js';
import type { IncidentView, OrderView } from '../../../shared/model.js';
import { topics, type AckMsg, type OrderMsg } from '../../../shared/schemas/mqtt.js';
import type { Outbox } from '../field/outbox.js';
import type { UnitTracker } from '../field/units.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';

export interface OrderTiming {
  /** Publish again once when there is no answer after this long. */
  readonly resendAfterMs: number;
  /** Then mark "no answer" and free the unit after this long (from the first send). */
  readonly ackTimeoutMs: number;
}

export interface OrderEvents {
  incident(i: IncidentView): void;
  order(o: OrderView): void;
}

const OPEN: ReadonlySet<string> = new Set(['queued', 'sent', 'acknowledged']);

export function orderMessage(orderId: string, kind: 'dispatch' | 'cancel', incident: IncidentView, issuedAt: number, drill = false): OrderMsg {
  return {
    ...(drill ? { drill: true } : {}),
    orderId,
    kind,
    incidentId: incident.id,
    incident: { type: incident.type, priority: incident.priority, lat: incident.lat, lon: incident.lon, address: incident.address, summary: incident.summary },
    issuedAt,
  };
}

export class OrderDesk {
  constructor(
    private readonly store: Store,
    private readonly queries: Queries,
    private readonly outbox: Outbox,
    private readonly units: UnitTracker,
    private readonly events: OrderEvents,
    private readonly timing: OrderTiming,
    private readonly consoleId: string,
    /** A drill console: every order says so (`drill: true`). */
    private readonly drill = false,
  ) {}

  /** Checks that every unit can take an order now; throws the reason a dispatcher needs. */
  checkDispatchable(unitIds: readonly string[]): void {
    if (unitIds.length === 0) throw new ApiError('conflict', 'no unit is available for this incident');
    if (new Set(unitIds).size !== unitIds.length) throw new ApiError('bad_request', 'unitIds: a unit is listed twice');
    for (const id of unitIds) {
      const u = this.queries.unit(id);
      if (!u) throw new ApiError('bad_request', `unitIds: unknown unit "${id}"`);
      if (!u.registered) throw new ApiError('conflict', `unit ${id} is not on the roster`);
      if (u.incidentId !== null) throw new ApiError('conflict', `unit ${id} is already assigned to an incident`);
      if (u.status === 'out_of_service') throw new ApiError('conflict', `unit ${id} is out of service`);
    }
  }

  /** Writes the dispatch event and the outbox rows; call inside a transaction. Returns order ids. */
  issue(incident: IncidentView, unitIds: readonly string[], level: number, ctx: CallContext): string[] {
    const orders = unitIds.map((unitId) => ({ orderId: randomUUID(), unitId }));
    const issuedAt = this.store.now();
    this.store.append('incident.dispatched', { incidentId: incident.id, level, orders }, ctx);
    for (const o of orders) this.outbox.enqueue(o.orderId, topics.orders(o.unitId), JSON.stringify(orderMessage(o.orderId, 'dispatch', incident, issuedAt, this.drill)));
    return orders.map((o) => o.orderId);
  }

  /** After a transaction that issued or cancelled orders: send them, tell every console. */
  announce(incidentIds: readonly string[], orderIds: readonly string[]): OrderView[] {
    this.outbox.drain();
    const views = orderIds.map((id) => this.must(id));
    for (const id of incidentIds) {
      const i = this.queries.incident(id);
      if (i) this.events.incident(i);
    }
    for (const v of views) this.events.order(v);
    this.units.touch(views.map((v) => v.unitId));
    return views;
  }

  /** Cancels an open order and tells the device; call inside a transaction. */
  cancelInTx(order: OrderView, incident: IncidentView, reason: string, ctx: CallContext): void {
    if (!OPEN.has(order.state) || order.clearedAt !== null) throw new ApiError('conflict', `order ${order.id} is no longer open (${order.state})`);
    this.store.append('order.cancelled', { orderId: order.id, reason }, ctx);
    this.outbox.enqueueCancel(order.id, topics.orders(order.unitId), JSON.stringify(orderMessage(order.id, 'cancel', incident, this.store.now(), this.drill)));
  }

  cancel(orderId: string, reason: string, ctx: CallContext): OrderView {
    const order = this.must(orderId);
    const incident = this.queries.incident(order.incidentId);
    if (!incident) throw new ApiError('not_found', `no incident ${order.incidentId}`);
    this.store.tx(() => this.cancelInTx(order, incident, reason, ctx));
    return this.announce([incident.id], [orderId])[0];
  }

  /** A device's answer. Returns a reason when it is not taken (unknown order, another unit's). */
  onAck(unitId: string, msg: AckMsg): string | null {
    const order = this.queries.order(msg.orderId);
    if (!order) return `unknown order ${msg.orderId}`;
    if (order.unitId !== unitId) return `order ${msg.orderId} belongs to another unit`;
    if (order.state === 'acknowledged' || order.state === 'refused' || order.state === 'cancelled') return null; // a repeat
    this.store.tx(() => {
      this.outbox.delivered(order.id);
      this.store.append(
        'order.answered',
        { orderId: order.id, accepted: msg.accepted, ts: msg.ts, reason: msg.reason ?? null },
        { actor: `device:${unitId}`, consoleId: this.consoleId },
      );
    });
    // The incident first: its times (dispatch → first acknowledgement) change with the answer.
    const incident = this.queries.incident(order.incidentId);
    if (incident) this.events.incident(incident);
    this.events.order(this.must(order.id));
    this.units.touch([unitId]);
    return null;
  }

  /** After a unit's status report on an incident: its order and the incident may have moved on. */
  progress(incidentId: string, unitId: string): void {
    const incident = this.queries.incident(incidentId);
    if (incident) this.events.incident(incident);
    const order = this.queries.ordersOf(incidentId).filter((o) => o.unitId === unitId && o.kind === 'dispatch').pop();
    if (order) this.events.order(order);
  }

  /** Re-sends once, then flags "no answer". Called every second. */
  checkTimeouts(): void {
    const now = this.store.now();
    const system = { actor: 'system', consoleId: this.consoleId };
    for (const o of this.queries.unansweredBefore(now - this.timing.resendAfterMs)) {
      if (now - o.issuedAt >= this.timing.ackTimeoutMs) {
        this.store.append('order.no_answer', { orderId: o.id, timeoutMs: this.timing.ackTimeoutMs }, system);
      } else if (o.resent === 0 && o.state === 'sent') {
        const incident = this.queries.incident(o.incidentId);
        if (!incident) continue;
        this.store.tx(() => {
          this.store.append('order.resent', { orderId: o.id }, system);
          this.outbox.enqueue(o.id, topics.orders(o.unitId), JSON.stringify(orderMessage(o.id, 'dispatch', incident, o.issuedAt, this.drill)));
        });
        this.outbox.drain();
      } else continue;
      this.events.order(this.must(o.id));
      this.units.touch([o.unitId]);
    }
  }

  must(id: string): OrderView {
    const o = this.queries.order(id);
    if (!o) throw new ApiError('not_found', `no order ${id}`);
    return o;
  }
}
