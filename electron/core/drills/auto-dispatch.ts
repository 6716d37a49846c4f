/**
 * The headless dispatcher, for unattended drill runs: a stand-in for the people at the desks. It
 * works through the app API like any dispatcher: a scenario-set delay after the console received
 * the first call about an incident it opens the incident where the caller is and dispatches the recommended plan; it
 * replaces refused and unanswered orders with the next best unit.
 */
import type { ApiInput, ApiName, ApiResults } from '../../../shared/api.js';
import type { PlacedCall } from '../../sim/drill-engine.js';

export type Caller = <K extends ApiName>(name: K, input: ApiInput<K>) => Promise<ApiResults[K]>;

/** Retry a failed dispatch (no unit free yet) after this long, scenario time. */
const RETRY_MS = 30_000;

export class AutoDispatcher {
  /** Call key → incident id. */
  readonly incidents = new Map<string, string>();
  private readonly busy = new Set<string>();
  private readonly retryAt = new Map<string, number>();
  private readonly replaced = new Set<string>();
  readonly errors: string[] = [];

  constructor(
    private readonly calls: () => readonly PlacedCall[],
    /** When the console received a call's report (null: not yet): the delay counts from there. */
    private readonly received: (reportId: string) => number | null,
    private readonly call: Caller,
    private readonly now: () => number,
    private readonly delayMs: number,
  ) {}

  /** Acts on whatever is due; safe to call often. */
  tick(): void {
    const now = this.now();
    for (const c of this.calls()) {
      if (this.incidents.has(c.key) || this.busy.has(c.key) || now < (this.retryAt.get(c.key) ?? 0)) continue;
      const at = this.received(c.reportId);
      if (at === null || now < at + this.delayMs) continue;
      this.busy.add(c.key);
      void this.open(c).finally(() => this.busy.delete(c.key));
    }
    for (const [key, incidentId] of this.incidents) {
      if (this.busy.has(key)) continue;
      this.busy.add(key);
      void this.replace(incidentId).finally(() => this.busy.delete(key));
    }
  }

  private async open(c: PlacedCall): Promise<void> {
    try {
      const { incident } = await this.call('incidents.create', { type: c.incidentType, lat: c.point.lat, lon: c.point.lon, address: c.address.slice(0, 200), summary: c.summary.slice(0, 2000) });
      this.incidents.set(c.key, incident.id);
      await this.dispatch(incident.id);
    } catch (e) {
      this.fail(c.key, e);
    }
  }

  private async dispatch(incidentId: string): Promise<void> {
    try {
      await this.call('incidents.dispatch', { incidentId });
    } catch (e) {
      this.errors.push(`dispatch ${incidentId}: ${(e as Error).message}`);
    }
  }

  /** Next best unit for each refused or unanswered order; the plan again if nothing went out. */
  private async replace(incidentId: string): Promise<void> {
    const { orders } = await this.call('incidents.get', { incidentId });
    if (orders.length === 0) {
      if (this.now() >= (this.retryAt.get(incidentId) ?? 0)) {
        this.retryAt.set(incidentId, this.now() + RETRY_MS);
        await this.dispatch(incidentId);
      }
      return;
    }
    for (const o of orders) {
      if ((o.state !== 'refused' && o.state !== 'no_answer') || this.replaced.has(o.id)) continue;
      this.replaced.add(o.id);
      await this.call('orders.replace', { orderId: o.id }).catch((e: unknown) => this.errors.push(`replace ${o.id}: ${(e as Error).message}`));
    }
  }

  private fail(key: string, e: unknown): void {
    this.errors.push(`${key}: ${(e as Error).message}`);
    this.retryAt.set(key, this.now() + RETRY_MS);
  }
}
