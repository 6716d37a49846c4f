/** The drill and replay part of the app API: inputs (zod) and results. */
import { z } from 'zod';
import type { IncidentView, OrderView, UnitView, WarningView } from '../model.js';
import { idSchema, uuidSchema } from '../schemas/common.js';
import type { Bilingual, Metric } from './scenario.js';

export const DRILL_SPEED_CHOICES = [1, 2, 5, 10] as const;

export const drillInputs = {
  'drill.status': z.object({}).strict(),
  /** The built-in scenarios (resources/drills). */
  'drill.scenarios': z.object({}).strict(),
  /** Starts a built-in scenario; autoDispatch: the headless dispatcher opens and dispatches each call's incident. */
  'drill.start': z
    .object({ scenarioId: idSchema, speed: z.number().positive().max(1000).optional(), autoDispatch: z.boolean().optional() })
    .strict(),
  /** Speed ×1, ×2, ×5, ×10 (tests may go faster) and pause. */
  'drill.control': z.object({ speed: z.number().positive().max(1000).optional(), paused: z.boolean().optional() }).strict(),
  'drill.stop': z.object({}).strict(),
  /** Drill runs recorded in this database, newest first. */
  'drill.runs': z.object({}).strict(),
  'drill.report': z.object({ runId: uuidSchema }).strict(),
  /** The span of the event log (first and last event times). */
  'replay.range': z.object({}).strict(),
  /** The state as it was at `at` (epoch ms of the console's clock), rebuilt from the log. */
  'replay.at': z.object({ at: z.number().int().min(0) }).strict(),
} as const;

export type DrillApiName = keyof typeof drillInputs;

export interface DrillRunView {
  readonly runId: string;
  readonly scenarioId: string;
  readonly title: Bilingual;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly endReason: string | null;
}

export interface DrillStatus {
  /** The console runs on the drill database and namespace. */
  readonly drill: boolean;
  readonly topicPrefix: string;
  readonly speed: number;
  readonly paused: boolean;
  /** The console's clock (the drill clock in a drill) when this was made. */
  readonly clock: number;
  readonly run: (DrillRunView & { readonly elapsedS: number; readonly durationS: number; readonly scenarioStart: string; readonly autoDispatch: boolean }) | null;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly title: Bilingual;
  readonly summary: Bilingual | null;
  readonly durationS: number;
  readonly injects: number;
}

/** One measured time or count against the scenario's expectation. */
export interface ExpectationResult {
  readonly metric: Metric;
  readonly incidentType: string | null;
  readonly label: Bilingual | null;
  /** Seconds (times) or a count. */
  readonly limit: number;
  readonly kind: 'max' | 'min';
  /** The worst time over the incidents (or the count); null when nothing was measured. */
  readonly measured: number | null;
  /** Incidents that never reached the step (e.g. no unit on scene). */
  readonly missing: number;
  readonly met: boolean;
}

export interface IncidentTimes {
  readonly incidentId: string;
  readonly number: number;
  readonly type: string;
  readonly address: string;
  readonly lat: number;
  readonly lon: number;
  readonly callAt: number | null;
  readonly createdAt: number;
  readonly dispatchedAt: number | null;
  readonly ackAt: number | null;
  readonly onSceneAt: number | null;
  readonly units: number;
  readonly refused: number;
}

export interface TrackView {
  readonly unitId: string;
  readonly agency: string | null;
  /** [lat, lon, ts] samples in time order. */
  readonly points: readonly (readonly [number, number, number])[];
}

export interface AfterActionReport {
  readonly run: DrillRunView;
  readonly calls: number;
  readonly incidents: readonly IncidentTimes[];
  readonly expectations: readonly ExpectationResult[];
  readonly allMet: boolean;
  /** Medians and worst cases per time metric, seconds. */
  readonly stats: readonly { readonly metric: Metric; readonly n: number; readonly p50: number | null; readonly max: number | null }[];
  readonly tracks: readonly TrackView[];
  /** Case SLA results from the case desk, when there is one (null: no case desk in this console). */
  readonly cases: readonly { readonly caseId: string; readonly sla: string; readonly met: boolean }[] | null;
}

export interface ReplayState {
  readonly at: number;
  /** Events applied (those at or before `at`). */
  readonly events: number;
  readonly units: readonly UnitView[];
  readonly incidents: readonly IncidentView[];
  readonly orders: readonly OrderView[];
  readonly warnings: readonly WarningView[];
}

export interface DrillResults {
  'drill.status': DrillStatus;
  'drill.scenarios': { scenarios: readonly ScenarioSummary[] };
  'drill.start': DrillStatus;
  'drill.control': DrillStatus;
  'drill.stop': DrillStatus;
  'drill.runs': { runs: readonly DrillRunView[] };
  'drill.report': AfterActionReport;
  'replay.range': { from: number | null; to: number | null };
  'replay.at': ReplayState;
}
