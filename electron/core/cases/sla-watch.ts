/**
 * SLA watch: raises a risk warning (source 'case_sla', moderate) when a clock has used `warnAt` of
 * its budget, and on breach makes it severe, records `case.sla_breached` and escalates: the
 * warning reaches the supervisors on every console, and the case names the next level body
 * (the handling body's parent) it was escalated to. A clock's warning clears when its step is
 * done or the case leaves handling. Run `check()` periodically and `settle(id)` after a change.
 */
import type { CaseCatalog } from '../../../shared/cases/catalog.js';
import type { CaseView } from '../../../shared/cases/model.js';
import { nextLevel } from '../../../shared/cases/routing.js';
import { slaAttention } from '../../../shared/cases/sla.js';
import type { Author, WarningContent } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { WarningService } from '../warnings/warnings.js';
import type { CaseQueries, CaseRow } from './queries.js';

const PHASES = ['accept', 'complete'] as const;
type Phase = (typeof PHASES)[number];

export class SlaWatch {
  constructor(
    private readonly store: Store,
    private readonly queries: CaseQueries,
    private readonly catalog: CaseCatalog,
    private readonly warnings: WarningService,
    private readonly system: Author,
    private readonly changed: (caseId: string) => void,
  ) {}

  private ref = (caseId: string, phase: Phase): string => `case:${caseId}:${phase}`;

  private content(c: CaseView, phase: Phase, breach: boolean, escalatedTo: string | null): WarningContent {
    const clock = c.sla[phase];
    const what = phase === 'accept' ? '受理 / accept' : '办结 / complete';
    const to = escalatedTo ? ` → ${this.catalog.body.get(escalatedTo)?.zh ?? escalatedTo}` : '';
    return {
      sourceRef: this.ref(c.id, phase),
      severity: breach ? 'severe' : 'moderate',
      title: breach ? `案件 #${c.number} ${what} 超时${to}` : `案件 #${c.number} ${what} 即将超时`,
      detail: `case #${c.number} ${c.category} · ${c.address} · body ${c.bodyId ?? c.proposedBodyId ?? '—'} · due ${clock.dueAt === null ? 'paused' : new Date(clock.dueAt).toISOString()}${breach ? ` · SLA breached, escalated to supervisor${escalatedTo ? ` and ${escalatedTo}` : ''}` : ''}`,
      area: { type: 'Point', coordinates: [c.lon, c.lat] },
      issuedAt: this.store.now(),
      effectiveAt: this.store.now(),
      expiresAt: null,
    };
  }

  /** Checks one case's clocks; returns true when it recorded something. */
  checkRow(r: CaseRow): boolean {
    const c = this.queries.view(r, false);
    const open = c.status === 'received' || c.status === 'assigned' || c.status === 'accepted' || c.status === 'in_progress';
    // A step done late (even the last one) still records its breach; merged and converted cases have no clocks left.
    const attention = c.status === 'merged' || c.status === 'converted' ? [] : slaAttention(c.sla, this.catalog.sla.warnAt);
    // Only a case that warned or breached can have a warning to clear; only one needing attention gets one.
    const mayHaveWarnings = r.warned === 1 || r.accept_breached === 1 || r.complete_breached === 1;
    if (!mayHaveWarnings && attention.length === 0) return false;
    let acted = false;
    const book = this.warnings.book;
    book.batch(() => {
      for (const phase of PHASES) {
        if (!mayHaveWarnings) break;
        const existing = this.warnings.queries.openWarningOf('case_sla', this.ref(c.id, phase));
        const done = !open || c.sla[phase].doneAt !== null;
        if (done && existing) {
          book.clear(existing.id, 'normal', this.system);
          acted = true;
        }
      }
      for (const { phase, kind } of attention) {
        const recorded = phase === 'accept' ? r.accept_breached === 1 : r.complete_breached === 1;
        if (recorded) continue;
        const existing = this.warnings.queries.openWarningOf('case_sla', this.ref(c.id, phase));
        const phaseOpen = open && c.sla[phase].doneAt === null;
        if (kind === 'breach') {
          const to = nextLevel(this.catalog, c.bodyId);
          const content = this.content(c, phase, true, to);
          let warningId: string | null = null;
          if (phaseOpen) {
            if (existing) book.update((warningId = existing.id), content, this.system);
            else warningId = book.raise('case_sla', content, this.system);
          }
          this.store.append('case.sla_breached', { caseId: c.id, phase, warningId, escalatedTo: to }, this.system);
          acted = true;
        } else if (phaseOpen && !existing) {
          const warningId = book.raise('case_sla', this.content(c, phase, false, null), this.system);
          this.store.append('case.sla_warned', { caseId: c.id, phase, warningId }, this.system);
          acted = true;
        }
      }
    });
    if (acted) this.changed(c.id);
    return acted;
  }

  /** Re-checks one case (after a step: records a late step's breach, clears done clocks' warnings). */
  settle(caseId: string): void {
    const r = this.queries.row(caseId);
    if (r) this.checkRow(r);
  }

  /** Checks every open case; returns how many changed. */
  check(): number {
    let n = 0;
    for (const r of this.queries.open()) if (this.checkRow(r)) n++;
    return n;
  }
}
