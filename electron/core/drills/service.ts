/**
 * Drills in the console: the drill clock, the scenario engine (simulated devices over MQTT in the
 * drill namespace), the headless dispatcher, the run's start and end events, after-action reports
 * and replay. API: drill.status, drill.scenarios, drill.start, drill.control, drill.stop,
 * drill.runs, drill.report, replay.range, replay.at (replay works in live mode too).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, type ApiHandlers, type Push } from '../../../shared/api.js';
import type { DrillApiName, DrillStatus, ScenarioSummary } from '../../../shared/drills/api.js';
import type { Scenario } from '../../../shared/drills/scenario.js';
import type { RoadGraph } from '../../../shared/domain/roads.js';
import type { RosterRow } from '../../../shared/schemas/catalog.js';
import type { TopicNamespace } from '../../../shared/schemas/namespace.js';
import { DrillEngine } from '../../sim/drill-engine.js';
import type { Queries } from '../store/queries.js';
import type { Store } from '../store/store.js';
import type { WarningService } from '../warnings/warnings.js';
import { afterActionReport, drillRuns, type CaseSlaSource } from './after-action.js';
import { AutoDispatcher, type Caller } from './auto-dispatch.js';
import { placePoint, type Block } from './city.js';
import type { DrillClock } from './clock.js';
import { loadScenario, type CityRefs } from './scenario-file.js';
import { replayAt, replayRange } from './replay.js';

export interface DrillServiceOptions {
  readonly store: Store;
  readonly queries: Queries;
  readonly warnings: WarningService;
  /** Present in drill mode only. */
  readonly clock: DrillClock | null;
  readonly ns: TopicNamespace;
  readonly brokerUrl: string;
  readonly roads: RoadGraph;
  readonly roster: readonly RosterRow[];
  readonly blocks: ReadonlyMap<string, Block>;
  readonly refs: CityRefs;
  /** Folder of the built-in scenarios (resources/drills). */
  readonly scenariosDir: string;
  readonly consoleId: string;
  readonly push: (p: Push) => void;
  readonly cases?: CaseSlaSource;
}

interface ActiveRun {
  readonly runId: string;
  readonly scenario: Scenario;
  readonly engine: DrillEngine;
  readonly auto: AutoDispatcher | null;
  readonly timer: NodeJS.Timeout;
  readonly startedAt: number;
}

export class DrillService {
  readonly handlers: Pick<ApiHandlers, DrillApiName>;
  private active: ActiveRun | null = null;
  private caller: Caller | null = null;
  private readonly endWaiters = new Set<(runId: string) => void>();

  constructor(private readonly o: DrillServiceOptions) {
    o.clock?.onChange(() => this.announce());
    this.handlers = {
      'drill.status': async () => this.status(),
      'drill.scenarios': async () => ({ scenarios: this.scenarios() }),
      'drill.start': async ({ scenarioId, speed, autoDispatch }) => {
        await this.start(this.builtIn(scenarioId), { speed, autoDispatch });
        return this.status();
      },
      'drill.control': async ({ speed, paused }) => {
        const clock = this.mustDrill();
        if (speed !== undefined) clock.setSpeed(speed);
        if (paused !== undefined) clock.setPaused(paused);
        return this.status();
      },
      'drill.stop': async () => {
        await this.end('stopped');
        return this.status();
      },
      'drill.runs': async () => ({ runs: drillRuns(o.store.db).map(({ runId, scenarioId, title, startedAt, endedAt, endReason }) => ({ runId, scenarioId, title, startedAt, endedAt, endReason })) }),
      'drill.report': async ({ runId }) => this.report(runId),
      'replay.range': async () => replayRange(o.store),
      'replay.at': async ({ at }) => replayAt(o.store, at),
    };
  }

  /** The headless dispatcher acts through this (the core's validated, permission-checked call). */
  setCaller(caller: Caller): void {
    this.caller = caller;
  }

  status(): DrillStatus {
    const clock = this.o.clock;
    const a = this.active;
    const now = this.o.store.now();
    return {
      drill: clock !== null,
      topicPrefix: this.o.ns.prefix,
      speed: clock?.speed ?? 1,
      paused: clock?.isPaused ?? false,
      clock: now,
      run: a
        ? {
            runId: a.runId,
            scenarioId: a.scenario.id,
            title: a.scenario.title,
            startedAt: a.startedAt,
            endedAt: null,
            endReason: null,
            elapsedS: Math.max(0, Math.round(a.engine.elapsedS())),
            durationS: a.scenario.duration,
            scenarioStart: a.scenario.start,
            autoDispatch: a.auto !== null,
          }
        : null,
    };
  }

