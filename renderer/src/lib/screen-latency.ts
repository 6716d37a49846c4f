/**
 * How old a field position is when the map first draws it: from the device's timestamp (`ts` of
 * the report, i.e. when it was published) to the draw that includes it. The map tells it each
 * batch of new positions with the table version that holds them (`arrived`) and each draw with
 * the version drawn (`drawn`); the diagnostics view shows the last minute's p50 and p99.
 *
 * A report's timestamp comes from the device's clock, so across machines the figure includes the
 * clocks' difference; on one machine (the drill simulator, `bench/ingest`) it is the true
 * publish-to-screen latency.
 */

export interface LatencySummary {
  /** Positions drawn in the window. */
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Batches that were never drawn (the map was hidden) and were dropped. */
  readonly undrawn: number;
  /**
   * The same positions when this page received them (device timestamp → in the page's store):
   * the part of the delay spent before the page, so the rest is the page's own (waiting for and
   * drawing a frame).
   */
  readonly received: { readonly p50: number; readonly p99: number };
  /** Draws of the map's units per second over the window (or since "measure from now"). */
  readonly drawsPerSecond: number;
  /** The map's limit on draws a second while units move, as of its last draw. */
  readonly drawLimit: DrawLimit;
}

export interface DrawLimit {
  /** Draws a second allowed now (null: one per batch). */
  readonly perSecond: number | null;
  /** Whether the map's WebGL runs in software (null: not known yet). */
  readonly software: boolean | null;
  /** Whether the limit is the automatic one (on software WebGL only) rather than set on this browser. */
  readonly auto: boolean;
}

/** Samples kept: at 20,000 positions a second, the last ~26 s (8 MB); older ones are overwritten. */
const RING = 1 << 19;
/** Batches waiting for a draw; when the map is hidden nothing draws, and the oldest are dropped. */
const MAX_PENDING = 256;

interface Pending {
  readonly version: number;
  readonly ts: Float64Array;
}

/** Latencies (ms) with the time each was taken, the newest RING of them. */
class Samples {
  private readonly latency = new Float64Array(RING);
  private readonly at = new Float64Array(RING);
  private next = 0;
  private filled = 0;

  add(epochMs: number, timestamps: ArrayLike<number>): void {
    for (let i = 0; i < timestamps.length; i++) {
      this.latency[this.next] = epochMs - timestamps[i];
      this.at[this.next] = epochMs;
      this.next = (this.next + 1) & (RING - 1);
      if (this.filled < RING) this.filled++;
    }
  }

  clear(): void {
    this.next = 0;
    this.filled = 0;
  }

  /** The latencies taken since `from`, sorted. */
  since(from: number): Float64Array {
    const xs = new Float64Array(this.filled);
    let n = 0;
    for (let i = 0; i < this.filled; i++) if (this.at[i] >= from) xs[n++] = this.latency[i];
    return xs.subarray(0, n).sort();
  }
}

const quantile = (s: Float64Array, p: number): number => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(p * s.length))]);

export class ScreenLatency {
  private readonly drawnSamples = new Samples();
  private readonly receivedSamples = new Samples();
  private pending: Pending[] = [];
  private dropped = 0;
  /** Times of the recent draws (epoch ms), a ring as long as a minute at 60 fps and more. */
  private readonly draws = new Float64Array(8192);
  private drawCount = 0;
  private limit: DrawLimit = { perSecond: null, software: null, auto: true };

  /**
   * New positions (device timestamps, epoch ms) are in the map's table from `version` on; they
   * reached the page at `epochMs`.
   */
  arrived(version: number, timestamps: readonly number[], epochMs: number): void {
    if (timestamps.length === 0) return;
    this.receivedSamples.add(epochMs, timestamps);
    if (this.pending.length >= MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push({ version, ts: Float64Array.from(timestamps) });
  }

  /** A draw of table `version` finished at `epochMs` (under the map's draw limit, when given). */
  drawn(version: number, epochMs: number, limit?: DrawLimit): void {
    if (limit) this.limit = limit;
    this.draws[this.drawCount++ & (this.draws.length - 1)] = epochMs;
    let done = 0;
    for (const p of this.pending) {
      if (p.version > version) break;
      this.drawnSamples.add(epochMs, p.ts);
      done++;
    }
    if (done > 0) this.pending = this.pending.slice(done);
  }

  /** Forgets the positions drawn so far (the diagnostics view's "measure from now"). */
  reset(): void {
    this.drawnSamples.clear();
    this.receivedSamples.clear();
    this.dropped = 0;
    this.drawCount = 0;
  }

  /** p50, p99 and max (ms) over the positions drawn in the last `windowMs` before `nowMs`. */
  summary(nowMs: number, windowMs = 60_000): LatencySummary {
    const s = this.drawnSamples.since(nowMs - windowMs);
    const r = this.receivedSamples.since(nowMs - windowMs);
    let draws = 0;
    let first = nowMs;
    for (let i = 0; i < Math.min(this.drawCount, this.draws.length); i++) {
      const at = this.draws[i];
      if (at >= nowMs - windowMs && at <= nowMs) {
        draws++;
        first = Math.min(first, at);
      }
    }
    return {
      samples: s.length,
      p50: quantile(s, 0.5),
      p99: quantile(s, 0.99),
      max: s.length === 0 ? NaN : s[s.length - 1],
      undrawn: this.dropped,
      received: { p50: quantile(r, 0.5), p99: quantile(r, 0.99) },
      drawsPerSecond: draws < 2 ? 0 : (draws - 1) / ((nowMs - first) / 1000),
      drawLimit: this.limit,
    };
  }
}
