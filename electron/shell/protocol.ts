/**
 * The app:// scheme: the renderer is served from dist/renderer under one fixed origin,
 * app://console. A real origin (unlike file://) gives the page a proper same-origin policy,
 * lets the CSP's 'self' mean exactly our files, and keeps other local files out of reach.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, MIME, resolveStatic } from '../web/static.js';
import type { MediaResponse } from '../core/panorama/cameras.js';
import { isPanoramaPath } from '../core/panorama/http.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: URLs get an origin and relative paths resolve; secure: a secure context, like https;
 * supportFetchAPI: the renderer may fetch() its own assets. corsEnabled stays off so no other
 * origin can read these files.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** True only for URLs on our own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}


const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

const text = (status: number, body: string): Response =>
  new Response(body, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

/** Answers one app:// request from the files under `rendererDir`. */
export async function serveApp(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return text(400, 'bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'not found');
  // resolveStatic compares against root + separator: give it a normalised absolute root.
  const root = resolve(rendererDir);
  // The wall layouts (/wall/map, /wall/kpi, …) are routes of the one page.
  const path = url.pathname === '/' || /^\/wall\/[a-z]{1,20}$/.test(url.pathname) ? '/index.html' : url.pathname;
  const file = resolveStatic(root, path);
  if (!file) {
    // A blank window says nothing; say why instead.
    if (path === '/index.html') return text(503, 'the renderer is not built: run npm run build');
    return text(404, 'not found');
  }
  const body = await readFile(file);
  const headers = {
    ...baseHeaders(),
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    // Vite's hashed assets never change; index.html must be re-read after an update.
    'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** What answers the panorama's paths (tiles, camera feeds); null for any other path. */
export type MediaSource = (path: string, query: URLSearchParams) => Promise<MediaResponse | null>;

/**
 * app:// with the panorama's same-origin paths (/tiles/…, /media/…) answered by `media` (once the
 * core is up) and everything else by serveApp. The signed keys are checked as on the web host.
 */
export async function serveAppAndMedia(rendererDir: string, request: Request, media: MediaSource | null): Promise<Response> {
  let url: URL | null = null;
  try {
    url = new URL(request.url);
  } catch {
    /* serveApp answers 400 */
  }
  if (url && url.host === APP_HOST && request.method === 'GET' && isPanoramaPath(url.pathname)) {
    const m = media ? await media(url.pathname, url.searchParams) : null;
    if (!m) return text(503, 'the console is starting');
    const body = m.status === 204 ? null : Buffer.isBuffer(m.body) ? new Uint8Array(m.body) : m.body;
    return new Response(body, { status: m.status, headers: { 'X-Content-Type-Options': 'nosniff', ...m.headers } });
  }
  return serveApp(rendererDir, request);
}
