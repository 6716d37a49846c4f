/**
 * 100,000 malformed messages through a real broker, generated from a seeded mix of the ways
 * field devices and attackers get it wrong. Every one is rejected and counted with a reason;
 * afterwards the console still dispatches and a device still acknowledges.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { startSimulator } from '../../electron/sim/simulator';
import { nextPush, startTestCore, untilState } from '../helpers/core';

const N = 100_000;
let core: Core;
beforeAll(async () => {
  core = await startTestCore();
});
afterAll(async () => {
  await core.close();
});

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function malformed(rand: () => number, now: number): [string, Buffer] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const unit = pick(['F-101', 'E-201', 'P-301', 'NOBODY']);
  const topic = (kind: string) => `qx/v1/units/${unit}/${kind}`;
  const good = JSON.stringify({ lat: 31.1, lon: 104.4, ts: now });
  const json = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
  switch (Math.floor(rand() * 14)) {
    case 0: return [topic('position'), Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)).concat([0xff]))];
    case 1: return [topic('position'), json(good.slice(0, Math.floor(rand() * (good.length - 1))))];
    case 2: return [topic('position'), json({ lat: pick(['31.1', true, null, [], {}]), lon: 104.4, ts: now })];
    case 3: return [topic('position'), json(`{"lat":${pick(['NaN', 'Infinity', '1e400', '-91', '90.0001'])},"lon":104.4,"ts":${now}}`)];
    case 4: return [topic('position'), json({ lat: 31.1, lon: 104.4, ts: pick([now + 3_600_000, now - 3 * 86_400_000, 0, -1, 1.5]) })];
    case 5: return [topic('status'), json(`{"status":"available","ts":${now},"${pick(['__proto__', 'constructor', 'prototype'])}":{"isAdmin":true}}`)];
    case 6: return [topic('position'), json({ lat: 31.1, lon: 104.4, ts: now, junk: 'x'.repeat(17_000) })];
    case 7: return [topic('position'), json('['.repeat(40 + Math.floor(rand() * 200)) + ']'.repeat(40))];
    // topics the console subscribes to, with unit ids no roster or topic may hold
    case 8: return [pick(['qx/v1/units/F 101/position', 'qx/v1/units//position', 'qx/v1/units/消防一号/status', `qx/v1/units/${'F'.repeat(65)}/ack`]), json(good)];
    case 9: return [topic('ack'), json({ orderId: `no-such-${Math.floor(rand() * 1e9)}`, accepted: true, ts: now })];
    case 10: return [topic('status'), json({ status: pick(['lunch', 'AVAILABLE', '', 7]), ts: now })];
    case 11: return [topic(pick(['position', 'status', 'ack'])), Buffer.alloc(0)];
    case 12: return [topic('ack'), json({ orderId: 'bad id with spaces', accepted: 'yes', ts: now })];
    default: return [topic('position'), Buffer.from([0xef, 0xbb, 0xbf, 0xc0, 0xaf, ...Buffer.from(good)])];
  }
}

describe('fuzz', () => {
  it(`rejects ${N} malformed messages with reasons and still dispatches`, { timeout: 180_000 }, async () => {
    const client = await mqtt.connectAsync(core.link().broker, { clientId: 'qx-fuzzer' });
    const rand = prng(20261129);
    const before = core.diagnostics.view();
    const now = Date.now();
    const counted = untilState(core, () => core.diagnostics.view().rejectedTotal - before.rejectedTotal >= N, 120_000);
    for (let sent = 0; sent < N; sent += 2_000) {
      await Promise.all(Array.from({ length: 2_000 }, () => {
        const [topic, payload] = malformed(rand, now);
        return client.publishAsync(topic, payload, { qos: 0 });
      }));
    }
    await counted;
    await client.endAsync();
    const after = core.diagnostics.view();
    expect(after.rejectedTotal - before.rejectedTotal).toBe(N);
    expect(after.accepted).toEqual(before.accepted);
    expect(Object.keys(after.rejectedByReason).length).toBeGreaterThan(8);
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();

    // The console is unharmed: a dispatch goes out and a device acknowledges it.
    const sim = startSimulator({ brokerUrl: core.link().broker, units: [{ id: 'E-205', lat: 31.1, lon: 104.4 }], ackDelayMs: 5, progress: false });
    await sim.ready;
    const { incident } = (await core.call('incidents.create', { type: 'medical', lat: 31.1, lon: 104.4 }, { actor: 't', consoleId: 't', role: 'supervisor' as const }, 'test')) as { incident: { id: string } };
    const acked = nextPush(core, (p) => p.kind === 'order' && p.order.unitId === 'E-205' && p.order.state === 'acknowledged');
    await core.call('incidents.dispatch', { incidentId: incident.id, unitIds: ['E-205'] }, { actor: 't', consoleId: 't', role: 'supervisor' as const }, 'test');
    await acked;
    await sim.close();
  });
});
