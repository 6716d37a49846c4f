/**
 * The field link on its worker thread, against a real broker (the embedded Aedes) and a real
 * device client: positions arrive decoded, validated and coalesced; rejections are counted with
 * their reasons; other messages arrive as sent; publishes resolve on PUBACK; a dead worker is
 * reported and replaced; closing says goodbye on the presence topic.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedBroker, type EmbeddedBroker } from '../../electron/core/broker';
import { Diagnostics } from '../../electron/core/diagnostics';
import { ThreadedFieldLink } from '../../electron/core/field/threaded-link';
import type { LinkView } from '../../shared/model';
import { topics, type PositionMsg } from '../../shared/schemas/mqtt';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

interface Rig {
  broker: EmbeddedBroker;
  link: ThreadedFieldLink;
  diagnostics: Diagnostics;
  device: MqttClient;
  batches: [string, PositionMsg][][];
  raw: [string, string][];
  /** Resolves when `check` holds, re-checked on every batch, message, state and message to the device. */
  until: (check: () => boolean, what?: string) => Promise<void>;
}

async function rig(opts: { drill?: boolean } = {}): Promise<Rig> {
  const broker = await startEmbeddedBroker({ port: 0 });
  cleanups.push(() => broker.close());
  const diagnostics = new Diagnostics();
  const batches: [string, PositionMsg][][] = [];
  const raw: [string, string][] = [];
  let probes = 0;
  const waiters = new Set<() => void>();
  const changed = (): void => waiters.forEach((w) => w());
  const prefix = opts.drill ? 'qx-drill/v1' : 'qx/v1';
  const link = new ThreadedFieldLink({
    init: {
      url: broker.url,
      embedded: true,
      consoleId: 'thread-test',
      subscriptions: [`${prefix}/units/+/position`, `${prefix}/units/+/status`],
      presenceTopic: `${prefix}/consoles/thread-test/presence`,
      drill: opts.drill === true,
      flushMs: 20,
    },
    diagnostics,
    onMessage: (topic, payload) => {
      if (topic.includes('/units/PROBE/')) probes += 1;
      else raw.push([topic, payload.toString('utf8')]);
      changed();
    },
    onPositions: (batch) => {
      const got: [string, PositionMsg][] = [];
      batch((id, msg) => got.push([id, msg]));
      batches.push(got);
      changed();
    },
  });
  link.onState(changed);
  diagnostics.onReject(changed);
  cleanups.push(() => link.close());
  const until = (check: () => boolean, what = 'condition'): Promise<void> =>
    new Promise((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`${what} not met within 10 s`));
      }, 10_000);
      const w = (): void => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(w);
        resolve();
      };
      waiters.add(w);
    });
  link.start();
  await until(() => link.connected);
  const device = await mqtt.connectAsync(broker.url, { clientId: 'device-E-205' });
  cleanups.push(() => device.endAsync());
  device.on('message', () => queueMicrotask(changed)); // after the test's own listeners
  const r = { broker, link, diagnostics, device, batches, raw, until };
  // The link's subscriptions follow its CONNACK: a probe status is sent until the link passes one on.
  const probe = setInterval(() => void device.publishAsync(`${prefix}/units/PROBE/status`, JSON.stringify({ status: 'available', ts: Date.now() }), { qos: 1 }), 50);
  await until(() => probes > 0).finally(() => clearInterval(probe));
  return r;
}

const positions = (r: Rig): [string, PositionMsg][] => r.batches.flat();

