/**
 * Sensor thresholds: a three-state machine (normal → warning → alarm) with hysteresis.
 *
 * A level is entered as soon as a reading reaches its line (value ≥ line), but left only when the
 * reading falls below the line minus a band. Without the band a gauge hovering at the line would
 * raise and clear a warning on every reading, flooding the log and the dispatchers' screens.
 * Readings must also arrive in device-time order: an older reading delivered late must not undo
 * the state a newer one set.
 *
 * Every line here is a "rising" line (water level, rainfall, smoke, gas, temperature, crowd density
 * are all dangerous when high). Pure: no clock, no storage.
 */
import type { SensorLevel, WarningSeverity } from '../model.js';

/** Band as a share of each line when neither the sensor nor its kind sets one. */
export const DEFAULT_BAND_FRACTION = 0.05;

export interface Thresholds {
  readonly warning: number;
  readonly alarm: number;
}

/** How far below each line a reading must fall to leave that level, in the sensor's unit. */
export interface Bands {
  readonly warning: number;
  readonly alarm: number;
}

/**
 * The bands for a sensor: its own absolute band if set, else `fraction` (the kind's setting or the
 * default) of each line. Math.abs so a line below zero (a temperature) still gets a positive band.
 */
export function bandsFor(t: Thresholds, opts: { band?: number | null; fraction?: number } = {}): Bands {
  if (opts.band !== undefined && opts.band !== null) return { warning: opts.band, alarm: opts.band };
  const f = opts.fraction ?? DEFAULT_BAND_FRACTION;
  return { warning: Math.abs(t.warning) * f, alarm: Math.abs(t.alarm) * f };
}

/** The level after one reading, given the level before it. */
export function nextLevel(current: SensorLevel, value: number, t: Thresholds, b: Bands): SensorLevel {
  if (value >= t.alarm) return 'alarm';
  if (current === 'alarm' && value >= t.alarm - b.alarm) return 'alarm';
  if (value >= t.warning) return 'warning';
  // Coming down from either level: hold the warning until the value clears its band.
  if (current !== 'normal' && value >= t.warning - b.warning) return 'warning';
  return 'normal';
}

export type Transition = 'raise' | 'upgrade' | 'downgrade' | 'clear';

const RANK: Readonly<Record<SensorLevel, number>> = { normal: 0, warning: 1, alarm: 2 };

/** What a change of level means for the warning; null when the level stays. */
export function transitionOf(from: SensorLevel, to: SensorLevel): Transition | null {
  if (from === to) return null;
  if (to === 'normal') return 'clear';
  if (from === 'normal') return 'raise';
  return RANK[to] > RANK[from] ? 'upgrade' : 'downgrade';
}

export interface SensorState {
  readonly level: SensorLevel;
  /** Device time of the last accepted reading; null before the first. */
  readonly lastTs: number | null;
}

export interface Reading {
  readonly value: number;
  readonly ts: number;
}

export type Evaluation =
  | { readonly ok: true; readonly level: SensorLevel; readonly transition: Transition | null }
  | { readonly ok: false; readonly reason: string };

/** One reading through the machine: refused when not newer than the last, else the new level. */
export function evaluate(state: SensorState, reading: Reading, t: Thresholds, b: Bands): Evaluation {
  if (state.lastTs !== null && reading.ts <= state.lastTs)
    return { ok: false, reason: `reading is not newer than the last one (ts ${reading.ts} ≤ ${state.lastTs})` };
  const level = nextLevel(state.level, reading.value, t, b);
  return { ok: true, level, transition: transitionOf(state.level, level) };
}

/** The warning severity a level raises: warning line → moderate, alarm line → severe. */
export function severityOfLevel(level: Exclude<SensorLevel, 'normal'>): WarningSeverity {
  return level === 'alarm' ? 'severe' : 'moderate';
}

/** The level a sensor's open warning stands for (none open: normal). */
export function levelOfSeverity(severity: WarningSeverity | null): SensorLevel {
  if (severity === null) return 'normal';
  return severity === 'severe' || severity === 'extreme' ? 'alarm' : 'warning';
}
