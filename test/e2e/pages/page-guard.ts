/**
 * Watches a page for what must never happen in the hall: a request leaving the machine (anything
 * but the console's own origin), a script error, or a Content-Security-Policy violation.
 */
import type { Page } from 'playwright-core';

export interface PageGuard {
  /** Requests (and WebSockets) to anywhere but the console's origin. */
  readonly foreign: string[];
  /** Uncaught exceptions, console errors and CSP violations. */
  readonly errors: string[];
}

/** A blob: URL made by the page itself (OpenLayers' WebGL worker) is local: blob:<origin>/<uuid>. */
function isLocal(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return true;
  const inner = url.startsWith('blob:') ? url.slice(5) : url;
  try {
    const u = new URL(inner);
    const own = new URL(origin);
    return u.host === own.host && (u.protocol === own.protocol || u.protocol === (own.protocol === 'https:' ? 'wss:' : 'ws:'));
  } catch {
    return false;
  }
}

export function guardPage(page: Page, origin: string): PageGuard {
  const guard: PageGuard = { foreign: [], errors: [] };
  page.on('request', (r) => {
    if (!isLocal(r.url(), origin)) guard.foreign.push(`${r.method()} ${r.url()}`);
  });
  page.on('websocket', (ws) => {
    if (!isLocal(ws.url(), origin)) guard.foreign.push(`WebSocket ${ws.url()}`);
  });
  page.on('pageerror', (e) => guard.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) guard.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  return guard;
}