describe('field link on a worker thread', () => {
  it('hands over valid positions, newest per unit, counts the rest with their reasons, and passes other messages as sent', async () => {
    const r = await rig();
    const now = Date.now();
    const status = JSON.stringify({ status: 'available', ts: now });
    // Published together: one batch, in which the older report of E-205 gives way to the newer one.
    await Promise.all([
      r.device.publishAsync(topics.position('E-205'), JSON.stringify({ lat: 31.1, lon: 104.1, ts: now - 2000, speed: 12 }), { qos: 1 }),
      r.device.publishAsync(topics.position('E-205'), JSON.stringify({ lat: 31.2, lon: 104.2, ts: now - 1000, heading: 90 }), { qos: 1 }),
      r.device.publishAsync(topics.position('P-101'), JSON.stringify({ lat: 31.3, lon: 104.3, ts: now }), { qos: 1 }),
      r.device.publishAsync(topics.position('P-102'), JSON.stringify({ lat: 'north', lon: 104.3, ts: now }), { qos: 1 }),
      r.device.publishAsync(topics.status('E-205'), status, { qos: 1 }),
    ]);
    await r.until(() => r.diagnostics.view().accepted['mqtt:position'] === 3 && r.diagnostics.view().rejectedTotal === 1 && r.raw.length === 1);
    const last = new Map(positions(r));
    expect(last.get('E-205')).toEqual({ lat: 31.2, lon: 104.2, ts: now - 1000, heading: 90 });
    expect(last.get('P-101')).toEqual({ lat: 31.3, lon: 104.3, ts: now });
    expect(last.has('P-102')).toBe(false);
    const [rejection] = r.diagnostics.view().recent;
    expect(rejection).toMatchObject({ source: 'mqtt:position', where: topics.position('P-102') });
    expect(rejection.reason).toMatch(/lat/);
    expect(r.raw).toEqual([[topics.status('E-205'), status]]);
  });

  it('publishes with PUBACK, and after its worker dies says why, fails nothing silently, and comes back', async () => {
    const r = await rig();
    const orders: string[] = [];
    await r.device.subscribeAsync('qx/v1/units/E-205/orders', { qos: 1 });
    r.device.on('message', (_topic, payload) => orders.push(payload.toString()));
    await r.link.publish('qx/v1/units/E-205/orders', '{"orderId":"o-1"}');
    await r.until(() => orders.length === 1, 'order 1 at the device');

    const states: LinkView[] = [];
    r.link.onState((v) => states.push(v));
    await r.link.thread?.terminate();
    await r.until(() => states.some((s) => s.status === 'offline'), 'offline after the worker died');
    expect(states.find((s) => s.status === 'offline')?.lastError).toMatch(/field link thread exited/);
    expect(r.diagnostics.view().rejectedBySource.broker).toBe(1);
    await expect(r.link.publish('qx/v1/units/E-205/orders', '{"orderId":"o-2"}')).rejects.toThrow(/offline|not started/);

    // A new worker connects again, and positions flow as before.
    await r.until(() => r.link.connected, 'connected again');
    await r.device.publishAsync(topics.position('E-205'), JSON.stringify({ lat: 31.4, lon: 104.4, ts: Date.now() }), { qos: 1 });
    await r.until(() => positions(r).some(([id, p]) => id === 'E-205' && p.lat === 31.4), 'a position after the restart');
    await r.link.publish('qx/v1/units/E-205/orders', '{"orderId":"o-2"}');
    await r.until(() => orders.length === 2, 'order 2 at the device');
    expect(orders).toEqual(['{"orderId":"o-1"}', '{"orderId":"o-2"}']);
  });

  it("takes a drill console's positions from its namespace and hands them over as canonical", async () => {
    const r = await rig({ drill: true });
    await r.device.publishAsync('qx-drill/v1/units/D-1/position', JSON.stringify({ lat: 30.5, lon: 104.5, ts: Date.now() }), { qos: 1 });
    await r.until(() => positions(r).length === 1);
    expect(positions(r)[0][0]).toBe('D-1');
  });

  it('says goodbye on its presence topic when closed', async () => {
    const r = await rig();
    const watcher = await mqtt.connectAsync(r.broker.url, { clientId: 'presence-watcher' });
    cleanups.push(() => watcher.endAsync());
    const seen: string[] = [];
    watcher.on('message', (_t, payload) => seen.push(payload.toString()));
    await watcher.subscribeAsync('qx/v1/consoles/thread-test/presence', { qos: 1 });
    await r.link.close();
    await new Promise<void>((resolve) => {
      const check = (): void => (seen.at(-1) === 'offline' ? resolve() : void watcher.once('message', check));
      check();
    });
    expect(seen.at(-1)).toBe('offline');
    expect(r.link.connected).toBe(false);
  });
});
