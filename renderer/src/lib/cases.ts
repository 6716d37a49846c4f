/**
 * Pure helpers for the case desk: the queue's order (urgency, then SLA time left), what an SLA
 * clock reads now (time left to accept or complete, paused, breached), a case's stage for the
 * map's colours, the category tree as options, and the KPI numbers as text. No React, no DOM.
 */
import type { CasesCatalog, CaseStatus, CaseUrgency, CaseView, CategoryNode, SlaClock } from '../../../shared/cases/model';
import { CASE_URGENCIES, OPEN_CASE_STATUSES } from '../../../shared/cases/model';

export type CaseStage = 'received' | 'assigned' | 'working' | 'done' | 'closed';

/** Received (red: nobody has it), with a body (amber), being worked (blue), handled (green). */
export const CASE_STAGE_COLOURS: Readonly<Record<CaseStage, string>> = {
  received: '#ff4d4f',
  assigned: '#ffb020',
  working: '#4cc3ff',
  done: '#3ddc84',
  closed: '#6b7a90',
};

export function caseStage(status: CaseStatus): CaseStage {
  switch (status) {
    case 'received':
      return 'received';
    case 'assigned':
      return 'assigned';
    case 'accepted':
    case 'in_progress':
      return 'working';
    case 'resolved':
    case 'not_resolved':
      return 'done';
    default:
      return 'closed';
  }
}

export function isOpen(c: Pick<CaseView, 'status'>): boolean {
  return OPEN_CASE_STATUSES.includes(c.status);
}

export function urgencyRank(u: CaseUrgency): number {
  return CASE_URGENCIES.indexOf(u);
}

export type SlaTone = 'ok' | 'soon' | 'breached' | 'paused' | 'done';

export interface SlaReading {
  /** Which clock: acceptance (until a body accepts) or completion (until resolved); null once handled. */
  readonly phase: 'accept' | 'complete' | null;
  readonly tone: SlaTone;
  /** Active ms left (negative: over by that much); for `done`, the completion clock's final state. */
  readonly ms: number;
  readonly breached: boolean;
}

/** Ms left on a clock now: it keeps running to `dueAt` unless paused (then frozen). */
function left(clock: SlaClock, now: number): number {
  return clock.dueAt === null ? clock.remainingMs : clock.dueAt - now;
}

/** A quarter of the budget left: the core warns at the same share (sla.warnAt 0.75). */
const SOON_SHARE = 0.25;

export function slaReading(c: CaseView, now: number): SlaReading {
  const accepting = c.status === 'received' || c.status === 'assigned';
  if (!isOpen(c)) {
    const breached = c.sla.accept.state === 'breached' || c.sla.complete.state === 'breached';
    return { phase: null, tone: 'done', ms: c.sla.complete.remainingMs, breached };
  }
  const clock = accepting ? c.sla.accept : c.sla.complete;
  const ms = left(clock, now);
  const breached = clock.state === 'breached' || ms < 0;
  const phase = accepting ? 'accept' : 'complete';
  if (c.sla.paused) return { phase, tone: 'paused', ms, breached };
  if (breached) return { phase, tone: 'breached', ms, breached };
  return { phase, tone: ms < clock.budgetMs * SOON_SHARE ? 'soon' : 'ok', ms, breached };
}

/** Open cases first; then the most urgent; then the least time left on the running clock. */
export function sortCases(list: Iterable<CaseView>, now: number): CaseView[] {
  const keyed = [...list].map((c) => ({ c, open: isOpen(c), sla: slaReading(c, now).ms }));
  keyed.sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      urgencyRank(b.c.urgency) - urgencyRank(a.c.urgency) ||
      (a.open ? a.sla - b.sla : b.c.receivedAt - a.c.receivedAt) ||
      a.c.number - b.c.number,
  );
  return keyed.map((k) => k.c);
}

export interface QueueFilters {
  /** `open`: every status still being worked. */
  readonly status: 'open' | 'all' | CaseStatus;
  readonly channel: string;
  readonly category: string;
  readonly body: string;
}

/** The filtered queue in its order; a category filter takes its subcategories too. */
export function queueOf(list: Iterable<CaseView>, f: QueueFilters, catalog: CasesCatalog | null, now: number): CaseView[] {
  const parent = new Map((catalog?.categories ?? []).map((n) => [n.id, n.parent]));
  const within = (id: string, root: string): boolean => {
    for (let at: string | null | undefined = id, n = 0; at && n < 10; at = parent.get(at), n++) if (at === root) return true;
    return false;
  };
  const keep = (c: CaseView): boolean => {
    if (f.status === 'open' ? !isOpen(c) : f.status !== 'all' && c.status !== f.status) return false;
    if (f.channel && c.channel !== f.channel) return false;
    if (f.body && c.bodyId !== f.body) return false;
    return !f.category || within(c.category, f.category);
  };
  return sortCases([...list].filter(keep), now);
}

/** A span of active time as hours and minutes: "3 h 05 min" style parts for the caller to localize. */
export function hoursMinutes(ms: number): { readonly d: number; readonly h: number; readonly m: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60), m: total % 60 };
}

export interface CategoryOption {
  readonly id: string;
  readonly depth: number;
  readonly node: CategoryNode;
}

/** The category tree in display order (parents before children), with each node's depth. */
export function categoryOptions(catalog: CasesCatalog | null): CategoryOption[] {
  if (!catalog) return [];
  const children = new Map<string | null, CategoryNode[]>();
  for (const n of catalog.categories) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const out: CategoryOption[] = [];
  const walk = (parent: string | null, depth: number): void => {
    for (const n of children.get(parent) ?? []) {
      out.push({ id: n.id, depth, node: n });
      if (depth < 8) walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A ratio 0–1 as a percentage with one decimal ("98.5 %"), or an em dash. */
export function percent(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(1)} %`;
}

/** A relative change as a signed percentage ("−18.0 %"), or an em dash. */
export function change(r: number | null): string {
  if (r === null) return '—';
  const v = (r * 100).toFixed(1);
  return r > 0 ? `+${v} %` : r < 0 ? `−${v.slice(1)} %` : '0.0 %';
}
