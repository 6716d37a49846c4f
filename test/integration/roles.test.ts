/** Roles: the wall token sees the picture and changes nothing, over REST and WebSocket alike. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../electron/core/core';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { startTestCore } from '../helpers/core';

const TOKEN = 'console-token-1';
const WALL = 'wall-token-1';
let core: Core;
let web: WebHost;
beforeAll(async () => {
  core = await startTestCore();
  web = await startWebHost({ core, token: TOKEN, wallToken: WALL, host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
});
afterAll(async () => {
  await web.close();
  await core.close();
});

const rest = (token: string, path: string, body?: unknown) =>
  fetch(`${web.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));

describe('roles', () => {
  it('lets the wall token read but not create an incident over REST, with a 403 and a reason', async () => {
    expect((await rest(WALL, '/api/incidents')).status).toBe(200);
    const denied = await rest(WALL, '/api/incidents', { type: 'medical', lat: 31.13, lon: 104.4 });
    expect(denied.status).toBe(403);
    expect(denied.json.error).toMatch(/wall role may not call incidents\.create/);
    expect((await rest(TOKEN, '/api/incidents', { type: 'medical', lat: 31.13, lon: 104.4 })).status).toBe(201);
    expect(core.diagnostics.view().rejectedBySource.rest).toBeGreaterThan(0);
  });

  it('tells a WebSocket client its role and refuses its writes', async () => {
    const ws = new WebSocket(`${web.url.replace('http', 'ws')}/ws`);
    const messages: Record<string, unknown>[] = [];
    const next = (pred: (m: Record<string, unknown>) => boolean) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const seen = messages.find(pred);
        if (seen) return resolve(seen);
        ws.on('message', (d: Buffer) => {
          const m = JSON.parse(d.toString()) as Record<string, unknown>;
          if (pred(m)) resolve(m);
        });
      });
    ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString()) as Record<string, unknown>));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'auth', token: WALL }));
    expect(await next((m) => m.t === 'ready')).toMatchObject({ role: 'wall', actor: 'wall' });
    ws.send(JSON.stringify({ t: 'call', id: 1, name: 'incidents.create', input: { type: 'medical', lat: 31.13, lon: 104.4 } }));
    expect(await next((m) => m.t === 'result' && m.id === 1)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ws.send(JSON.stringify({ t: 'call', id: 2, name: 'warnings.list', input: {} }));
    expect(await next((m) => m.t === 'result' && m.id === 2)).toMatchObject({ ok: true });
    ws.close();
  });
});
