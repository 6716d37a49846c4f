import { describe, expect, it } from 'vitest';
import {
  bandsFor,
  DEFAULT_BAND_FRACTION,
  evaluate,
  levelOfSeverity,
  nextLevel,
  severityOfLevel,
  transitionOf,
  type Transition,
} from '../../../../shared/domain/thresholds';
import type { SensorLevel } from '../../../../shared/model';

// A water gauge: warning line 4.0 m, alarm line 5.0 m; default bands 0.2 m and 0.25 m.
const LINES = { warning: 4, alarm: 5 };
const BANDS = bandsFor(LINES);

/** Runs readings through the machine from `start`, returning each level and every transition. */
function run(values: number[], start: SensorLevel = 'normal'): { levels: SensorLevel[]; transitions: Transition[] } {
  let level = start;
  const levels: SensorLevel[] = [];
  const transitions: Transition[] = [];
  for (const v of values) {
    const next = nextLevel(level, v, LINES, BANDS);
    const t = transitionOf(level, next);
    if (t) transitions.push(t);
    levels.push(next);
    level = next;
  }
  return { levels, transitions };
}

describe('bands', () => {
  it('default to 5 % of each line', () => {
    expect(DEFAULT_BAND_FRACTION).toBe(0.05);
    expect(BANDS.warning).toBeCloseTo(0.2);
    expect(BANDS.alarm).toBeCloseTo(0.25);
  });

  it('take the kind share, and the sensor band over both', () => {
    expect(bandsFor(LINES, { fraction: 0.1 })).toEqual({ warning: 0.4, alarm: 0.5 });
    expect(bandsFor(LINES, { band: 0.05, fraction: 0.1 })).toEqual({ warning: 0.05, alarm: 0.05 });
    expect(bandsFor(LINES, { band: null, fraction: 0.1 })).toEqual({ warning: 0.4, alarm: 0.5 });
  });

  it('stay positive for lines below zero', () => {
    const b = bandsFor({ warning: -10, alarm: -5 });
    expect(b.warning).toBeCloseTo(0.5);
    expect(b.alarm).toBeCloseTo(0.25);
  });
});

describe('threshold state machine', () => {
  it('raises at the line itself, not only above it', () => {
    expect(nextLevel('normal', 3.99, LINES, BANDS)).toBe('normal');
    expect(nextLevel('normal', 4, LINES, BANDS)).toBe('warning');
    expect(nextLevel('normal', 5, LINES, BANDS)).toBe('alarm');
    expect(nextLevel('warning', 5, LINES, BANDS)).toBe('alarm');
  });

  it('does not flap when a value hovers at the warning line', () => {
    const r = run([3.9, 4.0, 3.95, 4.02, 3.85, 4.01, 3.81, 3.99]);
    expect(r.levels).toEqual(['normal', 'warning', 'warning', 'warning', 'warning', 'warning', 'warning', 'warning']);
    expect(r.transitions).toEqual(['raise']);
  });

  it('clears only once the value falls below line − band', () => {
    const r = run([4.1, 3.81, 3.8, 3.79, 3.9, 4.0]);
    // 3.80 is exactly line − band: still held; 3.79 clears; 3.9 stays normal (under the line).
    expect(r.levels).toEqual(['warning', 'warning', 'warning', 'normal', 'normal', 'warning']);
    expect(r.transitions).toEqual(['raise', 'clear', 'raise']);
  });

  it('does not flap at the alarm line either, and downgrades through the warning band', () => {
    const r = run([5.0, 4.9, 5.01, 4.76, 4.74, 4.2, 3.9, 3.79]);
    expect(r.levels).toEqual(['alarm', 'alarm', 'alarm', 'alarm', 'warning', 'warning', 'warning', 'normal']);
    expect(r.transitions).toEqual(['raise', 'downgrade', 'clear']);
  });

  it('goes from alarm straight to normal when the value drops under both bands', () => {
    expect(run([5.5, 2]).transitions).toEqual(['raise', 'clear']);
    expect(run([4.5, 6, 4.5]).transitions).toEqual(['raise', 'upgrade', 'downgrade']);
  });

  it('names the transitions', () => {
    expect(transitionOf('normal', 'normal')).toBeNull();
    expect(transitionOf('normal', 'warning')).toBe('raise');
    expect(transitionOf('normal', 'alarm')).toBe('raise');
    expect(transitionOf('warning', 'alarm')).toBe('upgrade');
    expect(transitionOf('alarm', 'warning')).toBe('downgrade');
    expect(transitionOf('alarm', 'normal')).toBe('clear');
  });
});

describe('evaluate', () => {
  it('refuses a reading not newer than the last, leaving the state to the caller', () => {
    const state = { level: 'warning' as const, lastTs: 1000 };
    const same = evaluate(state, { value: 1, ts: 1000 }, LINES, BANDS);
    expect(same.ok).toBe(false);
    expect(same.ok ? '' : same.reason).toMatch(/not newer/);
    expect(evaluate(state, { value: 1, ts: 999 }, LINES, BANDS).ok).toBe(false);
    expect(evaluate(state, { value: 1, ts: 1001 }, LINES, BANDS)).toEqual({ ok: true, level: 'normal', transition: 'clear' });
  });

  it('accepts any first reading', () => {
    expect(evaluate({ level: 'normal', lastTs: null }, { value: 4.5, ts: 1 }, LINES, BANDS)).toEqual({ ok: true, level: 'warning', transition: 'raise' });
  });
});

describe('levels and severities', () => {
  it('map warning → moderate and alarm → severe, and back', () => {
    expect(severityOfLevel('warning')).toBe('moderate');
    expect(severityOfLevel('alarm')).toBe('severe');
    expect(levelOfSeverity(null)).toBe('normal');
    expect(levelOfSeverity('moderate')).toBe('warning');
    expect(levelOfSeverity('severe')).toBe('alarm');
  });
});
