/** The WebSocket framing of the app API (browser and wall clients). */
import { z } from 'zod';
import { API_ERROR_CODES, API_NAMES, type ApiErrorCode, type Push } from './api.js';
import type { Role } from './roles.js';

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('auth'), token: z.string().min(1).max(200), actor: z.string().min(1).max(64).optional() }).strict(),
  z
    .object({
      t: z.literal('call'),
      id: z.number().int().nonnegative(),
      name: z.enum(API_NAMES),
      input: z.unknown(),
    })
    .strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { readonly t: 'ready'; readonly consoleId: string; readonly actor: string; readonly role: Role }
  | { readonly t: 'result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly t: 'result'; readonly id: number; readonly ok: false; readonly error: { code: ApiErrorCode; message: string } }
  | { readonly t: 'push'; readonly push: Push }
  | { readonly t: 'denied'; readonly reason: string };

export const errorCodeSchema = z.enum(API_ERROR_CODES);

/** WebSocket close code for a failed login. */
export const WS_CLOSE_UNAUTHORIZED = 4401;
