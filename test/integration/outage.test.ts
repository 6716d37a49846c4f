/**
 * Lossless out, through a broker outage: against Mosquitto with the shipped configuration (TLS,
 * ACL, persistence), the console is connected, the broker stops, an order is dispatched while it
 * is down (queued in the outbox, the link offline and retrying with backoff), the broker comes
 * back on the same port, and the console reconnects by itself and delivers the order. The device
 * is an independent mosquitto_sub with a persistent session; it de-duplicates by orderId as real
 * devices do, and sees every order exactly once after that.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/core';
import { backoffCeiling, type BackoffPolicy } from '../../electron/core/field/backoff';
import type { Push } from '../../shared/api';
import type { LinkView } from '../../shared/model';
import { orderSchema, topics, type OrderMsg } from '../../shared/schemas/mqtt';
import { nextPush, RESOURCES, tempDir, untilState } from '../helpers/core';
import { cliArgs, startMosquittoShipped, startSub, type MosquittoSub } from '../helpers/mosquitto';

const USERS = { 'quanxiang-console': 'console-secret-91c2', 'F-101': 'pw-f101' };
const POLICY: BackoffPolicy = { baseMs: 200, capMs: 1600 };
const ctx = { actor: 'dispatcher', consoleId: 'outage', role: 'supervisor' as const };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function untilLink(core: Core, check: (l: LinkView) => boolean, timeoutMs = 15_000): Promise<LinkView> {
  if (check(core.link())) return Promise.resolve(core.link());
  return nextPush(core, (p: Push): p is Extract<Push, { kind: 'link' }> => p.kind === 'link' && check(p.link), timeoutMs).then((p) => p.link);
}

function orderState(core: Core, id: string): string | undefined {
  return core.store.db.prepare('SELECT state FROM orders WHERE id = ?').pluck().get(id) as string | undefined;
}

/** What a device does with what it receives: parse, then keep each (kind, orderId) once. */
function deviceView(device: MosquittoSub): { received: OrderMsg[]; handled: Map<string, OrderMsg> } {
  const received = device.messages().map((x) => orderSchema.parse(JSON.parse(x.payload)));
  const handled = new Map<string, OrderMsg>();
  for (const o of received) if (!handled.has(`${o.kind}:${o.orderId}`)) handled.set(`${o.kind}:${o.orderId}`, o);
  return { received, handled };
}

describe('a broker outage', () => {
  it('queues an order dispatched while the broker is down and delivers it once the broker is back, once per orderId', async () => {
    const m = await startMosquittoShipped({ users: USERS });
    cleanups.push(() => m.stop());

    // The device: persistent session (-c, fixed id, QoS 1), so the broker keeps its orders while it is away too.
    const device = startSub([...cliArgs(m, 'F-101'), '-d', '-c', '-i', 'qx-device-F-101', '-q', '1', '-t', topics.orders('F-101')]);
    cleanups.push(() => device.stop());
    await device.until(() => /Subscribed \(mid: \d+\)/.test(device.output()));

    const core = await startCore({
      dataDir: tempDir(),
      resourcesDir: RESOURCES,
      consoleId: 'outage',
      unitFlushMs: 10,
      brokerUrl: m.url,
      broker: { caFile: m.pki.ca, username: 'quanxiang-console', password: USERS['quanxiang-console'], reconnect: POLICY },
    });
    cleanups.push(() => core.close());
    const links: LinkView[] = [];
    const off = core.subscribe((p) => {
      if (p.kind === 'link') links.push(p.link);
    });
    cleanups.push(async () => off());
    await core.connected();
    expect(core.link()).toMatchObject({ status: 'connected', attempt: 0, outbox: 0 });

    // The broker goes away.
    const offline = untilLink(core, (l) => l.status === 'offline');
    await m.stop();
    expect(await offline).toMatchObject({ status: 'offline', attempt: 1 });

    // A dispatch while it is down: committed and queued, not sent.
    const { incident } = (await core.call('incidents.create', { type: 'structure_fire', lat: 31.1478, lon: 104.4078, address: '东环路 9 号' }, ctx, 'test')) as {
      incident: { id: string };
    };
    const { orders } = (await core.call('incidents.dispatch', { incidentId: incident.id, unitIds: ['F-101'] }, ctx, 'test')) as { orders: { id: string }[] };
    expect(orders).toHaveLength(1);
    const orderId = orders[0].id;
    expect(orderState(core, orderId)).toBe('queued');
    await untilLink(core, (l) => l.outbox === 1);

    // The link keeps trying, backing off: attempts count up, each delay within its ceiling.
    await untilLink(core, (l) => (l.attempt ?? 0) >= 3);
    // (The outbox count also changes while offline: the same attempt can be pushed twice.)
    const retries = links.filter((l) => l.status === 'offline');
    const attempts = [...new Set(retries.map((l) => l.attempt))];
    expect(attempts).toEqual(attempts.map((_, i) => i + 1));
    for (const l of retries) {
      expect(l.retryInMs).toBeGreaterThanOrEqual(0);
      expect(l.retryInMs).toBeLessThan(backoffCeiling(l.attempt ?? 1, POLICY));
      expect(Math.abs((l.retryAt ?? 0) - (l.since + (l.retryInMs ?? 0)))).toBeLessThan(100);
      expect(l.lastError).toMatch(l.attempt === 1 ? /connection lost|disconnected by the broker/ : /ECONNREFUSED/);
    }
    expect(['offline', 'connecting']).toContain(core.link().status);
    expect(core.link().outbox).toBe(1);
    expect(device.messages()).toEqual([]);

    // The broker is back on the same port: the console reconnects by itself and drains the outbox.
    await m.restart();
    await untilLink(core, (l) => l.status === 'connected');
    expect(core.link()).toMatchObject({ attempt: 0, protocol: '5' });
    expect(core.link().retryAt).toBeUndefined();
    await untilState(core, () => orderState(core, orderId) === 'sent' && core.link().outbox === 0);
    await device.until(() => device.messages().length > 0);

    // A cancel of the same order goes out after it: once the device has it, any redelivery of the
    // dispatch would have arrived before it (one session, in order).
    await core.call('orders.cancel', { orderId, reason: 'outage test sentinel' }, ctx, 'test');
    await device.until(() => deviceView(device).handled.has(`cancel:${orderId}`));

    const { received, handled } = deviceView(device);
    const dispatches = received.filter((o) => o.kind === 'dispatch');
    expect(dispatches.length).toBeGreaterThanOrEqual(1); // QoS 1: at least once on the wire …
    expect(new Set(dispatches.map((o) => o.orderId))).toEqual(new Set([orderId]));
    expect([...handled.keys()].sort()).toEqual([`cancel:${orderId}`, `dispatch:${orderId}`]); // … exactly once after de-duplication.
    expect(handled.get(`dispatch:${orderId}`)).toMatchObject({ incidentId: incident.id, incident: { address: '东环路 9 号' } });
    // What the console recorded: one order.sent for it, nothing left to send.
    expect(core.store.events().filter((e) => e.type === 'order.sent' && JSON.stringify(e.payload).includes(orderId))).toHaveLength(1);
  });
});
