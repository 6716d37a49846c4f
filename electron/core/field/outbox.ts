/**
 * The order outbox. Rows are written in the dispatch transaction; `drain` publishes them with
 * QoS 1 and, on the broker's PUBACK, records `order.sent` and deletes the row in one transaction.
 * A device can answer before that PUBACK is handled (both come back over the same connection, and
 * the answer may be read first): the answer then records the delivery (`delivered`), and the late
 * PUBACK finds no row and records nothing, so the log always reads sent → answered, once.
 * After a restart or a broker outage the remaining rows go out again; devices de-duplicate by
 * orderId, so at-least-once delivery is exactly-once in effect.
 */
import type { Statement } from 'better-sqlite3';
import type { Store } from '../store/store.js';
import type { Link } from './link.js';

interface OutboxRow {
  order_id: string;
  kind: 'dispatch' | 'cancel';
  topic: string;
  payload: string;
}

export class Outbox {
  private readonly inFlight = new Set<string>();
  private readonly insert: Statement;
  private readonly remove: Statement;
  private readonly count: Statement;
  private draining = false;
  private again = false;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly link: Link,
    private readonly consoleId: string,
    /** Told when the broker has taken a dispatch order (its state is now `sent`). */
    private readonly onSent: (orderId: string) => void = () => undefined,
    /** Canonical topic → wire topic (a drill console's namespace); throws for a topic it may not use. */
    private readonly wire: (topic: string) => string = (t) => t,
  ) {
    this.insert = store.db.prepare('INSERT INTO outbox (order_id, kind, topic, payload, created_at) VALUES (?, ?, ?, ?, ?)');
    this.remove = store.db.prepare('DELETE FROM outbox WHERE order_id = ?');
    this.count = store.db.prepare('SELECT COUNT(*) AS n FROM outbox');
  }

  /** Call inside the dispatch transaction. */
  enqueue(orderId: string, topic: string, payload: string): void {
    this.insert.run(orderId, 'dispatch', this.wire(topic), payload, this.store.now());
  }

  /**
   * Queues the cancellation of an order; call inside the cancelling transaction. An order not yet
   * handed to the broker is simply withdrawn: no device has seen it. One on its way (published,
   * PUBACK pending) may already be with the device, so the cancellation follows it on the same
   * connection, and the device reads them in that order.
   */
  enqueueCancel(orderId: string, topic: string, payload: string): void {
    if (!this.inFlight.has(orderId) && this.remove.run(orderId).changes > 0) return;
    this.insert.run(`cancel:${orderId}`, 'cancel', this.wire(topic), payload, this.store.now());
  }

  /**
   * A device answered an order whose PUBACK has not been recorded yet: it has it. Call inside the
   * answer's transaction; records `order.sent` when the row was still waiting.
   */
  delivered(orderId: string): void {
    this.take(orderId, 'dispatch');
  }

  /** Deletes a row; records `order.sent` when it was a dispatch still waiting. Returns whether it did. */
  private take(rowId: string, kind: OutboxRow['kind']): boolean {
    if (this.remove.run(rowId).changes === 0 || kind !== 'dispatch') return false;
    this.store.append('order.sent', { orderId: rowId }, { actor: 'system', consoleId: this.consoleId });
    return true;
  }

  size(): number {
    return (this.count.get() as { n: number }).n;
  }

  /** Publishes every waiting row; safe to call often (runs one drain at a time). */
  drain(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    void this.run().finally(() => {
      this.draining = false;
      this.link.setOutboxSize(this.size());
      if (this.again) {
        this.again = false;
        this.drain();
      } else {
        for (const f of this.idle) f();
        this.idle.clear();
      }
    });
  }

  /** Resolves when a drain has finished (for shutdown and tests). */
  settled(): Promise<void> {
    if (!this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  private async run(): Promise<void> {
    if (!this.link.connected) return;
    const rows = this.store.db.prepare('SELECT order_id, kind, topic, payload FROM outbox ORDER BY created_at, order_id').all() as OutboxRow[];
    this.link.setOutboxSize(rows.length);
    await Promise.all(
      rows
        .filter((r) => !this.inFlight.has(r.order_id))
        .map(async (r) => {
          this.inFlight.add(r.order_id);
          try {
            await this.link.publish(r.topic, r.payload);
            // No row left: the device's answer came first and recorded the delivery.
            const recorded = this.store.tx(() => this.take(r.order_id, r.kind), 'relaxed');
            if (recorded) this.onSent(r.order_id);
          } catch {
            // Broker gone mid-flight: the row stays and goes out on the next connect.
          } finally {
            this.inFlight.delete(r.order_id);
          }
        }),
    );
  }
}
