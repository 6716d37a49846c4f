/**
 * Garbage from the field and from API clients is rejected with a reason, counted in
 * /api/health, and the console goes on dispatching.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { startSimulator } from '../../electron/sim/simulator';
import { startWebHost, type WebHost } from '../../electron/web/server';
import type { DiagnosticsView } from '../../shared/model';
import { nextPush, startTestCore, untilState } from '../helpers/core';

const TOKEN = 'bad-input-token';
let core: Core;
let web: WebHost;

beforeAll(async () => {
  core = await startTestCore({ ackTimeoutMs: 1_000 });
  web = await startWebHost({ core, token: TOKEN, host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
});
afterAll(async () => {
  await web.close();
  await core.close();
});

const call = (method: string, path: string, body?: string, token: string | null = TOKEN) =>
  fetch(`${web.url}${path}`, {
    method,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    body,
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));

describe('bad input', () => {
  it('rejects malformed MQTT payloads with reasons, counts them, and keeps running', async () => {
    const client = await mqtt.connectAsync(core.link().broker);
    const now = Date.now();
    const garbage: [string, string | Buffer][] = [
      ['qx/v1/units/F-101/position', 'not json'],
      ['qx/v1/units/F-101/position', JSON.stringify({ lat: 'north', lon: 104, ts: now })],
      ['qx/v1/units/F-101/position', JSON.stringify({ lat: 123, lon: 104, ts: now })],
      ['qx/v1/units/F-101/position', JSON.stringify({ lat: 31, lon: 104, ts: now + 3_600_000 })],
      ['qx/v1/units/F-101/position', '{"lat":31,"lon":104,"ts":1,"__proto__":{"polluted":true}}'],
      ['qx/v1/units/F-101/position', Buffer.from([0x7b, 0xc3, 0x28, 0x7d])],
      ['qx/v1/units/F-101/status', JSON.stringify({ status: 'napping', ts: now })],
      ['qx/v1/units/F-101/ack', JSON.stringify({ orderId: 'no-such-order', accepted: true, ts: now })],
      ['qx/v1/units/F-101/position', 'x'.repeat(20_000)],
    ];
    const counted = untilState(core, () => core.diagnostics.view().rejectedTotal >= garbage.length);
    for (const [topic, payload] of garbage) await client.publishAsync(topic, payload, { qos: 1 });
    await counted;
    await client.endAsync();

    const health = await call('GET', '/api/health');
    const d = health.json.diagnostics as DiagnosticsView;
    expect(d.rejectedTotal).toBe(garbage.length);
    expect(d.rejectedBySource).toMatchObject({ 'mqtt:position': 7, 'mqtt:status': 1, 'mqtt:ack': 1 });
    const reasons = d.recent.map((r) => r.reason).join('\n');
    for (const r of ['not JSON', 'lat', 'in the future', 'forbidden key "__proto__"', 'not valid UTF-8', 'unknown order no-such-order', 'too large'])
      expect(reasons).toContain(r);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // …and the console still dispatches, and a device still acknowledges.
    const sim = startSimulator({ brokerUrl: core.link().broker, units: [{ id: 'E-201', lat: 31.1, lon: 104.4 }], ackDelayMs: 10, progress: false });
    await sim.ready;
    const created = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 31.1, lon: 104.4 }));
    expect(created.status).toBe(201);
    const id = (created.json.incident as { id: string }).id;
    const acked = nextPush(core, (p) => p.kind === 'order' && p.order.state === 'acknowledged');
    const dispatched = await call('POST', `/api/incidents/${id}/dispatch`, JSON.stringify({ unitIds: ['E-201'] }));
    expect(dispatched.status).toBe(200);
    await acked;
    await sim.close();
  });

  it('answers bad API calls with JSON errors and the right status, never a stack trace', async () => {
    expect(await call('GET', '/api/units', undefined, null)).toMatchObject({ status: 401, json: { code: 'unauthorized' } });
    expect(await call('GET', '/api/units', undefined, 'wrong-token-xyz')).toMatchObject({ status: 401 });
    expect(await call('GET', '/api/incidents/00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, json: { code: 'not_found' } });
    expect(await call('GET', '/api/nothing-here')).toMatchObject({ status: 404 });
    const badJson = await call('POST', '/api/incidents', '{"type":');
    expect(badJson).toMatchObject({ status: 400, json: { code: 'bad_request' } });
    expect(String(badJson.json.error)).toMatch(/not valid JSON/);
    const badType = await call('POST', '/api/incidents', JSON.stringify({ type: 'alien_landing', lat: 31, lon: 104 }));
    expect(badType).toMatchObject({ status: 400, json: { error: 'type: unknown incident type "alien_landing"' } });
    const badLat = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 'x', lon: 104 }));
    expect(badLat.status).toBe(400);
    expect(String(badLat.json.error)).toMatch(/^lat:/);
    const extra = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 31, lon: 104, isAdmin: true }));
    expect(extra.status).toBe(400);
    const big = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 31, lon: 104, summary: 'x'.repeat(70_000) }));
    expect(big).toMatchObject({ status: 400 });

    // A unit already committed cannot be dispatched twice: 409.
    const a = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 31.1, lon: 104.4 }));
    const b = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 31.1, lon: 104.4 }));
    const idA = (a.json.incident as { id: string }).id;
    const idB = (b.json.incident as { id: string }).id;
    expect((await call('POST', `/api/incidents/${idA}/dispatch`, JSON.stringify({ unitIds: ['E-202'] }))).status).toBe(200);
    const twice = await call('POST', `/api/incidents/${idB}/dispatch`, JSON.stringify({ unitIds: ['E-202'] }));
    expect(twice).toMatchObject({ status: 409, json: { error: 'unit E-202 is already assigned to an incident' } });

    const health = await call('GET', '/api/health');
    // two without a token, bad JSON, unknown type, bad latitude, extra key, oversized body
    expect((health.json.diagnostics as DiagnosticsView).rejectedBySource.rest).toBe(7);
  });

  it('flags an order nobody answers as "no answer" after the timeout and frees the unit', async () => {
    const created = await call('POST', '/api/incidents', JSON.stringify({ type: 'medical', lat: 31.1, lon: 104.4 }));
    const id = (created.json.incident as { id: string }).id;
    const noAnswer = nextPush(core, (p) => p.kind === 'order' && p.order.state === 'no_answer' && p.order.unitId === 'E-203', 5_000);
    expect((await call('POST', `/api/incidents/${id}/dispatch`, JSON.stringify({ unitIds: ['E-203'] }))).status).toBe(200);
    await noAnswer;
    const unit = (await core.handlers['session.snapshot']({}, { actor: 't', consoleId: 't', role: 'supervisor' as const })).units.find((u) => u.id === 'E-203');
    expect(unit?.incidentId).toBeNull();
  });
});
