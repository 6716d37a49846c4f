/**
 * Drills end to end: a live console and a drill console share one Mosquitto; an independent
 * subscriber on `#` sees every message. The river flood runs headless at an honest ×10; replay is
 * compared with the live projections captured during the run; the report's times are recomputed
 * here from the event log with SQL of our own.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { Queries } from '../../electron/core/store/queries';
import { WarningQueries } from '../../electron/core/warnings/views';
import type { Push } from '../../shared/api';
import type { AfterActionReport } from '../../shared/drills/api';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto';
import { startTestCore } from '../helpers/core';

let broker: Mosquitto;
let live: Core;
let drill: Core;
let spy: MqttClient;
const seen: { topic: string; payload: string }[] = [];

beforeAll(async () => {
  broker = await startMosquitto();
  spy = await mqtt.connectAsync(broker.url, { clientId: 'independent-spy' });
  spy.on('message', (topic, payload) => seen.push({ topic, payload: payload.toString() }));
  await spy.subscribeAsync('#', { qos: 1 });
  live = await startTestCore({ brokerUrl: broker.url, consoleId: 'live-console' });
  drill = await startTestCore({ brokerUrl: broker.url, consoleId: 'drill-console', drill: true, trackEveryMs: 0 });
});
afterAll(async () => {
  await drill.close();
  await live.close();
  await spy.endAsync();
  await broker.stop();
});

interface Captured {
  at: number;
  units: unknown;
  incidents: unknown;
  orders: unknown;
  warnings: unknown;
}

/** The live projections right now, and the clock; then waits (synchronously) for the clock to move on, so no later event shares the instant. */
function capture(core: Core): Captured {
  const q = new Queries(core.store.db);
  const at = core.store.now();
  const incidents = q.incidents(0);
  const c = { at, units: q.units(), incidents, orders: incidents.flatMap((i) => q.ordersOf(i.id)), warnings: new WarningQueries(core.store.db).warnings() };
  while (core.store.now() === at) {
    /* spin: nothing else runs meanwhile */
  }
  return c;
}

/** First times per incident, straight from the events table. */
function timesFromLog(core: Core, startSeq: number, endSeq: number): Map<string, { created: number; dispatched: number | null; ack: number | null; onScene: number | null }> {
  const db = core.store.db;
  const range = [startSeq, endSeq];
  const created = db.prepare("SELECT json_extract(payload, '$.id') AS id, at FROM events WHERE type = 'incident.created' AND seq > ? AND seq <= ?").all(...range) as { id: string; at: number }[];
  const first = (sql: string, id: string): number | null => (db.prepare(sql).pluck().get(id, ...range) as number | null) ?? null;
  return new Map(
    created.map((c) => [
      c.id,
      {
        created: c.at,
        dispatched: first("SELECT MIN(at) FROM events WHERE type = 'incident.dispatched' AND json_extract(payload, '$.incidentId') = ? AND seq > ? AND seq <= ?", c.id),
        ack: first("SELECT MIN(at) FROM events WHERE type = 'order.answered' AND json_extract(payload, '$.accepted') = 1 AND incident_id = ? AND seq > ? AND seq <= ?", c.id),
        onScene: first("SELECT MIN(at) FROM events WHERE type = 'unit.status' AND json_extract(payload, '$.status') = 'on_scene' AND incident_id = ? AND seq > ? AND seq <= ?", c.id),
      },
    ]),
  );
}

const who = { actor: 'test', consoleId: 'drill-console', role: 'supervisor' as const };

