/**
 * The unit status board's timers: which unit has been too long in a state. Pure, so the renderer
 * can tick it every second and tests can pin it.
 */
import type { OrderView, UnitView } from '../model.js';

export interface StatusThresholds {
  /** An order not acknowledged after this long. */
  readonly ackMs: number;
  /** Acknowledged but not en route after this long. */
  readonly enRouteMs: number;
  /** On scene for longer than this. */
  readonly onSceneMs: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { ackMs: 30_000, enRouteMs: 90_000, onSceneMs: 60 * 60_000 };

export type StatusWarning = 'not_acknowledged' | 'not_en_route' | 'long_on_scene';

export function statusWarning(unit: UnitView, order: OrderView | undefined, now: number, t: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): StatusWarning | null {
  if (order && order.kind === 'dispatch' && order.clearedAt === null) {
    if ((order.state === 'queued' || order.state === 'sent') && now - order.issuedAt > t.ackMs) return 'not_acknowledged';
    if (order.state === 'acknowledged' && order.enRouteAt === null && order.answeredAt !== null && now - order.answeredAt > t.enRouteMs)
      return 'not_en_route';
  }
  if (unit.status === 'on_scene' && now - unit.statusSince > t.onSceneMs) return 'long_on_scene';
  return null;
}

/** The order a unit is working on: its newest dispatch order on its current incident. */
export function activeOrder(unit: UnitView, orders: Iterable<OrderView>): OrderView | undefined {
  let best: OrderView | undefined;
  for (const o of orders) {
    if (o.unitId !== unit.id || o.incidentId !== unit.incidentId || o.kind !== 'dispatch') continue;
    if (!best || o.issuedAt > best.issuedAt) best = o;
  }
  return best;
}

/** Available units per agency and type, for the board's header. */
export function availability(units: Iterable<UnitView>): Map<string, { available: number; total: number; byType: Map<string, number> }> {
  const out = new Map<string, { available: number; total: number; byType: Map<string, number> }>();
  for (const u of units) {
    if (!u.registered || u.agency === null) continue;
    const a = out.get(u.agency) ?? { available: 0, total: 0, byType: new Map<string, number>() };
    a.total += 1;
    if (u.status === 'available' && u.incidentId === null) {
      a.available += 1;
      if (u.type) a.byType.set(u.type, (a.byType.get(u.type) ?? 0) + 1);
    }
    out.set(u.agency, a);
  }
  return out;
}
