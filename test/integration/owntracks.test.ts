/**
 * A phone running OwnTracks is a field unit: its location, published as the app publishes it,
 * moves the unit whose roster row names it — through the embedded Aedes and through the shipped
 * Mosquitto configuration (TLS, password, ACL), with mosquitto_pub as the independent sender.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/core';
import { RESOURCES, tempDir, untilState } from '../helpers/core';
import { cliArgs, runCli, startMosquittoShipped, type ShippedMosquitto } from '../helpers/mosquitto';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** The training roster with patrol P-301 carried by the phone zhang.wei/iphone. */
function rosterWithPhone(): string {
  const lines = readFileSync(join(RESOURCES, 'roster/training-city.csv'), 'utf8').trimEnd().split('\n');
  const file = join(tempDir('qx-ot-'), 'roster.csv');
  writeFileSync(file, [`${lines[0]},owntracks`, ...lines.slice(1).map((l) => (l.startsWith('P-301,') ? `${l},zhang.wei/iphone` : `${l},`))].join('\n'));
  return file;
}

const location = (lat: number, lon: number, ageS = 0): string =>
  JSON.stringify({ _type: 'location', acc: 12, alt: 498, batt: 81, bs: 1, conn: 'm', lat, lon, tid: 'zw', tst: Math.floor(Date.now() / 1000) - ageS, vac: 4, vel: 18, cog: 95, m: 1 });

async function consoleOn(brokerUrl: string | undefined, broker?: { caFile: string; username: string; password: string }): Promise<Core> {
  const core = await startCore({ dataDir: tempDir(), resourcesDir: RESOURCES, rosterFile: rosterWithPhone(), consoleId: 'ot', unitFlushMs: 10, mqttPort: 0, brokerUrl, broker });
  cleanups.push(() => core.close());
  await core.connected();
  return core;
}

const unit = (core: Core) => core.store.db.prepare('SELECT lat, lon, speed, heading FROM units WHERE id = ?').get('P-301') as { lat: number; lon: number; speed: number; heading: number };

describe('OwnTracks', () => {
  it('moves the unit through the embedded broker', async () => {
    const core = await consoleOn(undefined);
    const port = new URL(core.link().broker).port;
    const r = await runCli('mosquitto_pub', ['-h', '127.0.0.1', '-p', port, '-q', '1', '-t', 'owntracks/zhang.wei/iphone', '-m', location(31.1311, 104.4022)]);
    expect(r.code).toBe(0);
    await untilState(core, () => unit(core).lat === 31.1311);
    expect(unit(core)).toEqual({ lat: 31.1311, lon: 104.4022, speed: 5, heading: 95 });
  });

  it('moves the unit through the shipped Mosquitto (TLS + ACL), and a phone cannot report as another user', async () => {
    const m: ShippedMosquitto = await startMosquittoShipped({ users: { 'quanxiang-console': 'console-pw-1', 'zhang.wei': 'phone-pw-1', 'li.na': 'phone-pw-2' } });
    cleanups.push(() => m.stop());
    const core = await consoleOn(m.url, { caFile: m.pki.ca, username: 'quanxiang-console', password: 'console-pw-1' });
    // li.na may publish only under owntracks/li.na/…: this one is dropped by the broker. Had it got
    // through, its newer fix would win over the older one below and the unit would stay at 31.2.
    await runCli('mosquitto_pub', [...cliArgs(m, 'li.na'), '-q', '1', '-t', 'owntracks/zhang.wei/iphone', '-m', location(31.2, 104.5)]);
    const r = await runCli('mosquitto_pub', [...cliArgs(m, 'zhang.wei'), '-q', '1', '-t', 'owntracks/zhang.wei/iphone', '-m', location(31.1322, 104.4033, 10)]);
    expect(r.code).toBe(0);
    await untilState(core, () => unit(core).lat === 31.1322);
    expect(unit(core).lon).toBe(104.4033);
    expect(core.diagnostics.view().rejectedTotal).toBe(0);
  });
});
