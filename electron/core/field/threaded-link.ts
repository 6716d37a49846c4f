/**
 * The field link run on a worker thread (link-worker.ts), seen from the core's main thread as the
 * same `Link` as an in-thread FieldLink: state, connected, publish (resolves on PUBACK), close.
 * Positions arrive decoded and coalesced, one batch per flush (`onPositions`); every other message
 * arrives raw (`onMessage`) for the router. Rejections counted in the worker are counted here.
 *
 * If the worker dies (a bug, out of memory), the link shows offline with the reason, pending
 * publishes fail (the outbox keeps their rows and sends them again), the death is counted in the
 * diagnostics, and a new worker starts after the reconnect backoff.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LinkView } from '../../../shared/model.js';
import type { PositionMsg } from '../../../shared/schemas/mqtt.js';
import type { Diagnostics } from '../diagnostics.js';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
import { loadBrokerConnection, type BrokerConnection } from './broker-config.js';
import { initialLinkView, type Link } from './link.js';
import { unpackPositions, type FromWorker, type LinkWorkerInit, type ToWorker } from './link-thread-protocol.js';

export interface ThreadedLinkOptions {
  readonly init: Omit<LinkWorkerInit, 'connection'>;
  readonly diagnostics: Diagnostics;
  /** Every message that is not a unit position, as received; must not throw. */
  readonly onMessage: (topic: string, payload: Buffer) => void;
  /** One flush's positions (valid, newest per unit); must not throw. */
  readonly onPositions: (each: (visit: (unitId: string, msg: PositionMsg) => void) => void) => void;
}

interface Pending {
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

/** How long close() waits for the worker's goodbye (offline presence, DISCONNECT) before it is stopped. */
const CLOSE_GRACE_MS = 3000;

/**
 * The worker's module beside this one: the bundle's .js, or (tests, bench, which run the sources)
 * the .ts through tsx, registered inside the worker by a two-line bootstrap.
 */
function workerModule(): { url: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { url: new URL('./link-worker.js', here), eval: false };
  // tsx/esm/api's import condition (require.resolve would give its CommonJS twin).
  const tsx = new URL('dist/esm/api/index.mjs', pathToFileURL(createRequire(here).resolve('tsx/package.json'))).href;
  const entry = new URL('./link-worker.ts', here).href;
  return { url: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
}

export class ThreadedFieldLink implements Link {
  private worker: Worker | null = null;
  private view: LinkView;
  private outbox = 0;
  private readonly listeners = new Set<(v: LinkView) => void>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing = false;
  private deaths = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private closed: (() => void) | null = null;
  private connection: BrokerConnection | null = null;

  constructor(private readonly opts: ThreadedLinkOptions) {
    this.view = initialLinkView(opts.init.url, opts.init.embedded, opts.init.broker, Date.now());
  }

  get state(): LinkView {
    return this.view;
  }

  get connected(): boolean {
    return this.worker !== null && !this.closing && this.view.status === 'connected';
  }

  /** The worker thread now running the link, if any (tests stop it to prove the link recovers). */
  get thread(): Worker | null {
    return this.worker;
  }

  onState(listener: (v: LinkView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks the broker settings here (throws BrokerConfigError at once, as FieldLink does), then starts the worker. */
  start(): void {
    if (this.worker || this.closing) throw new Error('field link already started');
    const { init } = this.opts;
    this.connection = loadBrokerConnection(init.url, init.embedded ? {} : (init.broker ?? {}));
    this.spawn();
  }

  async publish(topic: string, payload: string): Promise<void> {
    const worker = this.worker;
    if (!worker) throw new Error('field link not started');
    if (!this.connected) throw new Error('field link offline');
    const id = this.nextId++;
    await new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ t: 'publish', id, topic, payload } satisfies ToWorker);
    });
  }

  setOutboxSize(n: number): void {
    if (n === this.outbox) return;
    this.outbox = n;
    this.setView(this.view);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    if (!worker) return;
    const said = new Promise<void>((resolve) => {
      this.closed = resolve;
    });
    worker.postMessage({ t: 'close' } satisfies ToWorker);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([said, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
    clearTimeout(timer);
    this.worker = null;
    await worker.terminate();
    this.failPending('field link closed');
  }

  private spawn(): void {
    const module = workerModule();
    if (!this.connection) throw new Error('field link not started');
    const workerData: LinkWorkerInit = { ...this.opts.init, connection: this.connection };
    const worker = new Worker(module.url, { workerData, eval: module.eval });
    this.worker = worker;
    // Only the current worker is heard: nothing from one that died or was closed.
    worker.on('message', (m: FromWorker) => {
      if (worker === this.worker) this.receive(m);
    });
    worker.on('error', (e) => this.died(worker, `field link thread failed: ${e.message}`));
    worker.on('exit', (code) => this.died(worker, `field link thread exited (code ${code})`));
  }

  private receive(m: FromWorker): void {
    const d = this.opts.diagnostics;
    switch (m.t) {
      case 'positions':
        for (const [source, where, reason] of m.rejected) d.reject(source, where, reason);
        if (m.accepted) d.accept('mqtt:position', m.accepted);
        if (m.ids.length) this.opts.onPositions((visit) => unpackPositions(m, visit));
        return;
      case 'message':
        return this.opts.onMessage(m.topic, Buffer.from(m.payload.buffer, m.payload.byteOffset, m.payload.byteLength));
      case 'state':
        return this.setView(m.view);
      case 'reject':
        return d.reject(...m.rejection);
      case 'published': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error === undefined) p?.resolve();
        else p?.reject(new Error(m.error));
        return;
      }
      case 'closed':
        this.closed?.();
        return;
    }
  }

  /** The worker is gone: unless we are closing, say so, fail what waits on it, and start another after a backoff. */
  private died(worker: Worker, reason: string): void {
    if (worker !== this.worker || this.closing) return;
    this.worker = null;
    void worker.terminate();
    this.failPending('field link thread stopped before PUBACK');
    this.opts.diagnostics.reject('broker', 'field link thread', reason);
    this.deaths += 1;
    const delay = backoffDelay(this.deaths, this.opts.init.broker?.reconnect ?? DEFAULT_BACKOFF);
    this.setView({ ...this.view, status: 'offline', since: Date.now(), lastError: reason, retryInMs: delay, retryAt: Date.now() + delay });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.closing) this.spawn();
    }, delay);
  }

  private failPending(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  private setView(view: LinkView): void {
    this.view = { ...view, outbox: this.outbox };
    for (const l of this.listeners) l(this.view);
  }
}
