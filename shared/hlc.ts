/**
 * Hybrid logical clock (Kulkarni et al.): a timestamp that follows wall time but never goes
 * backwards and orders causally related events across consoles. Stamps are strings that sort
 * lexicographically in clock order: `<wall ms, 15 digits>:<counter, 5 digits>:<node>`.
 */
export interface HlcStamp {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 99_999;

export function formatHlc(s: HlcStamp): string {
  return `${String(s.wall).padStart(15, '0')}:${String(s.counter).padStart(5, '0')}:${s.node}`;
}

export function parseHlc(text: string): HlcStamp {
  const m = /^(\d{15}):(\d{5}):(.+)$/.exec(text);
  if (!m) throw new Error(`not an HLC stamp: ${text}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

export class HybridLogicalClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
  ) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(node)) throw new Error(`invalid HLC node id: ${node}`);
  }

  /** A stamp for a local event. */
  tick(): string {
    const pt = this.now();
    if (pt > this.wall) {
      this.wall = pt;
      this.counter = 0;
    } else {
      this.bump();
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Merge a stamp received from another node, then return a stamp for the receive event. */
  receive(remote: string): string {
    const r = parseHlc(remote);
    const pt = this.now();
    const wall = Math.max(this.wall, r.wall, pt);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (wall === this.wall) this.counter += 1;
    else if (wall === r.wall) this.counter = r.counter + 1;
    else this.counter = 0;
    this.wall = wall;
    if (this.counter > MAX_COUNTER) this.bump();
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Restore from the last stamp persisted, so a restarted console never reissues a stamp. */
  restore(last: string | undefined): void {
    if (!last) return;
    const s = parseHlc(last);
    if (s.wall > this.wall || (s.wall === this.wall && s.counter > this.counter)) {
      this.wall = s.wall;
      this.counter = s.counter;
    }
  }

  private bump(): void {
    this.counter += 1;
    if (this.counter > MAX_COUNTER) {
      this.wall += 1;
      this.counter = 0;
    }
  }
}
