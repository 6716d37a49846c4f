/**
 * The KPI dashboard's figures for its period, district and body. While the dashboard shows, a
 * change to any case (a `case` push) fetches the figures again, at most twice a second; only the
 * dashboard's own components listen, so the rest of the console does not re-render.
 */
import type { ClientApi } from '../../../shared/api';
import type { KpiReport } from '../../../shared/cases/model';
import type { CasesStore } from './cases-store';
import { ExternalStore } from './external-store';
import { toUiError } from './operations';
import type { UiError } from './ui-store';

export const PERIODS = ['7d', '30d', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export interface KpiQuery {
  readonly period: Period;
  readonly district: string;
  readonly bodyId: string;
}

export interface KpiState {
  readonly query: KpiQuery;
  readonly report: KpiReport | null;
  readonly loading: boolean;
  readonly error: UiError | null;
  /** How many times the figures were fetched (tests and diagnostics). */
  readonly fetches: number;
}

const DAY = 86_400_000;

/** [from, to) of a period in the console's local time; `to` is the start of tomorrow, so today counts. */
export function periodRange(period: Period, now: number): { from: number; to: number } {
  const d = new Date(now);
  const to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  switch (period) {
    case '7d':
      return { from: to - 7 * DAY, to };
    case '30d':
      return { from: to - 30 * DAY, to };
    case 'month':
      return { from: new Date(d.getFullYear(), d.getMonth(), 1).getTime(), to };
    case 'quarter':
      return { from: new Date(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1).getTime(), to };
    case 'year':
      return { from: new Date(d.getFullYear(), 0, 1).getTime(), to };
  }
}

const REFRESH_MS = 500;

export class KpiStore extends ExternalStore<KpiState> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asked = 0;

  constructor(
    private readonly api: ClientApi,
    private readonly now: () => number = Date.now,
  ) {
    super({ query: { period: 'year', district: '', bodyId: '' }, report: null, loading: false, error: null, fetches: 0 });
  }

  /** The parameters of cases.kpi / cases.report / cases.exportCsv for the current query. */
  params(): { from: number; to: number; district?: string; bodyId?: string } {
    const q = this.state.query;
    return { ...periodRange(q.period, this.now()), district: q.district || undefined, bodyId: q.bodyId || undefined };
  }

  setQuery(q: Partial<KpiQuery>): void {
    this.setState({ ...this.state, query: { ...this.state.query, ...q } });
    this.refresh();
  }

  refresh(): void {
    const n = ++this.asked;
    this.setState({ ...this.state, loading: true });
    this.api['cases.kpi'](this.params()).then(
      (report) => {
        if (n === this.asked) this.setState({ ...this.state, report, loading: false, error: null, fetches: this.state.fetches + 1 });
      },
      (e: unknown) => {
        if (n === this.asked) this.setState({ ...this.state, loading: false, error: toUiError(e) });
      },
    );
  }

  /** Follows the cases while the dashboard shows: returns the function that stops it. */
  follow(cases: CasesStore): () => void {
    let changes = cases.getState().changes;
    this.refresh();
    const off = cases.subscribe(() => {
      if (cases.getState().changes === changes) return;
      changes = cases.getState().changes;
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.refresh();
      }, REFRESH_MS);
    });
    return () => {
      off();
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    };
  }
}
