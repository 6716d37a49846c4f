/**
 * Dispatch at skeleton depth: create an incident of a catalog type, recommend the plan's units,
 * dispatch one order per unit (event + outbox rows in one transaction) and follow each order
 * to the device's answer, or to "no answer" after the ack timeout.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type ApiInput, type CallContext } from '../../../shared/api.js';
import { pickedUnitIds, recommend, type RecommendOptions } from '../../../shared/domain/recommend.js';
import type { IncidentView, OrderView, RecommendationView } from '../../../shared/model.js';
import type { Catalog } from '../../../shared/schemas/catalog.js';
import { topics, type AckMsg, type OrderMsg } from '../../../shared/schemas/mqtt.js';
import type { Outbox } from '../field/outbox.js';
import type { UnitTracker } from '../field/units.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';

export interface DispatchOptions {
  /** An order with no answer after this long is marked "no answer". */
  readonly ackTimeoutMs: number;
  readonly recommend?: RecommendOptions;
  readonly consoleId: string;
}

export interface DispatchEvents {
  incident(i: IncidentView): void;
  order(o: OrderView): void;
}

export class DispatchService {
  constructor(
    private readonly store: Store,
    private readonly queries: Queries,
    private readonly catalog: Catalog,
    private readonly outbox: Outbox,
    private readonly units: UnitTracker,
    private readonly events: DispatchEvents,
    private readonly opts: DispatchOptions,
  ) {}

  createIncident(input: ApiInput<'incidents.create'>, ctx: CallContext): { incident: IncidentView; recommendation: RecommendationView } {
    const type = this.catalog.incidentTypes.find((t) => t.id === input.type);
    if (!type) throw new ApiError('bad_request', `type: unknown incident type "${input.type}"`);
    const id = randomUUID();
    this.store.tx(() =>
      this.store.append(
        'incident.created',
        {
          id,
          number: this.queries.nextIncidentNumber(),
          type: type.id,
          priority: input.priority ?? type.priority,
          lat: input.lat,
          lon: input.lon,
          address: input.address?.trim() ?? '',
          summary: input.summary?.trim() ?? '',
        },
        ctx,
      ),
    );
    const incident = this.mustIncident(id);
    this.events.incident(incident);
    return { incident, recommendation: this.recommend(id) };
  }

  recommend(incidentId: string, level = 1): RecommendationView {
    const incident = this.mustIncident(incidentId);
    return recommend(
      this.catalog,
      { incidentId, incidentType: incident.type, at: incident, level, units: this.queries.units(), now: this.store.now() },
      this.opts.recommend,
    );
  }

  dispatch(input: ApiInput<'incidents.dispatch'>, ctx: CallContext): OrderView[] {
    const incident = this.mustIncident(input.incidentId);
    if (incident.status === 'closed') throw new ApiError('conflict', 'the incident is closed');
    const unitIds = input.unitIds ?? pickedUnitIds(this.recommend(incident.id));
    if (unitIds.length === 0) throw new ApiError('conflict', 'no unit is available for this incident');
    if (new Set(unitIds).size !== unitIds.length) throw new ApiError('bad_request', 'unitIds: a unit is listed twice');
    for (const id of unitIds) {
      const u = this.queries.unit(id);
      if (!u) throw new ApiError('bad_request', `unitIds: unknown unit "${id}"`);
      if (!u.registered) throw new ApiError('conflict', `unit ${id} is not on the roster`);
      if (u.incidentId !== null) throw new ApiError('conflict', `unit ${id} is already assigned to an incident`);
      if (u.status === 'out_of_service') throw new ApiError('conflict', `unit ${id} is out of service`);
    }
    const orders = unitIds.map((unitId) => ({ orderId: randomUUID(), unitId }));
    const issuedAt = this.store.now();
    this.store.tx(() => {
      this.store.append('incident.dispatched', { incidentId: incident.id, level: 1, orders }, ctx);
      for (const o of orders) {
        const msg: OrderMsg = {
          orderId: o.orderId,
          kind: 'dispatch',
          incidentId: incident.id,
          incident: {
            type: incident.type,
            priority: incident.priority,
            lat: incident.lat,
            lon: incident.lon,
            address: incident.address,
            summary: incident.summary,
          },
          issuedAt,
        };
        this.outbox.enqueue(o.orderId, topics.orders(o.unitId), JSON.stringify(msg));
      }
    });
    this.outbox.drain();
    const views = orders.map((o) => this.mustOrder(o.orderId));
    this.events.incident(this.mustIncident(incident.id));
    for (const v of views) this.events.order(v);
    this.units.touch(unitIds);
    return views;
  }

  /** A device's answer to an order. Returns a reason when it is not accepted. */
  onAck(unitId: string, msg: AckMsg): string | null {
    const order = this.queries.order(msg.orderId);
    if (!order) return `unknown order ${msg.orderId}`;
    if (order.unitId !== unitId) return `order ${msg.orderId} belongs to another unit`;
    if (order.state === 'acknowledged' || order.state === 'refused' || order.state === 'cancelled') return null; // duplicate
    this.store.append(
      'order.answered',
      { orderId: order.id, accepted: msg.accepted, ts: msg.ts, reason: msg.reason ?? null },
      { actor: `device:${unitId}`, consoleId: this.opts.consoleId },
    );
    this.events.order(this.mustOrder(order.id));
    this.units.touch([unitId]);
    return null;
  }

  /** Marks orders unanswered past the timeout. Called on a timer. */
  checkTimeouts(): void {
    const late = this.queries.unansweredBefore(this.store.now() - this.opts.ackTimeoutMs);
    for (const o of late) {
      this.store.append('order.no_answer', { orderId: o.id, timeoutMs: this.opts.ackTimeoutMs }, { actor: 'system', consoleId: this.opts.consoleId });
      this.events.order(this.mustOrder(o.id));
      this.units.touch([o.unitId]);
    }
  }

  /** After a unit's status report: the incident may have moved on (on scene). */
  onUnitStatus(unitId: string): void {
    const u = this.queries.unit(unitId);
    const incidentId = u?.incidentId;
    if (incidentId) this.events.incident(this.mustIncident(incidentId));
  }

  private mustIncident(id: string): IncidentView {
    const i = this.queries.incident(id);
    if (!i) throw new ApiError('not_found', `no incident ${id}`);
    return i;
  }

  private mustOrder(id: string): OrderView {
    const o = this.queries.order(id);
    if (!o) throw new ApiError('not_found', `no order ${id}`);
    return o;
  }
}
