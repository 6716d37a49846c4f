/**
 * The shipped Mosquitto configuration (resources/mosquitto: TLS listeners, no anonymous, ACL by
 * %u), for real: the console connects over TLS with a password or a client certificate; field
 * devices are the independent mosquitto_pub / mosquitto_sub clients. A device cannot speak for
 * another unit nor hear another unit's orders; anonymous clients and wrong passwords are refused;
 * the console refuses a broker it cannot verify. Plus the protocol choice: MQTT 5 where offered,
 * 3.1.1 for a broker that refuses 5 (Aedes as an external broker).
 */
import { connect as netConnect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../electron/core/broker';
import { startCore, type Core } from '../../electron/core/core';
import type { BrokerSettings } from '../../electron/core/field/broker-config';
import type { Push } from '../../shared/api';
import type { LinkView } from '../../shared/model';
import { topics } from '../../shared/schemas/mqtt';
import { nextPush, RESOURCES, tempDir, untilState } from '../helpers/core';
import { certCliArgs, cliArgs, runCli, startMosquittoShipped, startSub, type MosquittoSub, type ShippedMosquitto } from '../helpers/mosquitto';
import { makeTestPki } from '../helpers/tls';

const CONSOLE_USER = 'quanxiang-console';
const USERS = { [CONSOLE_USER]: 'console-secret-7f3a', 'F-101': 'pw-f101', 'F-102': 'pw-f102' };
const ctx = { actor: 'dispatcher', consoleId: 'sec', role: 'supervisor' as const };

let m: ShippedMosquitto;
beforeAll(async () => {
  m = await startMosquittoShipped({ users: USERS, clientCerts: [CONSOLE_USER, 'F-101'] });
});
afterAll(async () => {
  await m.stop();
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

let consoles = 0;
/** A core against `url`, not awaited: the test watches the link come up. Its pushes are recorded from the start. */
async function console_(url: string, broker?: BrokerSettings): Promise<{ core: Core; links: LinkView[] }> {
  const core = await startCore({
    dataDir: tempDir(),
    resourcesDir: RESOURCES,
    consoleId: `sec-${process.pid}-${++consoles}`,
    unitFlushMs: 10,
    brokerUrl: url,
    broker,
  });
  const links: LinkView[] = [];
  const off = core.subscribe((p) => {
    if (p.kind === 'link') links.push(p.link);
  });
  cleanups.push(async () => {
    off();
    await core.close();
  });
  return { core, links };
}

const passwordLogin = (): BrokerSettings => ({ caFile: m.pki.ca, username: CONSOLE_USER, password: USERS[CONSOLE_USER] });

function untilLink(core: Core, check: (l: LinkView) => boolean, timeoutMs = 15_000): Promise<LinkView> {
  if (check(core.link())) return Promise.resolve(core.link());
  return nextPush(core, (p: Push): p is Extract<Push, { kind: 'link' }> => p.kind === 'link' && check(p.link), timeoutMs).then((p) => p.link);
}

/** Mosquitto logs a CONNECT on its stderr, which may reach us just after the CONNACK did. */
async function loggedOnce(re: RegExp): Promise<void> {
  if (!re.test(m.log())) await m.waitForLog(re);
}

function latOf(core: Core, id: string): number | null | undefined {
  return core.store.db.prepare('SELECT lat FROM units WHERE id = ?').pluck().get(id) as number | null | undefined;
}

const position = (lat: number): string => JSON.stringify({ lat, lon: 104.4, ts: Date.now() });

function sub(args: readonly string[]): MosquittoSub {
  const s = startSub(args);
  cleanups.push(() => s.stop());
  return s;
}

describe('the shipped Mosquitto configuration (TLS, passwords or certificates, ACL)', () => {
  it('lets the console in over TLS with user and password: connecting → connected, MQTT 5, no password shown', async () => {
    const { core, links } = await console_(m.url, passwordLogin());
    expect(core.link()).toMatchObject({ status: 'connecting', embedded: false, tls: true, user: CONSOLE_USER });
    await core.connected();
    expect(links.map((l) => l.status)).toEqual(['connected']);
    expect(core.link()).toMatchObject({ status: 'connected', broker: m.url, protocol: '5', tls: true, user: CONSOLE_USER, attempt: 0 });
    expect(JSON.stringify(core.link())).not.toContain(USERS[CONSOLE_USER]);
    // The broker saw an MQTT 5 client with the stable console id and a persistent session.
    await loggedOnce(new RegExp(`as qx-console-${core.consoleId} \\(p5, c0, k30, u'${CONSOLE_USER}'\\)`));
  });

  it('never shows a password given in the URL', async () => {
    const url = `mqtts://${CONSOLE_USER}:${USERS[CONSOLE_USER]}@127.0.0.1:${m.port}`;
    const { core } = await console_(url, { caFile: m.pki.ca });
    await core.connected();
    expect(core.link().broker).toBe(`mqtts://${CONSOLE_USER}:***@127.0.0.1:${m.port}`);
    expect(JSON.stringify(core.link())).not.toContain(USERS[CONSOLE_USER]);
  });

  it("lets a device publish its own position but drops one published as another unit", async () => {
    const { core } = await console_(m.url, passwordLogin());
    await core.connected();
    const before102 = latOf(core, 'F-102');

    // F-101's credentials, F-102's topic. MQTT 3.1.1: the broker drops it silently.
    const forged = await runCli('mosquitto_pub', [...cliArgs(m, 'F-101'), '-q', '1', '-t', topics.position('F-102'), '-m', position(31.2102)]);
    expect(forged.code).toBe(0);
    // Then its own position, after the forged one has been handled (mosquitto_pub waited for its PUBACK).
    const own = await runCli('mosquitto_pub', [...cliArgs(m, 'F-101'), '-q', '1', '-t', topics.position('F-101'), '-m', position(31.2101)]);
    expect(own.code).toBe(0);
    await untilState(core, () => latOf(core, 'F-101') === 31.2101);
    // The broker delivers in the order it accepted: the forged one would have come first.
    expect(latOf(core, 'F-102')).toBe(before102);

    // MQTT 5: the PUBACK says why.
    const forged5 = await runCli('mosquitto_pub', [...cliArgs(m, 'F-101'), '-V', 'mqttv5', '-q', '1', '-t', topics.position('F-102'), '-m', position(31.2103)]);
    expect(forged5.stderr).toMatch(/not authori[sz]ed/i);
    expect(core.diagnostics.view().recent.filter((r) => r.where.includes('F-102'))).toEqual([]);
  });

  it('lets a device authenticated by its certificate (CN = unit id) report, and the console log in by certificate too', async () => {
    const pair = m.pki.clients[CONSOLE_USER];
    const { core } = await console_(m.certUrl, { caFile: m.pki.ca, certFile: pair.cert, keyFile: pair.key });
    await core.connected();
    expect(core.link()).toMatchObject({ status: 'connected', protocol: '5', tls: true });
    expect(core.link().user).toBeUndefined();
    await loggedOnce(new RegExp(`as qx-console-${core.consoleId} \\(p5, c0, k30, u'${CONSOLE_USER}'\\)`));

    const own = await runCli('mosquitto_pub', [...certCliArgs(m, 'F-101'), '-q', '1', '-t', topics.position('F-101'), '-m', position(31.3101)]);
    expect(own.code).toBe(0);
    await untilState(core, () => latOf(core, 'F-101') === 31.3101);
    // The certificate is the identity: F-101's certificate cannot speak for F-102 either.
    const forged = await runCli('mosquitto_pub', [...certCliArgs(m, 'F-101'), '-V', 'mqttv5', '-q', '1', '-t', topics.position('F-102'), '-m', position(31.3102)]);
    expect(forged.stderr).toMatch(/not authori[sz]ed/i);
    // Without a certificate the listener does not even finish the TLS handshake.
    const noCert = await runCli('mosquitto_pub', [...cliArgs(m, 'F-101').map((a) => (a === String(m.port) ? String(m.certPort) : a)), '-q', '1', '-t', topics.position('F-101'), '-m', position(31.3103)]);
    expect(noCert.code).not.toBe(0);
  });

  it("never delivers another unit's orders to a device, even when it subscribes to them", async () => {
    const { core } = await console_(m.url, passwordLogin());
    await core.connected();
    // F-101 tries its neighbour's order topic and the wildcard; F-102 listens to its own.
    const spy = sub([...cliArgs(m, 'F-101'), '-d', '-q', '1', '-t', topics.orders('F-102'), '-t', 'qx/v1/units/+/orders', '-t', topics.orders('F-101')]);
    const f102 = sub([...cliArgs(m, 'F-102'), '-d', '-q', '1', '-t', topics.orders('F-102')]);
    // Mosquitto's file ACL grants the SUBSCRIBE and checks read access on every delivery instead.
    await spy.until(() => /Subscribed \(mid: \d+\)/.test(spy.output()));
    await f102.until(() => /Subscribed \(mid: \d+\)/.test(f102.output()));

    const { incident } = (await core.call('incidents.create', { type: 'structure_fire', lat: 31.1478, lon: 104.4078, address: '东环路 1 号' }, ctx, 'test')) as { incident: { id: string } };
    const { orders } = (await core.call('incidents.dispatch', { incidentId: incident.id, unitIds: ['F-101', 'F-102'] }, ctx, 'test')) as { orders: { id: string; unitId: string }[] };
    const of = (unit: string): string => orders.find((o) => o.unitId === unit)?.id ?? '';
    await f102.until(() => f102.messages().some((x) => x.payload.includes(of('F-102'))));
    await spy.until(() => spy.messages().some((x) => x.payload.includes(of('F-101'))));
    // Both orders are through the broker; a cancel to F-101 comes after them on F-101's connection.
    await untilState(core, () => core.link().outbox === 0);
    await core.call('orders.cancel', { orderId: of('F-101'), reason: 'ACL test' }, ctx, 'test');
    await spy.until(() => spy.messages().some((x) => x.payload.includes('"cancel"')));

    expect(spy.messages().every((x) => x.topic === topics.orders('F-101'))).toBe(true);
    expect(spy.messages().some((x) => x.payload.includes(of('F-102')))).toBe(false);
    expect(f102.messages().map((x) => x.topic)).toEqual([topics.orders('F-102')]);
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    const anon = await runCli('mosquitto_pub', [...cliArgs(m), '-q', '1', '-t', topics.position('F-101'), '-m', position(31.4)]);
    expect(anon.code).not.toBe(0);
    expect(anon.stderr).toMatch(/not authori[sz]ed/i);
    const wrong = await runCli('mosquitto_pub', [...cliArgs(m), '-u', 'F-101', '-P', 'guess', '-q', '1', '-t', topics.position('F-101'), '-m', position(31.4)]);
    expect(wrong.code).not.toBe(0);
    const anonSub = await runCli('mosquitto_sub', [...cliArgs(m), '-t', '#', '-W', '5']);
    expect(anonSub.stderr).toMatch(/not authori[sz]ed/i);

    // A console with a wrong password keeps trying with backoff and says why.
    const { core } = await console_(m.url, { ...passwordLogin(), password: 'not-the-password', reconnect: { baseMs: 100, capMs: 400 } });
    const link = await untilLink(core, (l) => l.status === 'offline');
    expect(link).toMatchObject({ status: 'offline', attempt: 1 });
    expect(link.lastError).toMatch(/bad user name or password|not authori[sz]ed/i);
    expect(link.retryInMs).toBeLessThan(100);
    await untilLink(core, (l) => (l.attempt ?? 0) >= 3);
    expect(core.link().status).not.toBe('connected');
  });

  it('refuses a broker whose certificate its CA did not sign', async () => {
    const stranger = await makeTestPki([], 'Some Other CA');
    const { core } = await console_(m.url, { ...passwordLogin(), caFile: stranger.ca, reconnect: { baseMs: 100, capMs: 400 } });
    const link = await untilLink(core, (l) => l.status === 'offline');
    expect(link.lastError).toMatch(/certificate/i);
    expect(m.log()).not.toMatch(new RegExp(`as qx-console-${core.consoleId} `));
  });
});

describe('protocol choice', () => {
  it('uses MQTT 3.1.1 for a broker that refuses 5 (Aedes as an external broker), and 3.1.1 directly for the embedded one', async () => {
    const aedes = await startEmbeddedBroker({ port: 0 });
    cleanups.push(() => aedes.close());
    const { core, links } = await console_(aedes.url);
    await core.connected();
    expect(core.link()).toMatchObject({ status: 'connected', protocol: '3.1.1', embedded: false, tls: false, attempt: 0 });
    // The refusal of 5 was not a failure: no offline state, no rejection counted.
    expect(links.map((l) => l.status)).toEqual(['connected']);
    expect(core.diagnostics.view().rejectedTotal).toBe(0);
    // The device side works over it as usual.
    const own = await runCli('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(aedes.port), '-q', '1', '-t', topics.position('F-101'), '-m', position(31.5101)]);
    expect(own.code).toBe(0);
    await untilState(core, () => latOf(core, 'F-101') === 31.5101);

    const embedded = await startCore({ dataDir: tempDir(), resourcesDir: RESOURCES, consoleId: 'embedded', mqttPort: 0 });
    cleanups.push(() => embedded.close());
    await embedded.connected();
    expect(embedded.link()).toMatchObject({ status: 'connected', protocol: '3.1.1', embedded: true });
  });

  it('also falls back when the broker just hangs up on an MQTT 5 CONNECT (no CONNACK)', async () => {
    // An old broker stand-in: a proxy to Aedes that drops any connection whose CONNECT is MQTT 5.
    const aedes = await startEmbeddedBroker({ port: 0 });
    cleanups.push(() => aedes.close());
    const sockets = new Set<Socket>();
    let refused = 0;
    const proxy = createServer((client) => {
      sockets.add(client);
      client.once('data', (first: Buffer) => {
        const at = first.indexOf('MQTT');
        if (at < 0 || first[at + 4] === 5) {
          refused++;
          client.destroy();
          return;
        }
        const upstream = netConnect(aedes.port, '127.0.0.1');
        sockets.add(upstream);
        upstream.write(first);
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          proxy.close(() => resolve());
        }),
    );
    const { core, links } = await console_(`mqtt://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    await core.connected();
    expect(refused).toBe(1);
    expect(core.link()).toMatchObject({ status: 'connected', protocol: '3.1.1', attempt: 0 });
    expect(links.map((l) => l.status)).toEqual(['connected']);
  });
});
