/**
 * What the dispatcher is doing right now, shared by the side panel, the queue, the map, the
 * board and the keyboard: which panel and view are open, the last recommendation (and the
 * dispatcher's edit of it) per incident, duplicates and escalations to show, the selected unit,
 * overlays, focus requests.
 */
import type { ApiErrorCode } from '../../../shared/api';
import type { IncidentView, OrderView, RecommendationView } from '../../../shared/model';
import { draftFrom, type Draft } from '../lib/draft';
import { ExternalStore } from './external-store';

export type Panel =
  | { readonly kind: 'idle' }
  /** `form`: which form this is; moving the point keeps it (and what was typed). */
  | { readonly kind: 'new'; readonly lat: number; readonly lon: number; readonly form: number }
  | { readonly kind: 'incident'; readonly id: string };

/** The centre: the map, the unit status board, the case desk (Q) or its KPI dashboard (P). */
export type View = 'map' | 'board' | 'cases' | 'kpi';
/** The right column's tabs: the incident at hand, risk warnings, citizen reports. */
export type SideTab = 'action' | 'warnings' | 'reports';
/** Map layers the legend switches on and off. */
export type RiskLayer = 'sensors' | 'warnings' | 'reports' | 'cases' | 'heatmap';
/** `drill`: a drill view (replay, after-action report) is open over the page. */
export type Overlay = 'help' | 'command' | 'status' | 'drill' | null;
/** Places a shortcut can send the keyboard to. */
export type FocusTarget = 'note' | 'close';

export interface UiError {
  readonly code: ApiErrorCode;
  readonly message: string;
  /** A failure the console explains itself: an i18n key (with parameters) instead of the core's text. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface Escalation {
  readonly level: number;
  readonly orders: readonly OrderView[];
  readonly missing: number;
}

export interface UiState {
  readonly panel: Panel;
  /** Bumped whenever the map should fly to the selected incident (queue click, not map click). */
  readonly centreRequest: number;
  /** A point the map should fly to (a place chosen in the form), bumped by `n`. */
  readonly mapPoint: { readonly lat: number; readonly lon: number; readonly n: number } | null;
  readonly recommendations: ReadonlyMap<string, RecommendationView>;
  /** The recommendation as the dispatcher edited it: what Dispatch sends. */
  readonly drafts: ReadonlyMap<string, Draft>;
  /** Possible duplicates found when the incident was created. */
  readonly duplicates: ReadonlyMap<string, readonly IncidentView[]>;
  readonly escalations: ReadonlyMap<string, Escalation>;
  readonly diagnosticsOpen: boolean;
  readonly view: View;
  readonly overlay: Overlay;
  /** The unit S + digit acts on: the last one focused on the board, the unit list or an order. */
  readonly selectedUnit: string | null;
  readonly focus: { readonly target: FocusTarget; readonly n: number } | null;
  /** The last failed call, shown in the side panel until the next action. */
  readonly error: UiError | null;
  /** A short confirmation (a command that worked), shown for a few seconds; `n` tells repeats apart. */
  readonly notice: { readonly key: string; readonly params: Readonly<Record<string, string | number>>; readonly n: number } | null;
  readonly sideTab: SideTab;
  /** A tab opened from the keyboard takes the focus once it shows (then this is cleared). */
  readonly pendingFocus: SideTab | null;
  /** The field link's details popover in the header. */
  readonly linkOpen: boolean;
  readonly layers: Readonly<Record<RiskLayer, boolean>>;
  /** The warning last picked in the list: the map fits its area (bumped by `n`) and outlines it. */
  readonly focusWarning: { readonly id: string; readonly n: number } | null;
}

const INITIAL: UiState = {
  panel: { kind: 'idle' },
  centreRequest: 0,
  mapPoint: null,
  recommendations: new Map(),
  drafts: new Map(),
  duplicates: new Map(),
  escalations: new Map(),
  diagnosticsOpen: false,
  view: 'map',
  overlay: null,
  selectedUnit: null,
  focus: null,
  error: null,
  notice: null,
  sideTab: 'action',
  pendingFocus: null,
  linkOpen: false,
  layers: { sensors: true, warnings: true, reports: true, cases: true, heatmap: false },
  focusWarning: null,
};

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): Map<K, V> {
  const next = new Map(map);
  next.set(key, value);
  return next;
}

export class UiStore extends ExternalStore<UiState> {
  private forms = 0;

  constructor() {
    super(INITIAL);
  }

