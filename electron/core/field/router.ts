/**
 * The field router: which topic carries which format, and where it goes. Every payload is decoded
 * and validated here; a rejection is counted per source with its reason and never thrown.
 */
import {
  ackSchema,
  CONSOLE_SUBSCRIPTIONS,
  decodePayload,
  parseUnitTopic,
  statusSchema,
  timestampProblem,
  type AckMsg,
  type PositionMsg,
  type StatusMsg,
} from '../../../shared/schemas/mqtt.js';
import { OWNTRACKS_SUBSCRIPTION, ownTracksLocationSchema, ownTracksOtherSchema, ownTracksToPosition, parseOwnTracksTopic } from '../../../shared/schemas/owntracks.js';
import { decodePosition } from '../../../shared/schemas/position-fast.js';
import type { Diagnostics } from '../diagnostics.js';
import { FIELD_SUBSCRIPTIONS } from '../../../shared/schemas/field.js';
import { fieldSource, routeField, type FieldIntake } from '../warnings/field.js';

export interface FieldHandlers {
  position(unitId: string, msg: PositionMsg): void;
  status(unitId: string, msg: StatusMsg): void;
  /** Returns a reason when the ack is refused (unknown order, another unit's order). */
  ack(unitId: string, msg: AckMsg): string | null;
}

export class FieldRouter {
  readonly subscriptions: readonly string[] = [...CONSOLE_SUBSCRIPTIONS, OWNTRACKS_SUBSCRIPTION, ...FIELD_SUBSCRIPTIONS];

  /** `ownTracks`: OwnTracks `{user}/{device}` → unit id, from the roster. */
  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly handlers: FieldHandlers,
    private readonly now: () => number = Date.now,
    private readonly ownTracks: ReadonlyMap<string, string> = new Map(),
    private readonly field?: FieldIntake,
  ) {}

  receive(topic: string, payload: Buffer): void {
    const d = this.diagnostics;
    const source = fieldSource(topic);
    if (source && this.field) {
      const field = this.field;
      this.guard(source, topic, () => routeField(field, topic, payload, this.now()));
      return;
    }
    if (topic.startsWith('owntracks/')) {
      this.guard('owntracks', topic, () => this.ownTracksMessage(topic, payload));
      return;
    }
    const t = parseUnitTopic(topic);
    if (!t || t.kind === 'orders') {
      d.reject('mqtt', topic, 'unknown topic');
      return;
    }
    const { unitId, kind } = t;
    this.guard(`mqtt:${kind}`, topic, () => this.route(unitId, kind, payload));
  }

  /** Runs one handler; counts its verdict (a reason, or accepted) and any exception. */
  private guard(source: string, topic: string, fn: () => string | null): void {
    try {
      const reason = fn();
      if (reason) this.diagnostics.reject(source, topic, reason);
      else this.diagnostics.accept(source);
    } catch (e) {
      this.diagnostics.reject(source, topic, `internal error: ${(e as Error).message}`);
    }
  }

  /** An OwnTracks phone: its location moves the unit it is rostered to; other message types are ignored. */
  private ownTracksMessage(topic: string, payload: Buffer): string | null {
    const id = parseOwnTracksTopic(topic);
    if (!id) return topic.split('/').length > 3 ? null : 'not an OwnTracks device topic'; // …/event, …/cmd: not ours
    const unitId = this.ownTracks.get(id);
    if (!unitId) return `OwnTracks device ${id} is on no roster row (column owntracks)`;
    const now = this.now();
    const any = decodePayload(ownTracksOtherSchema, payload, now);
    if (!any.ok) return any.reason;
    if (any.value._type !== 'location') return null;
    const loc = decodePayload(ownTracksLocationSchema, payload, now);
    if (!loc.ok) return loc.reason;
    const pos = ownTracksToPosition(loc.value);
    const late = timestampProblem(pos.ts, now);
    if (late) return late;
    this.handlers.position(unitId, pos);
    return null;
  }

  /** Decodes and hands on one message; returns the reason when it is rejected. */
  private route(unitId: string, kind: 'position' | 'status' | 'ack', payload: Buffer): string | null {
    const now = this.now();
    const h = this.handlers;
    if (kind === 'position') {
      // The common case without zod; anything unusual (and every rejection) takes the schema.
      const r = decodePosition(payload, now);
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
