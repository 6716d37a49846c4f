/**
 * What the dispatcher is doing right now, shared by the side panel, the queue, the map and the
 * keyboard: which panel is open, the last recommendation per incident, the diagnostics view.
 */
import type { RecommendationView } from '../../../shared/model';
import { ExternalStore } from './external-store';

export type Panel =
  | { readonly kind: 'idle' }
  | { readonly kind: 'new'; readonly lat: number; readonly lon: number }
  | { readonly kind: 'incident'; readonly id: string };

export interface UiState {
  readonly panel: Panel;
  /** Bumped whenever the map should fly to the selected incident (queue click, not map click). */
  readonly centreRequest: number;
  readonly recommendations: ReadonlyMap<string, RecommendationView>;
  readonly diagnosticsOpen: boolean;
  /** The last failed call, shown in the side panel until the next action. */
  readonly error: string | null;
}

const INITIAL: UiState = {
  panel: { kind: 'idle' },
  centreRequest: 0,
  recommendations: new Map(),
  diagnosticsOpen: false,
  error: null,
};

export class UiStore extends ExternalStore<UiState> {
  constructor() {
    super(INITIAL);
  }

  openNew(lat: number, lon: number): void {
    this.setState({ ...this.state, panel: { kind: 'new', lat, lon }, error: null });
  }

  select(id: string, centre: boolean): void {
    this.setState({
      ...this.state,
      panel: { kind: 'incident', id },
      centreRequest: centre ? this.state.centreRequest + 1 : this.state.centreRequest,
      error: null,
    });
  }

  close(): void {
    this.setState({ ...this.state, panel: { kind: 'idle' }, error: null });
  }

  setRecommendation(rec: RecommendationView): void {
    const recommendations = new Map(this.state.recommendations);
    recommendations.set(rec.incidentId, rec);
    this.setState({ ...this.state, recommendations });
  }

  setDiagnostics(open: boolean): void {
    if (open !== this.state.diagnosticsOpen) this.setState({ ...this.state, diagnosticsOpen: open });
  }

  setError(error: string | null): void {
    if (error !== this.state.error) this.setState({ ...this.state, error });
  }
}
