/**
 * One running console: a session to the core, the data store it fills, the UI store, the
 * selected incident's detail, plus the operations the dispatcher can run. Made outside React so
 * React's strict-mode double effects never open a second connection.
 */
import { ApiError } from '../../../shared/api';
import type { ConnectionState } from '../api/ws-client';
import type { Session } from '../api/bridge';
import { severityRank, SeverityWatch } from '../lib/warnings';
import { webAudioTone } from '../lib/tone';
import { localStore } from '../lib/local-store';
import { ScreenLatency } from '../lib/screen-latency';
import type { WarningView } from '../../../shared/model';
import { CasesStore } from './cases-store';
import { ConsoleStore } from './console-store';
import { KpiStore } from './kpi-store';
import { DetailStore } from './detail-store';
import { guard, makeOperations, toUiError, type Actions, type Operations } from './operations';
import { SoundStore } from './sound-store';
import { UiStore, type UiError } from './ui-store';

export type { Actions, Operations } from './operations';

export interface Runtime {
  readonly session: Session;
  readonly store: ConsoleStore;
  readonly ui: UiStore;
  readonly detail: DetailStore;
  /** The warning tone and its mute switch. */
  readonly sound: SoundStore;
  /** The case desk (loaded on first use). */
  readonly cases: CasesStore;
  /** The case desk's KPI dashboard (fetched while it shows). */
  readonly kpi: KpiStore;
  /** Field positions' age when the map draws them (the diagnostics view shows it). */
  readonly screenLatency: ScreenLatency;
  /** Throwing operations (the command line shows their failures inline). */
  readonly ops: Operations;
  /** The same, showing failures in the side panel. */
  readonly actions: Actions;
  dispose(): void;
}

/**
 * The text of a failure. Over Electron IPC a rejection arrives as plain data
 * `{ name: 'ApiError', code, message }` (contextBridge strips Error objects), not as an Error.
 */
export function message(e: unknown): string {
  if (e instanceof ApiError || e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** Pushes about the selected incident refresh its detail at most this often. */
const DETAIL_DEBOUNCE_MS = 250;
/** A sensor's warning changed: its last value is fetched this soon after (several coalesce). */
const SENSORS_DEBOUNCE_MS = 500;
/** Readings that change no level push nothing: the sensors' last values are refreshed this often. */
const SENSORS_POLL_MS = 30_000;

export function startRuntime(session: Session): Runtime {
  const store = new ConsoleStore();
  const ui = new UiStore();
  const detail = new DetailStore();
  const sound = new SoundStore(webAudioTone(), localStore());
  const ops = makeOperations(session.api, store, ui, detail);
  const actions = guard(ops, ui);
  const cases = new CasesStore(session.api, () => session.connection() === 'ready');
  const kpi = new KpiStore(session.api);
  const screenLatency = new ScreenLatency();

  // The tone sounds once per new (or newly worse) severe warning; the list as first loaded is
  // what the dispatcher sees on opening the console, without a tone.
  let loading = 0;
  const watch = new SeverityWatch();
  let primed = false;
  const alertFor = (list: readonly WarningView[]): void => {
    const loud = list.filter((w) => watch.observe(w));
    if (!primed || loud.length === 0) return;
    sound.alert(loud.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a)).severity);
  };
  const loadRisks = (attempt: number): void => {
    ops.loadRisks().then(
      () => {
        if (attempt !== loading) return;
        alertFor([...store.getState().warnings.values()]);
        primed = true;
      },
      (e: unknown) => ui.setError(toUiError(e)),
    );
  };
  let sensorTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshSensors = (): void => {
    sensorTimer ??= setTimeout(() => {
      sensorTimer = null;
      void ops.refreshSensors().catch(() => undefined);
    }, SENSORS_DEBOUNCE_MS);
  };
  const poll = setInterval(() => {
    if (session.connection() === 'ready') refreshSensors();
  }, SENSORS_POLL_MS);

  // Every (re)connection reloads the whole snapshot: pushes missed while away are not replayed.
  // A failed load's message goes when a later load works; a failed action's stays.
  let snapshotError: UiError | null = null;
  const reload = (): void => {
    const attempt = ++loading;
    session.api['session.snapshot']({}).then(
      (s) => {
        if (attempt !== loading) return;
        if (snapshotError !== null && ui.getState().error === snapshotError) ui.setError(null);
        snapshotError = null;
        store.load(s);
        const id = detail.getState().incidentId;
        if (id) schedule(id, 'all');
      },
      (e: unknown) => {
        ui.setError(toUiError(e));
        snapshotError = ui.getState().error;
      },
    );
  };
  const onState = (s: ConnectionState): void => {
    store.setConnection(s);
    if (s !== 'ready') return;
    reload();
    loadRisks(loading);
    cases.reload();
  };

  // The selected incident's notes and timeline follow the pushes that concern it.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: 'all' | 'timeline' | null = null;
  const schedule = (incidentId: string, what: 'all' | 'timeline'): void => {
    pending = pending === 'all' || what === 'all' ? 'all' : 'timeline';
    timer ??= setTimeout(() => {
      timer = null;
      const w = pending ?? 'timeline';
      pending = null;
      if (detail.getState().incidentId === incidentId) void ops.refreshDetail(incidentId, w).catch(() => undefined);
    }, DETAIL_DEBOUNCE_MS);
  };
  const offPush = session.onPush((p) => {
    store.apply(p);
    cases.apply(p);
    if (p.kind === 'warning') {
      alertFor([p.warning]);
      if (p.warning.source === 'sensor') refreshSensors();
    }
    const id = detail.getState().incidentId;
    if (!id) return;
    if (p.kind === 'incident' && p.incident.id === id) schedule(id, 'all');
    else if (p.kind === 'order' && p.order.incidentId === id) schedule(id, 'timeline');
  });
  const offState = session.onState(onState);
  onState(session.connection());

  return {
    session,
    store,
    ui,
    detail,
    sound,
    cases,
    kpi,
    screenLatency,
    ops,
    actions,
    dispose: () => {
      cases.dispose();
      if (timer) clearTimeout(timer);
      if (sensorTimer) clearTimeout(sensorTimer);
      clearInterval(poll);
      sound.dispose();
      offPush();
      offState();
      session.close();
    },
  };
}