  scenarios(): ScenarioSummary[] {
    let files: string[];
    try {
      files = readdirSync(this.o.scenariosDir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
    } catch {
      return [];
    }
    return files.map((f) => {
      const s = loadScenario(join(this.o.scenariosDir, f), this.o.refs);
      return { id: s.id, title: s.title, summary: s.summary ?? null, durationS: s.duration, injects: s.timeline.length };
    });
  }

  /** A scenario file checked against this console's city (roster, sensors, map, catalog). */
  loadFile(file: string): Scenario {
    return loadScenario(file, this.o.refs);
  }

  builtIn(id: string): Scenario {
    const files = readdirSync(this.o.scenariosDir).filter((f) => /\.(ya?ml|json)$/.test(f));
    for (const f of files) {
      const s = loadScenario(join(this.o.scenariosDir, f), this.o.refs);
      if (s.id === id) return s;
    }
    throw new ApiError('not_found', `no built-in scenario "${id}"`);
  }

  /** Starts a drill run: its start event, the engine's devices, the headless dispatcher if asked. */
  async start(scenario: Scenario, opts: { speed?: number; autoDispatch?: boolean } = {}): Promise<string> {
    const clock = this.mustDrill();
    if (this.active) throw new ApiError('conflict', `a drill is running (${this.active.scenario.id}): stop it first`);
    const runId = randomUUID();
    const speed = opts.speed ?? 1;
    const autoDispatch = opts.autoDispatch ?? false;
    clock.setPaused(false);
    clock.setSpeed(speed);
    const startedAt = this.o.store.append('drill.started', { runId, scenario, speed, autoDispatch }, { actor: 'system', consoleId: this.o.consoleId }).at;
    const now = (): number => this.o.store.now();
    const engine = new DrillEngine({
      scenario,
      runId,
      brokerUrl: this.o.brokerUrl,
      ns: this.o.ns,
      roads: this.o.roads,
      now,
      roster: this.o.roster,
      sensors: new Map(this.o.warnings.queries.sensors().map((s) => [s.id, { kind: s.kind, unit: s.unit }])),
      place: (p) => placePoint(p, this.o.blocks),
    });
    const caller = this.caller;
    const auto = autoDispatch && caller ? new AutoDispatcher(() => engine.calls, (id) => this.o.warnings.queries.report(id)?.receivedAt ?? null, caller, now, scenario.autoDispatch.after * 1000) : null;
    const timer = setInterval(() => this.watch(), 200);
    this.active = { runId, scenario, engine, auto, timer, startedAt };
    try {
      await engine.start();
    } catch (e) {
      await this.end('stopped');
      throw e;
    }
    this.announce();
    return runId;
  }

  /** Resolves with the run id when the running drill ends. */
  ended(): Promise<string> {
    return new Promise((resolve) => this.endWaiters.add(resolve));
  }

  report(runId: string): ReturnType<typeof afterActionReport> {
    const run = drillRuns(this.o.store.db).find((r) => r.runId === runId);
    if (!run) throw new ApiError('not_found', `no drill run ${runId}`);
    return afterActionReport(this.o.store.db, run, this.o.store.now(), this.o.cases);
  }

  async close(): Promise<void> {
    await this.end('stopped');
  }

  private watch(): void {
    const a = this.active;
    if (!a) return;
    a.auto?.tick();
    if (a.engine.finished) return void this.end('duration');
    if (a.auto && a.engine.injectsDone && this.allOnScene(a)) void this.end('completed');
  }

  /** Every call's incident has a unit on scene (what an unattended run waits for). */
  private allOnScene(a: ActiveRun): boolean {
    const auto = a.auto;
    if (!auto) return false;
    const keys = new Set(a.engine.calls.map((c) => c.key));
    return [...keys].every((k) => {
      const id = auto.incidents.get(k);
      return id !== undefined && (this.o.queries.incident(id)?.times.firstOnSceneAt ?? null) !== null;
    });
  }

  private async end(reason: 'completed' | 'stopped' | 'duration'): Promise<void> {
    const a = this.active;
    if (!a) return;
    this.active = null;
    clearInterval(a.timer);
    await a.engine.stop();
    this.o.store.append('drill.ended', { runId: a.runId, reason }, { actor: 'system', consoleId: this.o.consoleId });
    this.announce();
    for (const w of this.endWaiters) w(a.runId);
    this.endWaiters.clear();
  }

  private mustDrill(): DrillClock {
    if (!this.o.clock) throw new ApiError('conflict', 'this console runs live: restart it with --drill to run drills');
    return this.o.clock;
  }

  private announce(): void {
    this.o.push({ kind: 'drill', drill: this.status() });
  }
}
