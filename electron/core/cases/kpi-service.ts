/**
 * KPIs from the case projections. The facts (one compact record per case) are held in memory and
 * refreshed from the `cases` table for the cases that changed since the last computation, so a
 * dashboard refresh over 100,000 cases is one pass in memory rather than several SQL scans.
 * Every figure can be audited: `caseIds` lists the cases behind it with the same predicate.
 */
import type { CaseInput, PeriodReport } from '../../../shared/cases/api.js';
import { catalogView, type CaseCatalog } from '../../../shared/cases/catalog.js';
import { breakdown, kpiCaseIds, kpiReport, receivedIn, type CaseFact, type KpiFilter } from '../../../shared/cases/kpi.js';
import type { KpiReport } from '../../../shared/cases/model.js';
import type { CaseQueries } from './queries.js';

export class KpiService {
  private facts: CaseFact[] | null = null;
  private index = new Map<string, number>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly queries: CaseQueries,
    private readonly catalog: CaseCatalog,
    private readonly now: () => number,
  ) {}

  /** A case changed (called for every committed case event). */
  touch(caseId: string): void {
    if (this.facts) this.dirty.add(caseId);
  }

  /** The current facts in receivedAt order: loaded once, then only changed cases re-read. */
  current(): readonly CaseFact[] {
    if (!this.facts || this.dirty.size > 20_000) {
      this.facts = this.queries.facts().sort((a, b) => a.receivedAt - b.receivedAt);
      this.reindex();
      this.dirty.clear();
      return this.facts;
    }
    if (this.dirty.size) {
      let unordered = false;
      for (const f of this.queries.facts([...this.dirty])) {
        const i = this.index.get(f.id);
        if (i !== undefined) this.facts[i] = f;
        else {
          // New cases are almost always the newest: appended in order, else sorted again.
          if (this.facts.length && f.receivedAt < this.facts[this.facts.length - 1].receivedAt) unordered = true;
          this.index.set(f.id, this.facts.length);
          this.facts.push(f);
        }
      }
      if (unordered) {
        this.facts.sort((a, b) => a.receivedAt - b.receivedAt);
        this.reindex();
      }
      this.dirty.clear();
    }
    return this.facts;
  }

  private reindex(): void {
    this.index = new Map((this.facts ?? []).map((f, i) => [f.id, i]));
  }

  kpi(q: KpiFilter): KpiReport {
    const t0 = performance.now();
    const r = kpiReport(this.current(), q, true);
    return { ...r, computedMs: Math.round((performance.now() - t0) * 100) / 100 };
  }

  caseIds(q: KpiFilter, figure: CaseInput<'cases.kpiCases'>['figure']): string[] {
    const all = this.current();
    return kpiCaseIds(receivedIn(all, q.from, q.to), q, figure);
  }

  report(q: KpiFilter): PeriodReport {
    const kpi = this.kpi(q);
    const facts = receivedIn(this.current(), q.from, q.to);
    return {
      kpi,
      byCategory: breakdown(facts, q, (f) => f.category.split('.')[0]),
      byBody: breakdown(facts, q, (f) => f.bodyId),
      byDistrict: breakdown(facts, q, (f) => f.district),
      catalog: catalogView(this.catalog),
      generatedAt: this.now(),
    };
  }
}