describe('drills', () => {
  it('runs the river flood headless at ×10: incidents, dispatches, replay and report match the log, nothing on live topics', async () => {
    const captures: Captured[] = [];
    const off = drill.subscribe((p: Push) => {
      // Instants worth checking: an order answered, a unit on scene.
      if ((p.kind === 'order' && p.order.state === 'acknowledged' && captures.length < 2) || (p.kind === 'incident' && p.incident.status === 'on_scene' && captures.length < 4))
        captures.push(capture(drill));
    });
    const scenario = drill.drills.builtIn('river-flood');
    const ended = drill.drills.ended();
    const runId = await drill.drills.start(scenario, { speed: 10, autoDispatch: true });
    await ended;
    off();
    captures.push(capture(drill));
    const report = (await drill.call('drill.report', { runId }, who, 'test')) as AfterActionReport;

    // The expected incidents and dispatches.
    expect(report.run.endReason).toBe('completed');
    expect(report.incidents.map((i) => i.type)).toEqual(['flood', 'flood']);
    for (const i of report.incidents) {
      expect(i.units).toBeGreaterThanOrEqual(3);
      expect(i.onSceneAt).not.toBeNull();
      expect(i.callAt).not.toBeNull();
    }
    expect(report.calls).toBe(3);
    expect(report.allMet).toBe(true);
    // The bridge's closure reached the hall as an exercise CAP alert with its circle.
    const closure = new WarningQueries(drill.store.db).warnings().find((w) => w.title === '【演练】道路封闭：城东桥桥面积水封闭');
    expect(closure?.area).toEqual({ type: 'Circle', center: [104.38846, 31.11681], radiusM: 200 });
    expect(report.tracks.length).toBeGreaterThan(0);
    expect(report.tracks.some((t) => t.points.length > 5)).toBe(true);

    // The report's times are the log's.
    const run = (drill.store.db.prepare("SELECT seq FROM events WHERE type = 'drill.started' AND json_extract(payload, '$.runId') = ?").pluck().get(runId) as number);
    const end = (drill.store.db.prepare("SELECT seq FROM events WHERE type = 'drill.ended' AND json_extract(payload, '$.runId') = ?").pluck().get(runId) as number);
    const log = timesFromLog(drill, run, end);
    expect(log.size).toBe(report.incidents.length);
    for (const i of report.incidents) {
      const l = log.get(i.incidentId);
      expect({ created: i.createdAt, dispatched: i.dispatchedAt, ack: i.ackAt, onScene: i.onSceneAt }).toEqual(l);
    }
    const worstCallToOnScene = Math.max(...report.incidents.map((i) => ((i.onSceneAt ?? 0) - (i.callAt ?? 0)) / 1000));
    expect(report.expectations.find((e) => e.metric === 'call_to_on_scene')?.measured).toBe(worstCallToOnScene);

    // Replay reproduces the state at each captured instant.
    expect(captures.length).toBeGreaterThanOrEqual(3);
    for (const c of captures) {
      const r = (await drill.call('replay.at', { at: c.at }, who, 'test')) as Captured;
      expect({ units: r.units, incidents: r.incidents, orders: r.orders, warnings: r.warnings }).toEqual({ units: c.units, incidents: c.incidents, orders: c.orders, warnings: c.warnings });
    }

    // No drill message on a live topic, every order marked drill; the live console saw nothing of it.
    await new Promise((r) => setTimeout(r, 300));
    const drillTopics = seen.filter((m) => m.topic.startsWith('qx-drill/v1/'));
    expect(drillTopics.length).toBeGreaterThan(50);
    const orders = seen.filter((m) => /\/units\/[^/]+\/orders$/.test(m.topic));
    expect(orders.length).toBeGreaterThanOrEqual(6);
    for (const o of orders) {
      expect(o.topic.startsWith('qx-drill/v1/units/')).toBe(true);
      expect(JSON.parse(o.payload)).toMatchObject({ drill: true });
    }
    const liveTopics = seen.filter((m) => m.topic.startsWith('qx/v1/') && !m.topic.startsWith('qx/v1/consoles/live-console/'));
    expect(liveTopics).toEqual([]);
    const liveQueries = new Queries(live.store.db);
    expect(liveQueries.incidents(0)).toEqual([]);
    expect(live.diagnostics.view().rejectedTotal).toBe(0);
  }, 180_000);

  it.each(['chemical-leak', 'highrise-fire', 'ring-road-collision', 'crowd-event', 'demolition-disputes'])(
    'runs %s headless to completion with the expected incidents and dispatches',
    async (id) => {
      const scenario = drill.drills.builtIn(id);
      const ended = drill.drills.ended();
      const runId = await drill.drills.start(scenario, { speed: 25, autoDispatch: true });
      await ended;
      const report = drill.drills.report(runId);
      expect(report.run.endReason).toBe('completed');
      const expected = new Map<string, string>();
      for (const inj of scenario.timeline) if (inj.call) expected.set(inj.call.incident ?? '', inj.call.incidentType);
      expect(report.incidents.map((i) => i.type).sort()).toEqual([...expected.values()].sort());
      for (const i of report.incidents) {
        expect(i.dispatchedAt).not.toBeNull();
        expect(i.onSceneAt).not.toBeNull();
      }
      expect(report.expectations.find((e) => e.metric === 'incidents')?.met).toBe(true);
    },
    120_000,
  );
});
