/**
 * The web host: the same core and UI over HTTP + WebSocket, for wall screens and browsers on the
 * hall's LAN, plus the REST API for other systems. Every API call needs the token.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError, type CallContext, type Push } from '../../shared/api.js';
import { describeZodError, parseJsonStrict } from '../../shared/schemas/common.js';
import { clientMessageSchema, WS_CLOSE_UNAUTHORIZED, type ServerMessage } from '../../shared/wire.js';
import type { Core } from '../core/core.js';
import { bearer, tokenMatches } from './auth.js';
import type { Role } from '../../shared/roles.js';
import { handleRest, sendJson } from './rest.js';
import { handleOpen311 } from './open311.js';
import { resolveStatic, securityHeaders, sendFile } from './static.js';
import { isPanoramaPath, panoramaMedia } from '../core/panorama/http.js';
import { sendMedia } from './panorama.js';

export interface WebHostOptions {
  readonly core: Core;
  /** The console token: full rights (supervisor). */
  readonly token: string;
  /** A read-only token for wall screens and wall controllers (role `wall`); none when absent. */
  readonly wallToken?: string;
  readonly host: string;
  readonly port: number;
  /** Folder of the built renderer (index.html and assets/). */
  readonly rendererDir: string;
  /** Keys accepted as Open311 `api_key` (electron/web/open311.ts); none: the interface is off. */
  readonly open311Keys?: readonly string[];
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_WS_MESSAGE = 256 * 1024;
/** A client that falls this far behind gets no unit batches until it catches up. */
const MAX_BUFFERED = 8 * 1024 * 1024;

/** The role a presented token grants, or null when it matches none. */
export function roleForToken(opts: Pick<WebHostOptions, 'token' | 'wallToken'>, given: string | null | undefined): Role | null {
  if (tokenMatches(opts.token, given)) return 'supervisor';
  if (opts.wallToken !== undefined && tokenMatches(opts.wallToken, given)) return 'wall';
  return null;
}

function peer(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { core } = opts;
  const server: Server = createServer((req, res) => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://host');
    const path = url.pathname;
    if (path.startsWith('/open311/')) {
      void handleOpen311(core, req, res, opts.open311Keys ?? []);
      return;
    }
    if (path.startsWith('/api/')) {
      const role = roleForToken(opts, bearer(req.headers.authorization));
      if (!role) {
        core.diagnostics.reject('rest', `${req.method ?? ''} ${path}`, 'missing or wrong token');
        sendJson(res, 401, { error: 'missing or wrong token: send Authorization: Bearer <token>', code: 'unauthorized' });
        return;
      }
      const ctx: CallContext = { actor: `rest@${peer(req)}`, consoleId: core.consoleId, role };
      void handleRest(core, req, res, path, ctx);
      return;
    }
    if (isPanoramaPath(path) && req.method === 'GET') {
      // Tiles and camera feeds: authorised by the signed key the API handed out (see shared/panorama/api.ts).
      panoramaMedia(core.panorama, path, url.searchParams).then(
        (m) => sendMedia(res, m ?? { status: 404, headers: {}, body: Buffer.alloc(0) }),
        () => sendJson(res, 500, { error: 'internal error', code: 'internal' }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed', code: 'bad_request' });
      return;
    }
    const file = resolveStatic(opts.rendererDir, path === '/' ? '/index.html' : path);
    if (file) return sendFile(res, file);
    // Client-side routes (/, /wall/…) get the app; missing assets get a 404.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      sendJson(res, 404, { error: 'not found', code: 'not_found' });
      return;
    }
    const index = resolveStatic(opts.rendererDir, '/index.html');
    if (index) sendFile(res, index);
    else sendJson(res, 503, { error: 'the renderer is not built: run npm run build', code: 'internal' });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://host').pathname !== '/ws') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(core, opts, ws, peer(req)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Each push serialised and UTF-8 encoded once, however many clients get it (a units batch at
 * 20,000 positions a second is ~6 MB/s of JSON). Keyed on the push object, which the core hands
 * to every listener; gone with it.
 */
const frames = new WeakMap<Push, Buffer>();
function pushFrame(p: Push): Buffer {
  let frame = frames.get(p);
  if (!frame) frames.set(p, (frame = Buffer.from(JSON.stringify({ t: 'push', push: p } satisfies ServerMessage))));
  return frame;
}

function serveSocket(core: Core, tokens: Pick<WebHostOptions, 'token' | 'wallToken'>, ws: WebSocket, from: string): void {
  let ctx: CallContext | null = null;
  let unsubscribe: (() => void) | null = null;
  const send = (m: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const loginTimer = setTimeout(() => ws.close(WS_CLOSE_UNAUTHORIZED, 'no login'), 10_000);

  ws.on('message', (data, isBinary) => {
    if (isBinary) return core.diagnostics.reject('ws', from, 'binary frames are not accepted');
    let msg;
    try {
      const parsed = clientMessageSchema.safeParse(parseJsonStrict(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8')));
      if (!parsed.success) throw new Error(describeZodError(parsed.error));
      msg = parsed.data;
    } catch (e) {
      core.diagnostics.reject('ws', from, `bad message: ${(e as Error).message}`);
      return;
    }
    if (msg.t === 'auth') {
      const role = roleForToken(tokens, msg.token);
      if (!role) {
        core.diagnostics.reject('ws', from, 'missing or wrong token');
        send({ t: 'denied', reason: 'wrong token' });
        ws.close(WS_CLOSE_UNAUTHORIZED, 'wrong token');
        return;
      }
      clearTimeout(loginTimer);
      ctx = { actor: msg.actor ?? (role === 'wall' ? 'wall' : 'dispatcher'), consoleId: `${core.consoleId}/web@${from}`, role };
      send({ t: 'ready', consoleId: core.consoleId, actor: ctx.actor, role });
      unsubscribe ??= core.subscribe((p: Push) => {
        if (ws.readyState !== ws.OPEN || ((p.kind === 'units' || p.kind === 'positions') && ws.bufferedAmount > MAX_BUFFERED)) return;
        ws.send(pushFrame(p), { binary: false });
      });
      return;
    }
    if (!ctx) {
      core.diagnostics.reject('ws', from, 'call before login');
      ws.close(WS_CLOSE_UNAUTHORIZED, 'login first');
      return;
    }
    const { id, name, input } = msg;
    core.call(name, input, ctx, 'ws').then(
      (value) => send({ t: 'result', id, ok: true, value }),
      (e: unknown) => {
        const err = e instanceof ApiError ? e : new ApiError('internal', 'internal error');
        if (!(e instanceof ApiError)) console.error(`[web] ${name} failed:`, e);
        send({ t: 'result', id, ok: false, error: { code: err.code, message: err.message } });
      },
    );
  });
  ws.on('close', () => {
    clearTimeout(loginTimer);
    unsubscribe?.();
  });
  ws.on('error', () => ws.terminate());
}

export const rendererDirFrom = (distDir: string): string => join(distDir, 'renderer');
