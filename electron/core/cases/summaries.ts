/**
 * What other features read of the case desk: the wall's case statistics (counts by top-level
 * category, year over year) and a drill's SLA results. Both from the `cases` projection.
 */
import type { Database } from 'better-sqlite3';
import type { CountRow, YoyRow } from '../../../shared/panorama/model.js';
import { statements, type Statements } from '../store/statements.js';

interface SlaRow {
  id: string;
  accepted_at: number | null;
  completed_at: number | null;
  accept_breached: number;
  complete_breached: number;
}

/** The same instant one calendar year earlier (UTC calendar; a 29 February becomes 1 March). */
export function yearEarlier(t: number): number {
  const d = new Date(t);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime();
}

export function changePct(current: number, previous: number): number | null {
  return previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10;
}

export class CaseSummaries {
  private readonly sql: Statements;

  constructor(db: Database) {
    this.sql = statements(db);
  }

  /** Cases received in [from, to): counts by top-level category, and the total against the same span a year earlier. */
  stats(from: number, to: number): { byCategory: CountRow[]; yoy: YoyRow[] } {
    const rows = this.sql.stmt('SELECT category, COUNT(*) AS n FROM cases WHERE received_at >= ? AND received_at < ? GROUP BY category').all(from, to) as { category: string; n: number }[];
    const byTop = new Map<string, number>();
    for (const r of rows) {
      const top = r.category.split('.')[0];
      byTop.set(top, (byTop.get(top) ?? 0) + r.n);
    }
    const byCategory = [...byTop].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    const count = (f: number, t: number): number => this.sql.one('SELECT COUNT(*) FROM cases WHERE received_at >= ? AND received_at < ?', f, t) as number;
    const current = count(from, to);
    const previous = count(yearEarlier(from), yearEarlier(to));
    return { byCategory, yoy: [{ key: 'cases', current, previous, changePct: changePct(current, previous) }] };
  }

  /**
   * SLA results of the cases received in [from, to) whose clocks are decided: accepted or breached
   * (accept), completed or breached (complete). A clock still running is not counted.
   */
  slaResults(from: number, to: number): { caseId: string; sla: string; met: boolean }[] {
    const rows = this.sql
      .stmt('SELECT id, accepted_at, completed_at, accept_breached, complete_breached FROM cases WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id')
      .all(from, to) as SlaRow[];
    return rows.flatMap((r) => [
      ...(r.accepted_at !== null || r.accept_breached ? [{ caseId: r.id, sla: 'accept', met: r.accept_breached === 0 }] : []),
      ...(r.completed_at !== null || r.complete_breached ? [{ caseId: r.id, sla: 'complete', met: r.complete_breached === 0 }] : []),
    ]);
  }
}
