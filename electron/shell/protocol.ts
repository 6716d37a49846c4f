/**
 * The app:// scheme: the renderer is served from dist/renderer under one fixed origin,
 * app://console. A real origin (unlike file://) gives the page a proper same-origin policy,
 * lets the CSP's 'self' mean exactly our files, and keeps other local files out of reach.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, MIME, resolveStatic } from '../web/static.js';

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
  const path = url.pathname === '/' ? '/index.html' : url.pathname;
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
