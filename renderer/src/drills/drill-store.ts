/**
 * The drill state of this console for the renderer: whether it runs in drill mode (and so shows the
 * DRILL banner), the running drill, its speed; the built-in scenarios; which drill view is open.
 * Fed by drill.status at start and by `drill` pushes; made outside React like the runtime.
 */
import type { ClientApi, Push } from '../../../shared/api';
import type { DrillStatus, ScenarioSummary } from '../../../shared/drills/api';
import type { ConnectionState } from '../api/ws-client';
import { ExternalStore } from '../store/external-store';

export type DrillView = { readonly kind: 'none' } | { readonly kind: 'replay' } | { readonly kind: 'report'; readonly runId: string | null };

export interface DrillState {
  readonly status: DrillStatus | null;
  readonly scenarios: readonly ScenarioSummary[];
  readonly view: DrillView;
  readonly error: string | null;
  /** Date.now() when `status` arrived: the drill clock runs on from there. */
  readonly statusAt: number;
}

interface SessionLike {
  readonly api: ClientApi;
  onPush(listener: (p: Push) => void): () => void;
  connection(): ConnectionState;
  onState(listener: (s: ConnectionState) => void): () => void;
}

export class DrillStore extends ExternalStore<DrillState> {
  private off: (() => void) | null = null;

  constructor(private readonly session: SessionLike) {
    super({ status: null, scenarios: [], view: { kind: 'none' }, error: null, statusAt: 0 });
  }

  start(): void {
    if (this.off) return;
    const offPush = this.session.onPush((p) => {
      if (p.kind === 'drill') this.setStatus(p.drill);
    });
    // Asked on every (re)connection: a WebSocket session is not ready at once.
    const offState = this.session.onState((s) => {
      if (s === 'ready') this.refresh();
    });
    this.off = () => {
      offPush();
      offState();
    };
    if (this.session.connection() === 'ready') this.refresh();
  }

  dispose(): void {
    this.off?.();
    this.off = null;
  }

  refresh(): void {
    this.session.api['drill.status']({}).then(
      (s) => {
        this.setStatus(s);
        if (s.drill && this.state.scenarios.length === 0) this.loadScenarios();
      },
      () => undefined, // an older core without drills: live, no banner
    );
  }

  open(view: DrillView): void {
    this.setState({ ...this.state, view, error: null });
  }

  async startScenario(scenarioId: string, autoDispatch: boolean): Promise<void> {
    await this.run(() => this.session.api['drill.start']({ scenarioId, speed: this.state.status?.speed ?? 1, autoDispatch }));
  }

  async control(input: { speed?: number; paused?: boolean }): Promise<void> {
    await this.run(() => this.session.api['drill.control'](input));
  }

  async stop(): Promise<void> {
    await this.run(() => this.session.api['drill.stop']({}));
  }

  private loadScenarios(): void {
    this.session.api['drill.scenarios']({}).then(
      ({ scenarios }) => this.setState({ ...this.state, scenarios }),
      (e: unknown) => this.setState({ ...this.state, error: (e as Error).message }),
    );
  }

  private async run(fn: () => Promise<DrillStatus>): Promise<void> {
    try {
      this.setStatus(await fn());
    } catch (e) {
      this.setState({ ...this.state, error: (e as Error).message });
    }
  }

  private setStatus(status: DrillStatus): void {
    this.setState({ ...this.state, status, statusAt: Date.now(), error: null });
  }
}

/** The drill clock now, from the last status: it runs at the drill's speed unless paused. */
export function drillNow(s: DrillState, wallNow: number): number {
  const st = s.status;
  if (!st) return wallNow;
  return st.paused ? st.clock : st.clock + (wallNow - s.statusAt) * st.speed;
}