  openNew(lat: number, lon: number): void {
    this.setState({ ...this.state, panel: { kind: 'new', lat, lon, form: ++this.forms }, error: null, sideTab: 'action' });
  }

  /** Moves the point of the open form (a place or coordinates typed) and shows it on the map. */
  moveDraft(lat: number, lon: number, fly = true): void {
    if (this.state.panel.kind !== 'new') return;
    this.setState({
      ...this.state,
      panel: { ...this.state.panel, lat, lon },
      mapPoint: fly ? { lat, lon, n: (this.state.mapPoint?.n ?? 0) + 1 } : this.state.mapPoint,
    });
  }

  select(id: string, centre: boolean): void {
    this.setState({
      ...this.state,
      panel: { kind: 'incident', id },
      sideTab: 'action',
      centreRequest: centre ? this.state.centreRequest + 1 : this.state.centreRequest,
      error: null,
    });
  }

  close(): void {
    this.setState({ ...this.state, panel: { kind: 'idle' }, error: null });
  }

  /** A fresh recommendation replaces the dispatcher's edit of the previous one. */
  setRecommendation(rec: RecommendationView): void {
    this.setState({
      ...this.state,
      recommendations: withEntry(this.state.recommendations, rec.incidentId, rec),
      drafts: withEntry(this.state.drafts, rec.incidentId, draftFrom(rec)),
    });
  }

  setDraft(d: Draft): void {
    this.setState({ ...this.state, drafts: withEntry(this.state.drafts, d.incidentId, d) });
  }

  setDuplicates(incidentId: string, list: readonly IncidentView[]): void {
    this.setState({ ...this.state, duplicates: withEntry(this.state.duplicates, incidentId, list) });
  }

  setEscalation(incidentId: string, e: Escalation): void {
    this.setState({ ...this.state, escalations: withEntry(this.state.escalations, incidentId, e) });
  }

  setDiagnostics(open: boolean): void {
    if (open !== this.state.diagnosticsOpen) this.setState({ ...this.state, diagnosticsOpen: open });
  }

  setView(view: View): void {
    if (view !== this.state.view) this.setState({ ...this.state, view });
  }

  setOverlay(overlay: Overlay): void {
    if (overlay !== this.state.overlay) this.setState({ ...this.state, overlay });
  }

  selectUnit(unitId: string | null): void {
    if (unitId !== this.state.selectedUnit) this.setState({ ...this.state, selectedUnit: unitId });
  }

  requestFocus(target: FocusTarget): void {
    this.setState({ ...this.state, focus: { target, n: (this.state.focus?.n ?? 0) + 1 } });
  }

  notify(key: string, params: Readonly<Record<string, string | number>> = {}): void {
    this.setState({ ...this.state, notice: { key, params, n: (this.state.notice?.n ?? 0) + 1 } });
  }

  clearNotice(n: number): void {
    if (this.state.notice?.n === n) this.setState({ ...this.state, notice: null });
  }

  setSideTab(sideTab: SideTab, focus = false): void {
    this.setState({ ...this.state, sideTab, pendingFocus: focus ? sideTab : null });
  }

  /** The tab took the focus it was asked to. */
  focusTaken(): void {
    if (this.state.pendingFocus) this.setState({ ...this.state, pendingFocus: null });
  }

  setLinkOpen(linkOpen: boolean): void {
    if (linkOpen !== this.state.linkOpen) this.setState({ ...this.state, linkOpen });
  }

  toggleLayer(layer: RiskLayer): void {
    this.setState({ ...this.state, layers: { ...this.state.layers, [layer]: !this.state.layers[layer] } });
  }

  /** Shows a warning on the map: its layer on, the map view, its area fitted. */
  showWarning(id: string): void {
    this.setState({
      ...this.state,
      view: 'map',
      layers: this.state.layers.warnings ? this.state.layers : { ...this.state.layers, warnings: true },
      focusWarning: { id, n: (this.state.focusWarning?.n ?? 0) + 1 },
    });
  }

  /** Flies the map to a point (a citizen report), keeping whatever panel is open. */
  showPoint(lat: number, lon: number): void {
    this.setState({ ...this.state, view: 'map', mapPoint: { lat, lon, n: (this.state.mapPoint?.n ?? 0) + 1 } });
  }

  setError(error: UiError | null): void {
    if (error?.message !== this.state.error?.message || error?.code !== this.state.error?.code) this.setState({ ...this.state, error });
  }
}
