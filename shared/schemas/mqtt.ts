/**
 * MQTT contract v1. Topics and payloads exchanged with field devices. Extend, never break:
 * new optional fields are fine, renamed or retyped ones are not.
 */
import { z } from 'zod';
import { UNIT_STATUSES } from '../model.js';
import { describeZodError, epochMsSchema, ID_PATTERN, idSchema, latSchema, lonSchema, parseJsonStrict } from './common.js';

export const TOPIC_PREFIX = 'qx/v1';
/** Largest payload the console reads; anything longer is rejected unread. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export const topics = {
  position: (unitId: string) => `${TOPIC_PREFIX}/units/${unitId}/position`,
  status: (unitId: string) => `${TOPIC_PREFIX}/units/${unitId}/status`,
  orders: (unitId: string) => `${TOPIC_PREFIX}/units/${unitId}/orders`,
  ack: (unitId: string) => `${TOPIC_PREFIX}/units/${unitId}/ack`,
  consolePresence: (consoleId: string) => `${TOPIC_PREFIX}/consoles/${consoleId}/presence`,
} as const;

/** Subscriptions the console makes. */
export const CONSOLE_SUBSCRIPTIONS: readonly string[] = [
  `${TOPIC_PREFIX}/units/+/position`,
  `${TOPIC_PREFIX}/units/+/status`,
  `${TOPIC_PREFIX}/units/+/ack`,
];

const shortText = (max: number) => z.string().max(max);

export const positionSchema = z.object({
  lat: latSchema,
  lon: lonSchema,
  ts: epochMsSchema,
  speed: z.number().min(0).max(150).optional(),
  heading: z.number().min(0).max(360).optional(),
  acc: z.number().min(0).max(100_000).optional(),
});
export type PositionMsg = z.infer<typeof positionSchema>;

export const statusSchema = z.object({
  status: z.enum(UNIT_STATUSES),
  ts: epochMsSchema,
  orderId: idSchema.optional(),
});
export type StatusMsg = z.infer<typeof statusSchema>;

export const ackSchema = z.object({
  orderId: idSchema,
  accepted: z.boolean(),
  ts: epochMsSchema,
  reason: shortText(500).optional(),
});
export type AckMsg = z.infer<typeof ackSchema>;

export const orderSchema = z.object({
  orderId: idSchema,
  kind: z.enum(['dispatch', 'cancel']),
  incidentId: idSchema,
  incident: z.object({
    type: idSchema,
    priority: z.number().int().min(1).max(9),
    lat: latSchema,
    lon: lonSchema,
    address: shortText(500),
    summary: shortText(2000),
  }),
  issuedAt: epochMsSchema,
  /** Set on every order of a drill console (which publishes only under qx-drill/v1). */
  drill: z.boolean().optional(),
});
export type OrderMsg = z.infer<typeof orderSchema>;

export type UnitTopicKind = 'position' | 'status' | 'ack' | 'orders';

/** Splits `qx/v1/units/{id}/{kind}`; null for any other topic. */
export function parseUnitTopic(topic: string): { unitId: string; kind: UnitTopicKind } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_PREFIX || parts[2] !== 'units') return null;
  const unitId = parts[3];
  const kind = parts[4];
  if (!ID_PATTERN.test(unitId)) return null;
  if (kind !== 'position' && kind !== 'status' && kind !== 'ack' && kind !== 'orders') return null;
  return { unitId, kind };
}

/** One decoder for every call: a fatal, non-streaming decode keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** How far a device clock may run ahead of the console, and how old a message may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_AGE_MS = 24 * 3_600_000;

/** Decodes one payload: size, UTF-8, JSON, prototype keys, schema, then timestamp sanity. */
export function decodePayload<T extends object>(
  schema: z.ZodType<T>,
  payload: Uint8Array,
  now: number,
): Decoded<T> {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) return { ok: false, reason: `payload too large (${payload.byteLength} bytes)` };
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return { ok: false, reason: 'payload is not valid UTF-8' };
  }
  let raw: unknown;
  try {
    raw = parseJsonStrict(text);
  } catch (e) {
    return { ok: false, reason: `not JSON: ${(e as Error).message}` };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeZodError(parsed.error) };
  const stamped = parsed.data as { ts?: unknown; issuedAt?: unknown };
  const ts = typeof stamped.ts === 'number' ? stamped.ts : typeof stamped.issuedAt === 'number' ? stamped.issuedAt : undefined;
  const late = timestampProblem(ts, now);
  return late ? { ok: false, reason: late } : { ok: true, value: parsed.data };
}

/** Why a device timestamp (epoch ms) cannot be believed, or null. */
export function timestampProblem(ts: number | undefined, now: number): string | null {
  if (ts === undefined) return null;
  if (ts > now + CLOCK_SKEW_MS) return 'timestamp is in the future';
  if (ts < now - MAX_AGE_MS) return 'timestamp is too old';
  return null;
}
