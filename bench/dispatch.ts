/**
 * bench/dispatch: from the dispatcher's Dispatch action to the broker's PUBACK of the last order of
 * a 5-unit plan (structure fire, alarm 1). A WebSocket client of the web host does what the UI's
 * Dispatch button does (`incidents.dispatch` over the app API) and waits for the five `order`
 * pushes in state `sent`, which the core sends once Mosquitto has acknowledged each publish and
 * the state is committed. `npx tsx bench/dispatch.ts [runs=100]`
 */
import { join } from 'node:path';
import WebSocket from 'ws';
import { startCore } from '../electron/core/core';
import { startSimulator } from '../electron/sim/simulator';
import { startWebHost } from '../electron/web/server';
import type { ApiResults, Push } from '../shared/api';
import type { ServerMessage } from '../shared/wire';
import { tempDir } from '../test/helpers/core';
import { startMosquitto } from '../test/helpers/mosquitto';
import { tempRoot } from '../test/helpers/temp-root';

const RUNS = Number(process.argv[2] ?? 100);
const ROOT = join(import.meta.dirname, '..');
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const removeTemp = tempRoot('qx-bench-dispatch-');
const mosq = await startMosquitto();
const core = await startCore({ dataDir: tempDir('qx-bench-dispatch-'), resourcesDir: join(ROOT, 'resources'), brokerUrl: mosq.url, consoleId: 'bench' });
await core.connected();
const web = await startWebHost({ core, token: 'bench-token-1', host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
const units = core.store.db.prepare('SELECT id, lat, lon FROM units').all() as { id: string; lat: number; lon: number }[];
const sim = startSimulator({ brokerUrl: mosq.url, units, positionIntervalMs: 1000, ackDelayMs: 50, progress: false });
await sim.ready;

const ws = new WebSocket(`${web.url.replace('http', 'ws')}/ws`);
await new Promise<void>((resolve) => ws.once('open', () => resolve()));
const pending = new Map<number, (v: unknown) => void>();
const pushListeners = new Set<(p: Push) => void>();
ws.on('message', (data: Buffer) => {
  const m = JSON.parse(data.toString()) as ServerMessage;
  if (m.t === 'result') pending.get(m.id)?.(m.ok ? m.value : Promise.reject(new Error(m.error.message)));
  if (m.t === 'push') for (const l of pushListeners) l(m.push);
});
const ready = new Promise<void>((resolve) => ws.on('message', (data: Buffer) => (JSON.parse(data.toString()) as ServerMessage).t === 'ready' && resolve()));
ws.send(JSON.stringify({ t: 'auth', token: 'bench-token-1', actor: 'bench' }));
await ready;
let nextId = 1;
const call = <T>(name: string, input: unknown): Promise<T> =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, (v) => resolve(v as T));
    ws.send(JSON.stringify({ t: 'call', id, name, input }));
  });

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const lat = 31.1 + Math.random() * 0.06;
  const lon = 104.36 + Math.random() * 0.08;
  const { incident } = await call<ApiResults['incidents.create']>('incidents.create', { type: 'structure_fire', lat, lon });
  const sent = new Set<string>();
  const allSent = new Promise<number>((resolve) => {
    const l = (p: Push): void => {
      if (p.kind === 'order' && p.order.incidentId === incident.id && p.order.state === 'sent') sent.add(p.order.id);
      if (sent.size === 5) {
        pushListeners.delete(l);
        resolve(performance.now());
      }
    };
    pushListeners.add(l);
  });
  const t0 = performance.now();
  const { orders } = await call<ApiResults['incidents.dispatch']>('incidents.dispatch', { incidentId: incident.id });
  if (orders.length !== 5) throw new Error(`expected 5 orders, got ${orders.length}`);
  times.push((await allSent) - t0);
  for (const o of orders) await call('orders.cancel', { orderId: o.id, reason: 'bench reset' });
}
console.log(`bench/dispatch: ${RUNS} structure-fire dispatches of 5 units through Mosquitto (WebSocket client → core → SQLite FULL → broker PUBACK)`);
console.log(`dispatch → last PUBACK: p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
ws.close();
await sim.close();
await web.close();
await core.close();
await mosq.stop();
removeTemp();
