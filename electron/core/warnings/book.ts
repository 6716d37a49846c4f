/**
 * The warning book: the one writer of warning events, whatever the source (sensor desk, CAP desk,
 * and later hotspots and geofences). Changes are made inside `batch`, which commits them in one
 * transaction and only then pushes each touched warning once: a client never hears of a change
 * that was rolled back.
 */
import { randomUUID } from 'node:crypto';
import type { WarningClearReason, WarningSource, WarningView } from '../../../shared/model.js';
import type { Author, WarningContent } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { WarningQueries } from './views.js';

export class WarningBook {
  private readonly touched = new Set<string>();
  private depth = 0;

  constructor(
    private readonly store: Store,
    private readonly queries: WarningQueries,
    private readonly push: (w: WarningView) => void,
  ) {}

  /** Runs `fn` in one transaction, then pushes every warning it touched. Nested calls join the outer one. */
  batch<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.depth += 1;
    let result: T;
    try {
      result = this.store.tx(fn);
    } catch (e) {
      this.touched.clear();
      throw e;
    } finally {
      this.depth -= 1;
    }
    const ids = [...this.touched];
    this.touched.clear();
    for (const id of ids) {
      const w = this.queries.warning(id);
      if (w) this.push(w);
    }
    return result;
  }

  raise(source: WarningSource, content: WarningContent, who: Author): string {
    const id = randomUUID();
    this.store.append('warning.raised', { id, source, ...content }, who);
    this.touched.add(id);
    return id;
  }

  update(warningId: string, content: WarningContent, who: Author): void {
    this.store.append('warning.updated', { warningId, ...content }, who);
    this.touched.add(warningId);
  }

  /** Clears an open warning; a cleared one is left as it is (no event). */
  clear(warningId: string, reason: WarningClearReason, who: Author): boolean {
    const w = this.queries.warning(warningId);
    if (!w || w.clearedAt !== null) return false;
    this.store.append('warning.cleared', { warningId, reason }, who);
    this.touched.add(warningId);
    return true;
  }

  /**
   * Records `who` as having seen the warning. The first acknowledgement stands: a second one (or
   * a double click) adds no event. Cleared warnings may still be acknowledged: one may clear in
   * the second before the dispatcher's click arrives.
   */
  ack(warningId: string, who: Author): WarningView | undefined {
    const w = this.queries.warning(warningId);
    if (!w || w.acknowledgedBy !== null) return w;
    this.store.append('warning.acknowledged', { warningId }, who);
    this.touched.add(warningId);
    return this.queries.warning(warningId);
  }
}
