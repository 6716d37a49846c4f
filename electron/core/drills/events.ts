/**
 * Drill events. A drill run is delimited in the log by `drill.started` (with the whole scenario,
 * so the after-action report needs nothing but the log) and `drill.ended`. They change no
 * projected table: runs are read from the log itself (events_type index).
 */
import type { Scenario } from '../../../shared/drills/scenario.js';
import type { EventRecord } from '../store/events.js';

export interface DrillEventPayloads {
  'drill.started': { runId: string; scenario: Scenario; speed: number; autoDispatch: boolean };
  'drill.ended': { runId: string; reason: 'completed' | 'stopped' | 'duration' };
}

export const DRILL_EVENT_TYPES = ['drill.started', 'drill.ended'] as const;

type DrillProjectors = { [K in keyof DrillEventPayloads]: (e: EventRecord<K>) => void };

export function makeDrillProjectors(): DrillProjectors {
  return { 'drill.started': () => undefined, 'drill.ended': () => undefined };
}
