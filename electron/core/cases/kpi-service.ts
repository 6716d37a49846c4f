/**
 * KPIs from the case projections. The facts (one compact record per case) are held in memory and
 * refreshed from the `cases` table for the cases that changed since the last computation, so a
 * dashboard refresh over 100,000 cases is one pass in memory rather than several SQL scans.
 * Every figure can be audited: `caseIds` lists the cases behind it with the same predicate.
 */
import type { CaseInput, PeriodReport } from '../../../shared/cases/api.js';
import { catalogView, type CaseCatalog } from '../../../shared/cases/catalog.js';
import { breakdown, kpiCaseIds, kpiReport, type CaseFact, type KpiFilter } from '../../../shared/cases/kpi.js';
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

  /** The current facts: loaded once, then only changed cases re-read. */
  current(): readonly CaseFact[] {
    if (!this.facts || this.dirty.size > 20_000) {
      this.facts = this.queries.facts();
      this.index = new Map(this.facts.map((f, i) => [f.id, i]));
      this.dirty.clear();
      return this.facts;
    }
    if (this.dirty.size) {
      for (const f of this.queries.facts([...this.dirty])) {
        const i = this.index.get(f.id);
        if (i === undefined) {
          this.index.set(f.id, this.facts.length);
          this.facts.push(f);
        } else this.facts[i] = f;
      }
      this.dirty.clear();
    }
    return this.facts;
  }

  kpi(q: KpiFilter): KpiReport {
    const t0 = performance.now();
    const r = kpiReport(this.current(), q);
    return { ...r, computedMs: Math.round((performance.now() - t0) * 100) / 100 };
  }

  caseIds(q: KpiFilter, figure: CaseInput<'cases.kpiCases'>['figure']): string[] {
    return kpiCaseIds(this.current(), q, figure);
  }

  report(q: KpiFilter): PeriodReport {
    const kpi = this.kpi(q);
    const facts = this.current();
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
