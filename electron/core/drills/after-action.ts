/**
 * The after-action report of a drill run, computed from the event log alone: the run's scenario
 * (in its drill.started event), the calls, incidents, orders, answers and unit statuses between
 * drill.started and drill.ended, and the unit tracks of the units that were sent.
 *
 * A call belongs to the first incident opened after it within CALL_MATCH_M (how a dispatcher turns
 * a call into an incident, by the UI or the headless dispatcher alike). Times per incident: first
 * call → incident created → first dispatch → first acceptance → first unit on scene.
 */
import type { Database } from 'better-sqlite3';
import type { AfterActionReport, DrillRunView, ExpectationResult, IncidentTimes } from '../../../shared/drills/api.js';
import { COUNT_METRICS, type Metric, type Scenario } from '../../../shared/drills/scenario.js';
import { distanceM } from '../../../shared/geo.js';
import { readTracks } from './tracks.js';

export const CALL_MATCH_M = 500;
const MAX_TRACK_POINTS = 400;

/** The case desk's SLA results for a time span, when a case desk exists (another branch). */
export interface CaseSlaSource {
  slaResults(from: number, to: number): { caseId: string; sla: string; met: boolean }[];
}

interface Row {
  seq: number;
  at: number;
  type: string;
  payload: string;
  incident_id: string | null;
}

export interface RunBounds extends DrillRunView {
  readonly startSeq: number;
  readonly endSeq: number | null;
  readonly scenario: Scenario;
  readonly autoDispatch: boolean;
}

export function drillRuns(db: Database): RunBounds[] {
  const rows = db.prepare("SELECT seq, at, type, payload FROM events WHERE type IN ('drill.started', 'drill.ended') ORDER BY seq").all() as Row[];
  const runs = new Map<string, RunBounds>();
  for (const r of rows) {
    const p = JSON.parse(r.payload) as { runId: string; scenario?: Scenario; reason?: string; autoDispatch?: boolean };
    if (r.type === 'drill.started' && p.scenario) {
      runs.set(p.runId, {
        runId: p.runId,
        scenarioId: p.scenario.id,
        title: p.scenario.title,
        startedAt: r.at,
        endedAt: null,
        endReason: null,
        startSeq: r.seq,
        endSeq: null,
        scenario: p.scenario,
        autoDispatch: p.autoDispatch ?? false,
      });
    } else {
      const run = runs.get(p.runId);
      if (run && run.endSeq === null) runs.set(p.runId, { ...run, endedAt: r.at, endReason: p.reason ?? null, endSeq: r.seq });
    }
  }
  return [...runs.values()].reverse();
}

const secs = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : (b - a) / 1000);

function metricOf(m: Metric, i: IncidentTimes): number | null | 'n/a' {
  const callLess = i.callAt === null;
  switch (m) {
    case 'call_to_incident':
      return callLess ? 'n/a' : secs(i.callAt, i.createdAt);
    case 'call_to_dispatch':
      return callLess ? 'n/a' : secs(i.callAt, i.dispatchedAt);
    case 'call_to_on_scene':
      return callLess ? 'n/a' : secs(i.callAt, i.onSceneAt);
    case 'incident_to_dispatch':
      return secs(i.createdAt, i.dispatchedAt);
    case 'dispatch_to_ack':
      return i.dispatchedAt === null ? null : secs(i.dispatchedAt, i.ackAt);
    case 'dispatch_to_on_scene':
      return i.dispatchedAt === null ? null : secs(i.dispatchedAt, i.onSceneAt);
    default:
      return 'n/a';
  }
}

