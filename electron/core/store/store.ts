/**
 * The store: one SQLite file (WAL, synchronous=FULL) holding the append-only event log, its
 * projections and the order outbox. `append` writes an event and applies its projection in the
 * caller's transaction, so a table never disagrees with the log.
 */
import { randomUUID } from 'node:crypto';
import DatabaseCtor, { type Database } from 'better-sqlite3';
import { HybridLogicalClock } from '../../../shared/hlc.js';
import { Checkpointer } from './checkpointer.js';
import type { Author, EventPayloads, EventRecord, EventType } from './events.js';
import { migrate } from './migrations.js';
import { incidentOf, makeProjectors, PROJECTED_TABLES, type Projectors } from './projections.js';

export interface StoreOptions {
  readonly file: string;
  readonly consoleId: string;
  readonly now?: () => number;
}

interface EventRow {
  seq: number;
  id: string;
  hlc: string;
  at: number;
  actor: string;
  console: string;
  type: string;
  payload: string;
}

export function openDatabase(file: string): Database {
  const db = new DatabaseCtor(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    // Every commit reaches the disk before the call returns: dispatch records survive power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export class Store {
  readonly db: Database;
  readonly now: () => number;
  private readonly clock: HybridLogicalClock;
  private readonly projectors: Projectors;
  private readonly insertEvent;
  private readonly listeners = new Set<(e: EventRecord) => void>();
  private pending: EventRecord[] = [];
  private readonly checkpointer: Checkpointer | null;

  constructor(opts: StoreOptions) {
    this.now = opts.now ?? Date.now;
    this.db = openDatabase(opts.file);
    this.checkpointer = opts.file !== ':memory:' ? new Checkpointer(this.db, opts.file) : null;
    this.clock = new HybridLogicalClock(opts.consoleId, this.now);
    const last = this.db.prepare('SELECT hlc FROM events ORDER BY seq DESC LIMIT 1').get() as { hlc: string } | undefined;
    this.clock.restore(last?.hlc);
    this.projectors = makeProjectors(this.db);
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (id, hlc, at, actor, console, type, payload, incident_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * Runs `fn` in one transaction; listeners hear its events only after it commits. A `relaxed`
   * transaction commits without waiting for the disk (WAL keeps it atomic; a power cut may undo
   * the last ones, a crash of the process may not): for positions and readings, and for the
   * broker's receipt of an order, which is redone safely (the outbox row comes back with it and
   * devices de-duplicate). Dispatch records always wait for the disk (synchronous=FULL).
   */
  tx<T>(fn: () => T, kind: 'durable' | 'relaxed' = 'durable'): T {
    if (this.db.inTransaction) return fn();
    if (kind === 'relaxed') this.db.pragma('synchronous = NORMAL');
    try {
      const result = this.db.transaction(fn)();
      const committed = this.pending;
      this.pending = [];
      for (const e of committed) for (const l of this.listeners) l(e);
      return result;
    } catch (e) {
      this.pending = [];
      throw e;
    } finally {
      if (kind === 'relaxed') this.db.pragma('synchronous = FULL');
    }
  }

  /** Appends one event and projects it, inside a transaction (its own if none is open). */
  append<K extends EventType>(type: K, payload: EventPayloads[K], who: Author): EventRecord<K> {
    return this.tx(() => {
      const at = this.now();
      const rec = { id: randomUUID(), hlc: this.clock.tick(), at, actor: who.actor, console: who.consoleId, type, payload };
      const subject = incidentOf(this.db, type, payload);
      const info = this.insertEvent.run(rec.id, rec.hlc, rec.at, rec.actor, rec.console, rec.type, JSON.stringify(payload), subject);
      const e = { seq: Number(info.lastInsertRowid), ...rec } as EventRecord<K>;
      (this.projectors[type] as (ev: EventRecord<K>) => void)(e);
      this.pending.push(e);
      return e;
    });
  }

  /** Called after each committed event. */
  onEvent(listener: (e: EventRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  events(afterSeq = 0, limit = 10_000): EventRecord[] {
    const rows = this.db
      .prepare('SELECT seq, id, hlc, at, actor, console, type, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(afterSeq, limit) as EventRow[];
    return rows.map((r) => ({ ...r, type: r.type as EventType, payload: JSON.parse(r.payload) as EventPayloads[EventType] }));
  }

  /** Clears the projected tables and replays the whole log into them. */
  rebuildProjections(): void {
    this.db.transaction(() => {
      for (const t of PROJECTED_TABLES) this.db.prepare(`DELETE FROM ${t}`).run();
      let after = 0;
      for (;;) {
        const batch = this.events(after, 5_000);
        if (batch.length === 0) break;
        for (const e of batch) (this.projectors[e.type] as (ev: EventRecord) => void)(e);
        after = batch[batch.length - 1].seq;
      }
    })();
  }

  /** The background checkpointer: where WAL checkpoints run and how they go (null: in memory, no WAL). */
  get checkpointing(): Checkpointer | null {
    return this.checkpointer;
  }

  close(): void {
    this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}
