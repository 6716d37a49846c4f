/**
 * The case desk's state: the catalog (categories, bodies, districts), the cases of the queue (the
 * latest 1,000, kept current by `case` pushes), the queue's filters, what the side of the desk
 * shows (nothing, the hotline form, or one case with its detail and timeline), and the last
 * failure. Loaded on first use (the desk, the map's case layers), reloaded on every reconnection.
 */
import type { ClientApi, Push } from '../../../shared/api';
import type { CaseDetail } from '../../../shared/cases/api';
import type { CaseChannel, CaseEventEntry, CasesCatalog, CaseView } from '../../../shared/cases/model';
import type { QueueFilters } from '../lib/cases';
import { ExternalStore } from './external-store';
import { toUiError } from './operations';
import type { UiError } from './ui-store';

export interface CaseFilters extends QueueFilters {
  readonly channel: CaseChannel | '';
}

export type DeskSide =
  | { readonly kind: 'idle' }
  /** `form` tells forms apart (a fresh one each time); `lat`/`lon`: the point chosen so far. */
  | { readonly kind: 'new'; readonly form: number; readonly lat: number | null; readonly lon: number | null }
  | { readonly kind: 'case'; readonly id: string };

export interface CasesState {
  readonly started: boolean;
  readonly loaded: boolean;
  readonly catalog: CasesCatalog | null;
  readonly list: ReadonlyMap<string, CaseView>;
  readonly filters: CaseFilters;
  readonly side: DeskSide;
  /** The selected case's detail (with the contact when the role may see it) and timeline. */
  readonly detail: CaseDetail | null;
  readonly timeline: readonly CaseEventEntry[];
  /** The hotline form is waiting for a click on the map (the map shows meanwhile). */
  readonly picking: boolean;
  readonly error: UiError | null;
  /** Bumped on every change to a case: the dashboard refreshes its figures on it. */
  readonly changes: number;
}

const INITIAL: CasesState = {
  started: false,
  loaded: false,
  catalog: null,
  list: new Map(),
  filters: { status: 'open', channel: '', category: '', body: '' },
  side: { kind: 'idle' },
  detail: null,
  timeline: [],
  picking: false,
  error: null,
  changes: 0,
};

/** How many recent cases the desk keeps. */
export const QUEUE_SIZE = 1000;
const DETAIL_DEBOUNCE_MS = 200;

/** The case a call returned: a CaseView itself, or `{ case }`. */
function caseOf(result: unknown): CaseView | null {
  if (typeof result !== 'object' || result === null) return null;
  if ('sla' in result && 'number' in result) return result as CaseView;
  if ('case' in result && typeof result.case === 'object' && result.case !== null) return result.case as CaseView;
  return null;
}

export class CasesStore extends ExternalStore<CasesState> {
  private forms = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The error the last load failed with, while it is the one shown: a later load that works takes it away. */
  private loadError: UiError | null = null;

  /** `ready`: whether calls can reach the core now; until then the first use waits for `reload` on connecting. */
  constructor(
    readonly api: ClientApi,
    private readonly ready: () => boolean = () => true,
  ) {
    super(INITIAL);
  }

  /** Loads the catalog and the queue once (now, or when the connection is ready); later calls do nothing. */
  ensure(): void {
    if (this.state.started) return;
    this.setState({ ...this.state, started: true });
    if (this.ready()) this.reload();
  }

  /** After a (re)connection: everything again, if the desk was ever used. */
  reload(): void {
    if (!this.state.started) return;
    Promise.all([this.api['cases.catalog']({}), this.api['cases.list']({ limit: QUEUE_SIZE })]).then(
      ([catalog, { cases }]) => {
        const error = this.state.error !== null && this.state.error === this.loadError ? null : this.state.error;
        this.loadError = null;
        this.setState({ ...this.state, loaded: true, catalog, list: new Map(cases.map((c) => [c.id, c])), error, changes: this.state.changes + 1 });
        const side = this.state.side;
        if (side.kind === 'case') this.refreshDetail(side.id);
      },
      (e: unknown) => {
        this.fail(e);
        this.loadError = this.state.error;
      },
    );
  }

  apply(p: Push): void {
    if (p.kind !== 'case' || !this.state.started) return;
    this.merge([p.case]);
    const side = this.state.side;
    if (side.kind === 'case' && side.id === p.case.id) this.scheduleDetail(side.id);
  }

  /** Keeps the newer copy; a push (no contact) never hides a contact a call returned. */
  merge(cases: readonly CaseView[]): void {
    const list = new Map(this.state.list);
    let changed = false;
    for (const c of cases) {
      const old = list.get(c.id);
      if (old && old.updatedAt > c.updatedAt) continue;
      list.set(c.id, old?.reporter && !c.reporter && !c.reporterHidden ? { ...c, reporter: old.reporter } : c);
      changed = true;
    }
    if (changed) this.setState({ ...this.state, list, changes: this.state.changes + 1 });
  }

  setFilters(f: Partial<CaseFilters>): void {
    this.setState({ ...this.state, filters: { ...this.state.filters, ...f } });
  }

  openForm(): void {
    this.setState({ ...this.state, side: { kind: 'new', form: ++this.forms, lat: null, lon: null }, detail: null, timeline: [], error: null, picking: false });
  }

  /** The form's point (a place chosen, or a click on the map while picking). */
  setPoint(lat: number, lon: number): void {
    const side = this.state.side;
    if (side.kind !== 'new') return;
    this.setState({ ...this.state, side: { ...side, lat, lon }, picking: false });
  }

  setPicking(picking: boolean): void {
    if (picking !== this.state.picking) this.setState({ ...this.state, picking });
  }

  select(id: string): void {
    const same = this.state.side.kind === 'case' && this.state.side.id === id;
    this.setState({ ...this.state, side: { kind: 'case', id }, error: null, ...(same ? {} : { detail: null, timeline: [] }) });
    this.refreshDetail(id);
  }

  closeSide(): void {
    this.setState({ ...this.state, side: { kind: 'idle' }, detail: null, timeline: [], error: null, picking: false });
  }

  setError(error: UiError | null): void {
    this.setState({ ...this.state, error });
  }

  fail(e: unknown): void {
    this.setError(toUiError(e));
  }

  scheduleDetail(id: string): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.refreshDetail(id);
    }, DETAIL_DEBOUNCE_MS);
  }

  refreshDetail(id: string): void {
    Promise.all([this.api['cases.get']({ caseId: id }), this.api['cases.timeline']({ caseId: id })]).then(
      ([detail, { entries }]) => {
        const side = this.state.side;
        if (side.kind !== 'case' || side.id !== id) return;
        this.merge([detail.case]);
        this.setState({ ...this.state, detail, timeline: entries });
      },
      (e: unknown) => this.fail(e),
    );
  }

  /**
   * Runs a call from the desk: a case it returns joins the list, the open case is fetched again,
   * a failure is shown on the desk. Resolves to the result, or null when it failed.
   */
  async act<T>(work: (api: ClientApi) => Promise<T>): Promise<T | null> {
    this.setError(null);
    try {
      const result = await work(this.api);
      const returned = caseOf(result);
      if (returned) this.merge([returned]);
      const side = this.state.side;
      if (side.kind === 'case') this.refreshDetail(side.id);
      return result;
    } catch (e) {
      this.fail(e);
      return null;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