export function afterActionReport(db: Database, run: RunBounds, now: number, cases?: CaseSlaSource): AfterActionReport {
  const rows = db
    .prepare('SELECT seq, at, type, payload, incident_id FROM events WHERE seq > ? AND seq <= ? ORDER BY seq')
    .all(run.startSeq, run.endSeq ?? Number.MAX_SAFE_INTEGER) as Row[];
  const calls: { at: number; lat: number; lon: number; claimed: boolean }[] = [];
  const incidents = new Map<string, IncidentTimes & { unitIds: Set<string> }>();
  const orderIncident = new Map<string, string>();
  const set = <K extends keyof IncidentTimes>(id: string | null | undefined, k: K, v: IncidentTimes[K]): void => {
    const i = id ? incidents.get(id) : undefined;
    if (i && i[k] === null) incidents.set(i.incidentId, { ...i, [k]: v });
  };
  for (const r of rows) {
    const p = JSON.parse(r.payload) as Record<string, unknown>;
    if (r.type === 'report.received') calls.push({ at: r.at, lat: p.lat as number, lon: p.lon as number, claimed: false });
    else if (r.type === 'incident.created') {
      const here = { lat: p.lat as number, lon: p.lon as number };
      const mine = calls.filter((c) => !c.claimed && c.at <= r.at && distanceM(c, here) <= CALL_MATCH_M);
      for (const c of mine) c.claimed = true;
      incidents.set(p.id as string, {
        incidentId: p.id as string,
        number: p.number as number,
        type: p.type as string,
        address: p.address as string,
        callAt: mine.length ? Math.min(...mine.map((c) => c.at)) : null,
        createdAt: r.at,
        dispatchedAt: null,
        ackAt: null,
        onSceneAt: null,
        units: 0,
        refused: 0,
        ...here,
        unitIds: new Set(),
      });
    } else if (r.type === 'incident.dispatched') {
      const id = p.incidentId as string;
      set(id, 'dispatchedAt', r.at);
      const inc = incidents.get(id);
      for (const o of p.orders as { orderId: string; unitId: string }[]) {
        orderIncident.set(o.orderId, id);
        inc?.unitIds.add(o.unitId);
      }
    } else if (r.type === 'order.answered') {
      const id = orderIncident.get(p.orderId as string);
      if (p.accepted) set(id, 'ackAt', r.at);
      else if (id && incidents.has(id)) {
        const inc = incidents.get(id);
        if (inc) incidents.set(id, { ...inc, refused: inc.refused + 1 });
      }
    } else if (r.type === 'unit.status' && p.status === 'on_scene') set(r.incident_id, 'onSceneAt', r.at);
  }
  const list = [...incidents.values()].map(({ unitIds, ...i }) => ({ ...i, units: unitIds.size }));
  const sentUnits = new Set([...incidents.values()].flatMap((i) => [...i.unitIds]));

  const expectations: ExpectationResult[] = run.scenario.expectations.map((x) => {
    const scope = list.filter((i) => !x.incidentType || i.type === x.incidentType);
    if (COUNT_METRICS.has(x.metric)) {
      const measured = x.metric === 'incidents' ? scope.length : scope.reduce((s, i) => s + i.units, 0);
      const limit = x.min ?? 0;
      return { metric: x.metric, incidentType: x.incidentType ?? null, label: x.label ?? null, limit, kind: 'min', measured, missing: 0, met: measured >= limit };
    }
    const values = scope.map((i) => metricOf(x.metric, i)).filter((v) => v !== 'n/a');
    const got = values.filter((v): v is number => v !== null);
    const measured = got.length ? Math.max(...got) : null;
    const missing = values.length - got.length;
    const limit = x.max ?? 0;
    return { metric: x.metric, incidentType: x.incidentType ?? null, label: x.label ?? null, limit, kind: 'max', measured, missing, met: measured !== null && missing === 0 && measured <= limit };
  });

  const timeMetrics = (['call_to_incident', 'call_to_dispatch', 'incident_to_dispatch', 'dispatch_to_ack', 'dispatch_to_on_scene', 'call_to_on_scene'] as const).map((metric) => {
    const v = list.map((i) => metricOf(metric, i)).filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
    return { metric, n: v.length, p50: v.length ? v[Math.floor((v.length - 1) / 2)] : null, max: v.length ? v[v.length - 1] : null };
  });
  const end = run.endedAt ?? now;
  const tracks = readTracks(db, run.startedAt, end, sentUnits).map((t) => ({ ...t, points: thin(t.points, MAX_TRACK_POINTS) }));
  return {
    run: { runId: run.runId, scenarioId: run.scenarioId, title: run.title, startedAt: run.startedAt, endedAt: run.endedAt, endReason: run.endReason },
    calls: calls.length,
    incidents: list,
    expectations,
    allMet: expectations.every((e) => e.met),
    stats: timeMetrics,
    tracks,
    cases: cases ? cases.slaResults(run.startedAt, end) : null,
  };
}

/** At most `max` points, evenly picked, first and last kept. */
function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]);
}
