/** REST API v1 for other systems: a thin mapping of HTTP routes onto the app API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, HTTP_STATUS, type ApiName, type CallContext } from '../../shared/api.js';
import { parseJsonStrict } from '../../shared/schemas/common.js';
import type { Core } from '../core/core.js';
import { handleCasesRest } from './cases-rest.js';

const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

export function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof ApiError) sendJson(res, HTTP_STATUS[e.code], { error: e.message, code: e.code });
  else sendJson(res, 500, { error: 'internal error', code: 'internal' });
}

export async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw new ApiError('bad_request', `body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readRaw(req, MAX_BODY_BYTES);
  if (raw.byteLength === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ApiError('bad_request', 'body is not valid UTF-8');
  }
  try {
    return parseJsonStrict(text);
  } catch (e) {
    throw new ApiError('bad_request', `body is not valid JSON: ${(e as Error).message}`);
  }
}

interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly run: (core: Core, m: RegExpExecArray, body: () => Promise<unknown>, ctx: CallContext, raw: (limit: number) => Promise<Buffer>) => Promise<[number, unknown]>;
}

/** A CAP document may be larger than a JSON call; the CAP parser enforces its own 256 KiB limit. */
const MAX_CAP_BYTES = 256 * 1024;

const call = (core: Core, name: ApiName, input: unknown, ctx: CallContext) => core.call(name, input, ctx, 'rest');

const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/health$/,
    run: async (core) => [200, { ok: true, consoleId: core.consoleId, link: core.link(), diagnostics: core.diagnostics.view() }],
  },
  {
    method: 'GET',
    pattern: /^\/api\/units$/,
    run: async (core, _m, _b, ctx) => [200, { units: ((await call(core, 'session.snapshot', {}, ctx)) as { units: unknown }).units }],
  },
  {
    method: 'GET',
    pattern: /^\/api\/incidents$/,
    run: async (core, _m, _b, ctx) => [200, { incidents: ((await call(core, 'session.snapshot', {}, ctx)) as { incidents: unknown }).incidents }],
  },
  {
    method: 'GET',
    pattern: /^\/api\/incidents\/([^/]+)$/,
    run: async (core, m, _b, ctx) => [200, await call(core, 'incidents.get', { incidentId: m[1] }, ctx)],
  },
  {
    method: 'POST',
    pattern: /^\/api\/incidents$/,
    run: async (core, _m, body, ctx) => [201, await call(core, 'incidents.create', await body(), ctx)],
  },
  {
    method: 'GET',
    pattern: /^\/api\/maps$/,
    run: async (core, _m, _b, ctx) => [200, await call(core, 'maps.list', {}, ctx)],
  },
  {
    method: 'GET',
    pattern: /^\/api\/warnings$/,
    run: async (core) => [200, core.warnings.activeWarnings()],
  },
  {
    method: 'POST',
    pattern: /^\/api\/alerts\/cap$/,
    run: async (core, _m, _b, ctx, raw) => {
      const body = await raw(MAX_CAP_BYTES);
      try {
        return [201, core.warnings.importCapBody(body, ctx)];
      } catch (e) {
        if (e instanceof ApiError) core.diagnostics.reject('rest', 'POST /api/alerts/cap', e.message);
        throw e;
      }
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/incidents\/([^/]+)\/dispatch$/,
    run: async (core, m, body, ctx) => {
      const b = await body();
      const input = typeof b === 'object' && b !== null && !Array.isArray(b) ? { ...b, incidentId: m[1] } : b;
      return [200, await call(core, 'incidents.dispatch', input, ctx)];
    },
  },
];

/** Handles /api/* requests (already authenticated). */
export async function handleRest(core: Core, req: IncomingMessage, res: ServerResponse, path: string, ctx: CallContext): Promise<void> {
  if (await handleCasesRest(core, req, res, path, ctx)) return;
  const candidates = ROUTES.filter((r) => r.pattern.test(path));
  const route = candidates.find((r) => r.method === req.method);
  if (!route) {
    if (candidates.length) sendJson(res, 405, { error: `method ${req.method ?? ''} not allowed`, code: 'bad_request' });
    else sendJson(res, 404, { error: `no route ${path}`, code: 'not_found' });
    return;
  }
  const counted = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: unknown) => {
      core.diagnostics.reject('rest', `${req.method ?? ''} ${path}`, (e as Error).message);
      throw e;
    });
  const body = (): Promise<unknown> => counted(readBody(req));
  const raw = (limit: number): Promise<Buffer> => counted(readRaw(req, limit));
  try {
    const [status, result] = await route.run(core, route.pattern.exec(path) as RegExpExecArray, body, ctx, raw);
    sendJson(res, status, result);
  } catch (e) {
    sendError(res, e);
  }
}
