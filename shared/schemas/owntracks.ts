/**
 * OwnTracks (https://owntracks.org/booklet/tech/json/): the phone app publishes JSON on
 * `owntracks/{user}/{device}`. A roster row whose `owntracks` column holds `{user}/{device}` makes
 * that phone a field unit. Location messages become v1 positions; the rest are noted and ignored.
 */
import { z } from 'zod';
import type { PositionMsg } from './mqtt.js';
import { latSchema, lonSchema } from './common.js';

export const OWNTRACKS_SUBSCRIPTION = 'owntracks/+/+';

/** `owntracks/{user}/{device}` → `user/device`; null for other topics (e.g. `…/event`, `…/cmd`). */
export function parseOwnTracksTopic(topic: string): string | null {
  const parts = topic.split('/');
  if (parts.length !== 3 || parts[0] !== 'owntracks') return null;
  const ok = (s: string): boolean => /^[A-Za-z0-9_.@-]{1,64}$/.test(s);
  return ok(parts[1]) && ok(parts[2]) ? `${parts[1]}/${parts[2]}` : null;
}

export const ownTracksLocationSchema = z.object({
  _type: z.literal('location'),
  lat: latSchema,
  lon: lonSchema,
  /** Epoch seconds. */
  tst: z.number().int().min(946_684_800).max(4_102_444_800),
  tid: z.string().max(8).optional(),
  acc: z.number().min(0).max(100_000).optional(),
  /** km/h */
  vel: z.number().min(0).max(500).optional(),
  /** course over ground, degrees */
  cog: z.number().min(0).max(360).optional(),
  batt: z.number().min(0).max(100).optional(),
});

/** Any other message type the app sends (lwt, transition, waypoint, card, status…). */
export const ownTracksOtherSchema = z.object({ _type: z.string().max(32) });

export type OwnTracksLocation = z.infer<typeof ownTracksLocationSchema>;

export function ownTracksToPosition(m: OwnTracksLocation): PositionMsg & { ts: number } {
  return {
    lat: m.lat,
    lon: m.lon,
    ts: m.tst * 1000,
    ...(m.vel !== undefined ? { speed: Math.min(150, m.vel / 3.6) } : {}),
    ...(m.cog !== undefined ? { heading: m.cog } : {}),
    ...(m.acc !== undefined ? { acc: m.acc } : {}),
  };
}

/** The roster's optional column: which phone is which unit. */
export const ownTracksIdSchema = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}\/[A-Za-z0-9_.@-]{1,64}$/, 'must be {user}/{device}');
