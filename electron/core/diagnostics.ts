/** Counts what the console accepted and rejected, per source and reason, for the diagnostics view. */
import type { DiagnosticsView, RejectionView } from '../../shared/model.js';

const MAX_KEYS = 500;
const RECENT = 50;

function bump(map: Map<string, number>, key: string): void {
  if (!map.has(key) && map.size >= MAX_KEYS) key = '(other)';
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Reasons carry values (sizes, paths); the counter keys on their first clause. */
export function reasonKey(reason: string): string {
  return reason.replace(/\(.*?\)/g, '').split(/[;:]/)[0].trim().slice(0, 80);
}

export class Diagnostics {
  readonly startedAt: number;
  private readonly accepted = new Map<string, number>();
  private readonly bySource = new Map<string, number>();
  private readonly byReason = new Map<string, number>();
  private readonly recent: RejectionView[] = [];
  private total = 0;
  private readonly listeners = new Set<() => void>();
  private checkpoints: (() => NonNullable<DiagnosticsView['checkpoints']>) | null = null;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  accept(source: string, n = 1): void {
    this.accepted.set(source, (this.accepted.get(source) ?? 0) + n);
  }

  reject(source: string, where: string, reason: string): void {
    this.total += 1;
    bump(this.bySource, source);
    bump(this.byReason, reasonKey(reason));
    this.recent.unshift({ at: this.now(), source, where: where.slice(0, 200), reason: reason.slice(0, 300) });
    if (this.recent.length > RECENT) this.recent.length = RECENT;
    for (const l of this.listeners) l();
  }

  /** Reports where the store's WAL checkpoints run (see Checkpointer) with every view. */
  watchCheckpoints(probe: () => NonNullable<DiagnosticsView['checkpoints']>): void {
    this.checkpoints = probe;
  }

  onReject(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  view(): DiagnosticsView {
    return {
      startedAt: this.startedAt,
      accepted: Object.fromEntries(this.accepted),
      rejectedTotal: this.total,
      rejectedBySource: Object.fromEntries(this.bySource),
      rejectedByReason: Object.fromEntries(this.byReason),
      recent: [...this.recent],
      ...(this.checkpoints ? { checkpoints: this.checkpoints() } : {}),
    };
  }
}
