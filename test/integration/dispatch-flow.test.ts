/**
 * The spine, for real: a field device reports over MQTT, the console dispatches over REST, the
 * device receives the order and acknowledges, the API reports it acknowledged. Against the
 * embedded Aedes broker and against a real Mosquitto, with the store in a SQLite file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { startSimulator, type Simulator } from '../../electron/sim/simulator';
import { startWebHost, type WebHost } from '../../electron/web/server';
import type { IncidentDetail } from '../../shared/api';
import type { OrderView, RecommendationView } from '../../shared/model';
import { startTestCore, untilState } from '../helpers/core';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto';

const TOKEN = 'integration-token';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A REST call; `json` is what the console answered, typed by the caller. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON it expects
async function rest<T>(web: WebHost, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${web.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

async function setup(broker: 'aedes' | 'mosquitto'): Promise<{ core: Core; web: WebHost; brokerUrl: string }> {
  let mosq: Mosquitto | null = null;
  if (broker === 'mosquitto') {
    mosq = await startMosquitto();
    cleanups.push(() => (mosq as Mosquitto).stop());
  }
  const core = await startTestCore(mosq ? { brokerUrl: mosq.url } : {});
  cleanups.push(() => core.close());
  const web = await startWebHost({ core, token: TOKEN, host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
  cleanups.push(() => web.close());
  return { core, web, brokerUrl: mosq?.url ?? core.link().broker };
}

describe.each(['aedes', 'mosquitto'] as const)('dispatch end to end over %s', (broker) => {
  it('moves a unit by MQTT, dispatches the recommendation, and reports every order acknowledged', async () => {
    const { core, web, brokerUrl } = await setup(broker);
    expect(core.link()).toMatchObject({ status: 'connected', embedded: broker === 'aedes' });
    const at = { lat: 31.125, lon: 104.395 };
    // Two engines and a ladder report positions right next to the incident.
    const near = [
      { id: 'F-101', lat: 31.1251, lon: 104.3951 },
      { id: 'F-102', lat: 31.1252, lon: 104.3952 },
      { id: 'F-104', lat: 31.1253, lon: 104.3953 },
    ];
    const sim: Simulator = startSimulator({ brokerUrl, units: near, positionIntervalMs: 200, ackDelayMs: 50, progress: false });
    cleanups.push(() => sim.close());
    await sim.ready;
    await untilState(core, () => latOf(core, 'F-101') === 31.1251 && latOf(core, 'F-104') === 31.1253);

    const created = await rest<{ incident: { id: string }; recommendation: RecommendationView }>(web, 'POST', '/api/incidents', {
      type: 'structure_fire',
      ...at,
      address: '人民路 88 号',
      summary: '三楼冒烟',
    });
    expect(created.status).toBe(201);
    const engines = created.json.recommendation.slots.find((s) => s.unitType === 'engine');
    expect(engines?.picks.map((p) => p.unitId).sort()).toEqual(['F-101', 'F-102']);

    const dispatched = await rest<{ orders: OrderView[] }>(web, 'POST', `/api/incidents/${created.json.incident.id}/dispatch`, {
      unitIds: ['F-101', 'F-102', 'F-104'],
    });
    expect(dispatched.status).toBe(200);
    expect(dispatched.json.orders).toHaveLength(3);

    const id = created.json.incident.id;
    const detail = async () => (await rest<IncidentDetail>(web, 'GET', `/api/incidents/${id}`)).json;
    await untilState(core, () => core.store.db.prepare(`SELECT COUNT(*) n FROM orders WHERE incident_id = ? AND state = 'acknowledged'`).pluck().get(id) === 3);
    const d = await detail();
    expect(d.incident.status).toBe('dispatched');
    expect(d.orders.map((o) => [o.unitId, o.state]).sort()).toEqual([
      ['F-101', 'acknowledged'],
      ['F-102', 'acknowledged'],
      ['F-104', 'acknowledged'],
    ]);
    // The device got exactly the order the console sent, with the incident's details.
    expect(sim.orders.map((o) => o.incident.address)).toEqual(['人民路 88 号', '人民路 88 号', '人民路 88 号']);
    expect(new Set(sim.orders.map((o) => o.orderId))).toEqual(new Set(d.orders.map((o) => o.id)));
    // Everything the device sent was taken: nothing counted as rejected.
    expect(core.diagnostics.view()).toMatchObject({ rejectedTotal: 0, accepted: { 'mqtt:ack': 3 } });
  });
});

function latOf(core: Core, id: string): number | null | undefined {
  return core.store.db.prepare('SELECT lat FROM units WHERE id = ?').pluck().get(id) as number | null | undefined;
}

describe('a device that is not on the roster', () => {
  it('is shown as unregistered and never recommended, however near', async () => {
    const { core, web, brokerUrl } = await setup('aedes');
    const sim = startSimulator({ brokerUrl, units: [{ id: 'ROGUE-1', lat: 31.125, lon: 104.395 }], positionIntervalMs: 100, progress: false });
    cleanups.push(() => sim.close());
    await sim.ready;
    await untilState(core, () => latOf(core, 'ROGUE-1') === 31.125);
    const units = await rest<{ units: { id: string; registered: boolean; lat: number | null }[] }>(web, 'GET', '/api/units');
    expect(units.json.units.find((u) => u.id === 'ROGUE-1')).toMatchObject({ registered: false, lat: 31.125 });
    const created = await rest<{ recommendation: RecommendationView }>(web, 'POST', '/api/incidents', { type: 'medical', lat: 31.125, lon: 104.395 });
    expect(created.json.recommendation.slots.flatMap((s) => s.picks.map((p) => p.unitId))).not.toContain('ROGUE-1');
    expect(core.store.events().some((e) => e.type === 'unit.unregistered_seen' && e.actor === 'device:ROGUE-1')).toBe(true);
  });
});
