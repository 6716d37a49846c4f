/**
 * The incident lifecycle beyond dispatch: under control, closed (only with no unit still
 * assigned, and with a disposition), narrative notes, links between incidents, status set by the
 * dispatcher, and reassignment of a unit from a lower-priority incident.
 */
import { ApiError, type ApiInput, type ApiResults, type CallContext } from '../../../shared/api.js';
import type { IncidentView, NoteView, UnitView } from '../../../shared/model.js';
import type { UnitTracker } from '../field/units.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';
import type { OrderDesk, OrderEvents } from './orders.js';
import type { DispatchService } from './service.js';

export class IncidentLifecycle {
  constructor(
    private readonly store: Store,
    private readonly queries: Queries,
    private readonly dispatch: DispatchService,
    private readonly orders: OrderDesk,
    private readonly units: UnitTracker,
    private readonly events: OrderEvents,
  ) {}

  setStatus(input: ApiInput<'incidents.setStatus'>, ctx: CallContext): IncidentView {
    const incident = this.dispatch.mustOpen(input.incidentId);
    if (input.status === 'closed') {
      if (!input.disposition) throw new ApiError('bad_request', 'disposition: closing needs a disposition');
      const still = this.queries.unitsOn(incident.id);
      if (still.length) throw new ApiError('conflict', `units still assigned: ${still.map((u) => u.id).join(', ')} — clear or cancel them before closing`);
    } else if (incident.status === 'under_control') return incident;
    this.store.append('incident.status', { incidentId: incident.id, status: input.status, disposition: input.disposition ?? null }, ctx);
    const updated = this.dispatch.mustIncident(incident.id);
    this.events.incident(updated);
    return updated;
  }

  addNote(input: ApiInput<'incidents.addNote'>, ctx: CallContext): NoteView {
    const incident = this.dispatch.mustIncident(input.incidentId);
    const e = this.store.append('incident.note', { incidentId: incident.id, text: input.text }, ctx);
    this.events.incident(this.dispatch.mustIncident(incident.id));
    return { id: e.id, incidentId: incident.id, at: e.at, actor: e.actor, text: input.text };
  }

  link(input: ApiInput<'incidents.link'>, ctx: CallContext): { ok: true } {
    if (input.incidentId === input.otherId) throw new ApiError('bad_request', 'otherId: an incident cannot be linked to itself');
    this.dispatch.mustIncident(input.incidentId);
    this.dispatch.mustIncident(input.otherId);
    this.store.append('incident.linked', input, ctx);
    return { ok: true };
  }

  setUnitStatus(input: ApiInput<'units.setStatus'>, ctx: CallContext): UnitView {
    const unit = this.queries.unit(input.unitId);
    if (!unit) throw new ApiError('not_found', `no unit ${input.unitId}`);
    this.store.append('unit.status', { unitId: unit.id, status: input.status, ts: this.store.now(), orderId: null }, ctx);
    if (unit.incidentId) {
      const i = this.queries.incident(unit.incidentId);
      if (i) this.events.incident(i);
    }
    this.units.touch([unit.id]);
    this.units.flush();
    return this.queries.unit(unit.id) as UnitView;
  }

  /** Takes a committed unit from a lower-priority incident; the old order is cancelled with the reason. */
  reassign(input: ApiInput<'units.reassign'>, ctx: CallContext): ApiResults['units.reassign'] {
    const unit = this.queries.unit(input.unitId);
    if (!unit) throw new ApiError('not_found', `no unit ${input.unitId}`);
    const to = this.dispatch.mustOpen(input.incidentId);
    if (unit.incidentId === null) throw new ApiError('conflict', `unit ${unit.id} is not assigned: dispatch it directly`);
    if (unit.incidentId === to.id) throw new ApiError('conflict', `unit ${unit.id} is already on incident #${to.number}`);
    const from = this.dispatch.mustIncident(unit.incidentId);
    if (from.priority < to.priority)
      throw new ApiError('conflict', `incident #${from.number} has a higher priority (${from.priority}) than #${to.number} (${to.priority})`);
    const old = this.queries.ordersOf(from.id).find((o) => o.unitId === unit.id && o.kind === 'dispatch' && o.clearedAt === null && o.state !== 'cancelled');
    if (!old) throw new ApiError('conflict', `unit ${unit.id} has no open order on incident #${from.number}`);
    const ids = this.store.tx(() => {
      this.orders.cancelInTx(old, from, `reassigned to #${to.number}: ${input.reason}`, ctx);
      return this.orders.issue(to, [unit.id], to.level, ctx);
    });
    const [cancelled, order] = this.orders.announce([from.id, to.id], [old.id, ...ids]);
    return { cancelled, order };
  }
}
