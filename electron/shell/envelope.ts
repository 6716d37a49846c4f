/**
 * The reply shape of every API call over IPC, shared by main (ipc.ts) and preload.
 *
 * Electron copies a thrown error across IPC as a plain Error whose message is prefixed with
 * "Error invoking remote method …" and whose `code` is gone, so handlers never throw: they
 * return this envelope, and the preload turns a failure back into an ApiError.
 * This module must stay free of Node and Electron imports: the sandboxed preload bundles it.
 */
import { API_ERROR_CODES, ApiError, type ApiErrorCode } from '../../shared/api-names.js';

export interface IpcFailure {
  readonly ok: false;
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}
export type IpcResult = { readonly ok: true; readonly value: unknown } | IpcFailure;

export const success = (value: unknown): IpcResult => ({ ok: true, value });

/** ApiErrors keep their code and message; anything else is an internal error whose details stay in main. */
export function failure(e: unknown): IpcFailure {
  if (e instanceof ApiError) return { ok: false, error: { code: e.code, message: e.message } };
  return { ok: false, error: { code: 'internal', message: 'internal error' } };
}

const isCode = (c: unknown): c is ApiErrorCode => typeof c === 'string' && (API_ERROR_CODES as readonly string[]).includes(c);

/** The call's value, or throws the ApiError the main process reported. */
export function unwrap(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return reply.value;
    if (reply.ok === false && 'error' in reply && typeof reply.error === 'object' && reply.error !== null) {
      const { code, message } = reply.error as { code?: unknown; message?: unknown };
      throw new ApiError(isCode(code) ? code : 'internal', typeof message === 'string' ? message : 'internal error');
    }
  }
  throw new ApiError('internal', 'malformed reply from the console core');
}
