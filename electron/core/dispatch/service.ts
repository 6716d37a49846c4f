/**
 * Dispatch: create an incident of a catalog type (warning of possible duplicates), recommend
 * its plan's units, dispatch them with one call, escalate to the next alarm level, and replace
 * a unit that refused or did not answer with the next best.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type ApiInput, type ApiResults, type CallContext } from '../../../shared/api.js';
import { DEFAULT_DUPLICATE_RULE, possibleDuplicates, type DuplicateRule } from '../../../shared/domain/duplicates.js';
import { maxLevel, planNeeds } from '../../../shared/domain/plan.js';
import { pickedUnitIds, recommend, type RecommendOptions } from '../../../shared/domain/recommend.js';
import type { ClosedArea } from '../../../shared/domain/roads.js';
import type { IncidentView, OrderView, RecommendationView } from '../../../shared/model.js';
import type { Catalog } from '../../../shared/schemas/catalog.js';
import type { UnitTracker } from '../field/units.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';
import type { OrderDesk, OrderEvents } from './orders.js';

export interface DispatchOptions {
  readonly recommend?: RecommendOptions;
  readonly duplicates?: DuplicateRule;
  /** Areas closed to traffic now (road-closure warnings): routed ETAs drive around them. */
  readonly closures?: () => readonly ClosedArea[];
}

export class DispatchService {
  constructor(
    private readonly store: Store,
    private readonly queries: Queries,
    private readonly catalog: Catalog,
    private readonly orders: OrderDesk,
    private readonly units: UnitTracker,
    private readonly events: OrderEvents,
    private readonly opts: DispatchOptions = {},
  ) {}

  createIncident(input: ApiInput<'incidents.create'>, ctx: CallContext): ApiResults['incidents.create'] {
    const type = this.catalog.incidentTypes.find((t) => t.id === input.type);
    if (!type) throw new ApiError('bad_request', `type: unknown incident type "${input.type}"`);
    const duplicates = this.nearby(input).duplicates;
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
    return { incident, recommendation: this.recommend(id), duplicates };
  }

  nearby(q: { type: string; lat: number; lon: number }): { duplicates: IncidentView[] } {
    const rule = this.opts.duplicates ?? DEFAULT_DUPLICATE_RULE;
    const now = this.store.now();
    return { duplicates: possibleDuplicates(this.catalog, this.queries.openIncidentsSince(now - rule.windowMs), { type: q.type, at: q, now }, rule) };
  }

  /** The units still needed for the incident's plan at `level` (default: its current level). */
  recommend(incidentId: string, level?: number, opts: { onlyLevel?: boolean; exclude?: ReadonlySet<string> } = {}): RecommendationView {
    const incident = this.mustIncident(incidentId);
    const lvl = level ?? incident.level;
    const committed = new Map<string, number>();
    for (const u of this.queries.unitsOn(incidentId)) if (u.type) committed.set(u.type, (committed.get(u.type) ?? 0) + 1);
    const needs = planNeeds(this.catalog, { incidentType: incident.type, level: lvl, onlyLevel: opts.onlyLevel, committed });
    return recommend(
      this.catalog,
      { incidentId, incidentType: incident.type, at: incident, level: lvl, needs, index: this.units.index, now: this.store.now(), exclude: opts.exclude ?? this.triedUnits(incidentId), closed: this.opts.closures?.() },
      this.opts.recommend,
    );
  }

  dispatch(input: ApiInput<'incidents.dispatch'>, ctx: CallContext): OrderView[] {
    const incident = this.mustOpen(input.incidentId);
    const unitIds = input.unitIds ?? pickedUnitIds(this.recommend(incident.id));
    this.orders.checkDispatchable(unitIds);
    const ids = this.store.tx(() => this.orders.issue(incident, unitIds, incident.level, ctx));
    return this.orders.announce([incident.id], ids);
  }

  escalate(incidentId: string, ctx: CallContext): ApiResults['incidents.escalate'] {
    const incident = this.mustOpen(incidentId);
    const next = incident.level + 1;
    if (next > maxLevel(this.catalog, incident.type)) throw new ApiError('conflict', `incident #${incident.number} is already at its highest alarm level (${incident.level})`);
    const recommendation = this.recommend(incidentId, next, { onlyLevel: true });
    const unitIds = pickedUnitIds(recommendation);
    const ids = this.store.tx(() => {
      this.store.append('incident.escalated', { incidentId, level: next }, ctx);
      return unitIds.length ? this.orders.issue(this.mustIncident(incidentId), unitIds, next, ctx) : [];
    });
    const orders = this.orders.announce([incidentId], ids);
    return { incident: this.mustIncident(incidentId), orders, recommendation };
  }

  /** Sends the next-best unit of the same type in place of a refused, unanswered or cancelled order. */
  replace(orderId: string, ctx: CallContext): ApiResults['orders.replace'] {
    const old = this.orders.must(orderId);
    if (!['refused', 'no_answer', 'cancelled'].includes(old.state)) throw new ApiError('conflict', `order ${orderId} is ${old.state}: nothing to replace`);
    const incident = this.mustOpen(old.incidentId);
    const oldType = this.queries.unit(old.unitId)?.type;
    const recommendation = this.recommend(incident.id);
    const pick = recommendation.slots.find((s) => s.unitType === oldType)?.picks[0];
    if (!pick) return { order: null, recommendation };
    const ids = this.store.tx(() => this.orders.issue(incident, [pick.unitId], incident.level, ctx));
    return { order: this.orders.announce([incident.id], ids)[0], recommendation };
  }

  /** Units that already refused, did not answer or were cancelled on this incident: not offered again. */
  private triedUnits(incidentId: string): Set<string> {
    return new Set(this.queries.ordersOf(incidentId).filter((o) => o.state === 'refused' || o.state === 'no_answer' || o.state === 'cancelled').map((o) => o.unitId));
  }

  mustIncident(id: string): IncidentView {
    const i = this.queries.incident(id);
    if (!i) throw new ApiError('not_found', `no incident ${id}`);
    return i;
  }

  mustOpen(id: string): IncidentView {
    const i = this.mustIncident(id);
    if (i.status === 'closed') throw new ApiError('conflict', `incident #${i.number} is closed`);
    return i;
  }
}
