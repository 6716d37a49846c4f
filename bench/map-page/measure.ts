/**
 * Turns what the bench page recorded during a measurement into figures: frame rate, frame-time
 * tail, and report-to-frame latency in milliseconds and in frames.
 *
 * Frames are counted from the page's own requestAnimationFrame loop: `frames[i]` is the frame's
 * timestamp (shared by every callback of that frame) and `callbacks[i]` when the loop's callback
 * actually ran. A batch that arrived at `at` is "drawn in frame k" where frame 1 is the first
 * frame whose callbacks ran after `at` (all callbacks of a frame run back to back, with no task
 * in between, so a batch is either before all of them or after all of them).
 */
import type { Latency, Measurement } from './api';

export interface Arrival {
  readonly at: number;
  /** The live layer's table version right after the batch was applied. */
  readonly version: number;
  /** The batch changed something on screen at once (a status colour of a unit in view). */
  readonly visible: boolean;
  drawnAt: number | null;
  frameTime: number | null;
}

const pct = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function latency(frames: readonly number[], callbacks: readonly number[], arrivals: readonly Arrival[]): Latency | null {
  const ms: number[] = [];
  const counts: number[] = [];
  const index = new Map(frames.map((ts, i) => [ts, i]));
  for (const a of arrivals) {
    if (a.drawnAt === null || a.frameTime === null) continue;
    const drawnIn = index.get(a.frameTime);
    const first = callbacks.findIndex((c) => c > a.at);
    if (drawnIn === undefined || first < 0) continue; // drawn after the measurement window
    ms.push(a.drawnAt - a.at);
    counts.push(drawnIn - first + 1);
  }
  return latencyOf(ms, counts);
}

/** Latency figures from samples (milliseconds and frames per batch); null without samples. */
export function latencyOf(ms: readonly number[], counts: readonly number[]): Latency | null {
  if (ms.length === 0) return null;
  return {
    count: ms.length,
    p50Ms: round(pct(ms, 50)),
    p95Ms: round(pct(ms, 95)),
    maxMs: round(ms.reduce((a, b) => Math.max(a, b), 0)),
    p50Frames: pct(counts, 50),
    p95Frames: pct(counts, 95),
    maxFrames: counts.reduce((a, b) => Math.max(a, b), 0),
    withinTwoFrames: round(counts.filter((c) => c <= 2).length / counts.length, 4),
    samples: { ms, frames: counts },
  };
}

export function summarise(r: {
  frames: readonly number[];
  callbacks: readonly number[];
  seconds: number;
  layerDraws: number;
  textRows: number;
  mapRenders: number;
  updates: number;
  arrivals: readonly Arrival[] | null;
}): Measurement {
  const { frames } = r;
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const span = (frames[frames.length - 1] - frames[0]) / 1000;
  return {
    seconds: round(r.seconds),
    fps: round(span > 0 ? (frames.length - 1) / span : 0, 1),
    p95FrameMs: round(pct(gaps, 95), 1),
    maxFrameMs: round(gaps.length ? Math.max(...gaps) : 0, 1),
    layerDrawsPerSecond: round(r.layerDraws / r.seconds, 1),
    textRowsPerSecond: round(r.textRows / r.seconds, 1),
    mapRendersPerSecond: round(r.mapRenders / r.seconds, 1),
    updatesPerSecond: Math.round(r.updates / r.seconds),
    latency: r.arrivals ? latency(frames, r.callbacks, r.arrivals) : null,
    visibleLatency: r.arrivals ? latency(frames, r.callbacks, r.arrivals.filter((a) => a.visible)) : null,
  };
}
