/**
 * A fast path for the message that arrives thousands of times a second: a v1 position as devices
 * send it (a flat JSON object of numbers). It accepts exactly what `decodePayload(positionSchema, …)`
 * accepts among such payloads and returns the same value; anything else — every payload it would
 * reject, and every unusual one (other keys, nesting, non-numbers) — it leaves to that reference
 * path (null), so rejections keep their exact reasons and counts. The zod schema stays the
 * contract: test/unit/shared/schemas/position-fast.test.ts proves the equivalence on 200,000
 * generated payloads and checks that these limits are the schema's.
 */
import { CLOCK_SKEW_MS, decodePayload, MAX_AGE_MS, MAX_PAYLOAD_BYTES, positionSchema, type Decoded, type PositionMsg } from './mqtt.js';

/** The bounds of positionSchema (and common.ts's lat/lon/epoch schemas), inclusive. */
export const POSITION_LIMITS = {
  lat: [-90, 90],
  lon: [-180, 180],
  ts: [946_684_800_000, 4_102_444_800_000],
  speed: [0, 150],
  heading: [0, 360],
  acc: [0, 100_000],
} as const;

/** One decoder for every call: a fatal, non-streaming decode keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

const within = (v: unknown, [lo, hi]: readonly [number, number]): v is number => typeof v === 'number' && v >= lo && v <= hi;
const optional = (v: unknown, range: readonly [number, number]): boolean => v === undefined || within(v, range);

/**
 * The position in `payload` when it is a plain, valid v1 position whose timestamp the console
 * believes at `now`; null when the reference decoder must decide (and give the reason).
 */
export function decodePositionFast(payload: Uint8Array, now: number): PositionMsg | null {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(utf8.decode(payload));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  // Only the contract's keys: anything else (extra fields, __proto__ …) goes the reference way.
  for (const k in o) if (k !== 'lat' && k !== 'lon' && k !== 'ts' && k !== 'speed' && k !== 'heading' && k !== 'acc') return null;
  const { lat, lon, ts, speed, heading, acc } = o;
  const L = POSITION_LIMITS;
  if (!within(lat, L.lat) || !within(lon, L.lon) || !within(ts, L.ts) || !Number.isInteger(ts)) return null;
  if (!optional(speed, L.speed) || !optional(heading, L.heading) || !optional(acc, L.acc)) return null;
  if (ts > now + CLOCK_SKEW_MS || ts < now - MAX_AGE_MS) return null;
  const msg: { -readonly [K in keyof PositionMsg]: PositionMsg[K] } = { lat, lon, ts };
  if (speed !== undefined) msg.speed = speed as number;
  if (heading !== undefined) msg.heading = heading as number;
  if (acc !== undefined) msg.acc = acc as number;
  return msg;
}

/** A v1 position payload decoded: the fast path when it applies, else the schema with its reason. */
export function decodePosition(payload: Uint8Array, now: number): Decoded<PositionMsg> {
  const fast = decodePositionFast(payload, now);
  return fast ? { ok: true, value: fast } : decodePayload(positionSchema, payload, now);
}
