/**
 * The field router: which topic carries which format, and where it goes. Every payload is decoded
 * and validated here; a rejection is counted per source with its reason and never thrown.
 */
import {
  ackSchema,
  CONSOLE_SUBSCRIPTIONS,
  decodePayload,
  parseUnitTopic,
  positionSchema,
  statusSchema,
  type AckMsg,
  type PositionMsg,
  type StatusMsg,
} from '../../../shared/schemas/mqtt.js';
import type { Diagnostics } from '../diagnostics.js';

export interface FieldHandlers {
  position(unitId: string, msg: PositionMsg): void;
  status(unitId: string, msg: StatusMsg): void;
  /** Returns a reason when the ack is refused (unknown order, another unit's order). */
  ack(unitId: string, msg: AckMsg): string | null;
}

export class FieldRouter {
  readonly subscriptions: readonly string[] = CONSOLE_SUBSCRIPTIONS;

  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly handlers: FieldHandlers,
    private readonly now: () => number = Date.now,
  ) {}

  receive(topic: string, payload: Buffer): void {
    const d = this.diagnostics;
    const t = parseUnitTopic(topic);
    if (!t || t.kind === 'orders') {
      d.reject('mqtt', topic, 'unknown topic');
      return;
    }
    const source = `mqtt:${t.kind}`;
    try {
      const reason = this.route(t.unitId, t.kind, payload);
      if (reason) d.reject(source, topic, reason);
      else d.accept(source);
    } catch (e) {
      d.reject(source, topic, `internal error: ${(e as Error).message}`);
    }
  }

  /** Decodes and hands on one message; returns the reason when it is rejected. */
  private route(unitId: string, kind: 'position' | 'status' | 'ack', payload: Buffer): string | null {
    const now = this.now();
    const h = this.handlers;
    if (kind === 'position') {
      const r = decodePayload(positionSchema, payload, now);
      if (!r.ok) return r.reason;
      h.position(unitId, r.value);
    } else if (kind === 'status') {
      const r = decodePayload(statusSchema, payload, now);
      if (!r.ok) return r.reason;
      h.status(unitId, r.value);
    } else {
      const r = decodePayload(ackSchema, payload, now);
      if (!r.ok) return r.reason;
      return h.ack(unitId, r.value);
    }
    return null;
  }
}
