/**
 * WAL checkpoints off the core's event loop. SQLite's automatic checkpoint runs inside whichever
 * commit crosses 1,000 WAL pages: under 20,000 positions a second that is every ~2 s, and that one
 * commit then copies the WAL into the database file and waits for the disk (15–35 ms measured
 * here, far more on a slow disk), stalling every message behind it. So the main connection's
 * automatic checkpoint is switched off and a worker thread with its own connection to the same
 * file runs a PASSIVE checkpoint every `intervalMs` (PASSIVE never blocks the writer). If the
 * worker cannot start or dies, the main connection checkpoints automatically again: the WAL never
 * grows without bound, and a failure costs latency, never data (commits are durable in the WAL).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/** SQLite's default: checkpoint when the WAL reaches this many pages. */
const AUTO_PAGES = 1000;
/** Checkpoints failing this many times in a row hand the job back to SQLite (the WAL must not grow unchecked). */
const MAX_FAILURES = 5;

/** The worker, as a CommonJS script: opens the file, checkpoints on a timer, closes on 'stop'. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ kind: 'checkpoint' });
  } catch (e) {
    parentPort.postMessage({ kind: 'error', message: String(e && e.message || e) });
  }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ kind: 'ready' });
`;

export interface CheckpointStats {
  /** Where checkpoints run now. */
  readonly mode: 'worker' | 'starting' | 'automatic';
  /** Checkpoints the worker has run. */
  readonly checkpoints: number;
  /** Why the worker is not running, when it is not. */
  readonly error: string | null;
}

export class Checkpointer {
  private worker: Worker | null = null;
  private stopped = false;
  private failures = 0;
  private readonly waiting = new Set<(s: CheckpointStats) => void>();
  private stats: { -readonly [K in keyof CheckpointStats]: CheckpointStats[K] } = { mode: 'starting', checkpoints: 0, error: null };

  constructor(
    private readonly db: Database,
    file: string,
    intervalMs = 500,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      const worker = new Worker(WORKER, { eval: true, workerData: { file, module, intervalMs } });
      worker.on('message', (m: { kind: string; message?: string }) => {
        if (m.kind === 'ready') this.stats.mode = 'worker';
        else if (m.kind === 'checkpoint') {
          this.stats.checkpoints++;
          this.failures = 0;
          this.notify();
        } else if (m.kind === 'error') {
          this.stats.error = m.message ?? 'checkpoint failed';
          if (++this.failures >= MAX_FAILURES) {
            worker.postMessage('stop');
            this.fallBack(`${MAX_FAILURES} checkpoints failed in a row: ${this.stats.error}`);
          }
        }
      });
      worker.on('error', (e) => this.fallBack(e.message));
      worker.on('exit', () => this.fallBack(this.stats.error ?? 'the checkpoint worker stopped'));
      worker.unref(); // after the listeners (adding one refs it again): never keeps the process alive
      this.worker = worker;
    } catch (e) {
      this.fallBack(e instanceof Error ? e.message : String(e));
    }
  }

  view(): CheckpointStats {
    return { ...this.stats };
  }

  /** Resolves after the worker's next checkpoint, or at once when checkpoints are automatic. */
  next(): Promise<CheckpointStats> {
    if (this.stats.mode === 'automatic' || this.stopped) return Promise.resolve(this.view());
    return new Promise((resolve) => this.waiting.add(resolve));
  }

  private notify(): void {
    const view = this.view();
    for (const w of this.waiting) w(view);
    this.waiting.clear();
  }

  /** Stops the worker (it closes its connection first); the main connection checkpoints again. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.notify();
    this.worker?.postMessage('stop');
    this.worker = null;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`);
  }

  private fallBack(reason: string): void {
    if (this.stopped || this.stats.mode === 'automatic') return;
    this.worker = null;
    this.stats.mode = 'automatic';
    this.stats.error = reason;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`);
    this.notify();
  }
}
