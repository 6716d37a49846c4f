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
}

/** Samples kept: at 20,000 positions a second, the last ~26 s (8 MB); older ones are overwritten. */
const RING = 1 << 19;
/** Batches waiting for a draw; when the map is hidden nothing draws, and the oldest are dropped. */
const MAX_PENDING = 256;

interface Pending {
  readonly version: number;
  readonly ts: Float64Array;
}

export class ScreenLatency {
  private readonly latency = new Float64Array(RING);
  private readonly at = new Float64Array(RING);
  private next = 0;
  private filled = 0;
  private pending: Pending[] = [];
  private dropped = 0;

  /** New positions (device timestamps, epoch ms) are in the map's table from `version` on. */
  arrived(version: number, timestamps: readonly number[]): void {
    if (timestamps.length === 0) return;
    if (this.pending.length >= MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    this.pending.push({ version, ts: Float64Array.from(timestamps) });
  }

  /** A draw of table `version` finished at `epochMs`. */
  drawn(version: number, epochMs: number): void {
    let done = 0;
    for (const p of this.pending) {
      if (p.version > version) break;
      for (const ts of p.ts) {
        this.latency[this.next] = epochMs - ts;
        this.at[this.next] = epochMs;
        this.next = (this.next + 1) & (RING - 1);
        if (this.filled < RING) this.filled++;
      }
      done++;
    }
    if (done > 0) this.pending = this.pending.slice(done);
  }

  /** Forgets the positions drawn so far (the diagnostics view's "measure from now"). */
  reset(): void {
    this.next = 0;
    this.filled = 0;
    this.dropped = 0;
  }

  /** p50, p99 and max (ms) over the positions drawn in the last `windowMs` before `nowMs`. */
  summary(nowMs: number, windowMs = 60_000): LatencySummary {
    const from = nowMs - windowMs;
    const xs = new Float64Array(this.filled);
    let n = 0;
    for (let i = 0; i < this.filled; i++) if (this.at[i] >= from) xs[n++] = this.latency[i];
    const s = xs.subarray(0, n).sort();
    const q = (p: number): number => (n === 0 ? NaN : s[Math.min(n - 1, Math.floor(p * n))]);
    return { samples: n, p50: q(0.5), p99: q(0.99), max: n === 0 ? NaN : s[n - 1], undrawn: this.dropped };
  }
}
