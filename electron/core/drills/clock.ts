/**
 * The drill clock: the console's clock in drill mode. It runs at the drill's speed (×1 … ×10, or
 * faster in tests) and stands still while the drill is paused, so every event, timeout and
 * device timestamp of a drill is in scenario time and durations in the log are what the crews
 * "lived". It never goes backwards.
 */
export const DRILL_SPEEDS = [1, 2, 5, 10] as const;

export class DrillClock {
  private baseMs: number;
  private realBase: number;
  private rate = 1;
  private paused = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    startMs: number = Date.now(),
    private readonly real: () => number = () => performance.now(),
  ) {
    this.baseMs = startMs;
    this.realBase = real();
  }

  now(): number {
    if (this.paused) return Math.floor(this.baseMs);
    return Math.floor(this.baseMs + (this.real() - this.realBase) * this.rate);
  }

  get speed(): number {
    return this.rate;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Never earlier than `ms` from now on (e.g. the last event of a drill database). */
  atLeast(ms: number): void {
    if (ms > this.now()) this.rebase(ms);
  }

  setSpeed(speed: number): void {
    if (!(speed > 0 && speed <= 1000)) throw new RangeError(`speed must be in (0, 1000], not ${speed}`);
    this.rebase(this.now());
    this.rate = speed;
    this.changed();
  }

  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.rebase(this.now());
    this.paused = paused;
    this.changed();
  }

  /** Told when the speed or pause changes. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private rebase(ms: number): void {
    this.baseMs = ms;
    this.realBase = this.real();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
