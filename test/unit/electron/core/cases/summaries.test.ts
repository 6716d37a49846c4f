/** What the wall and the drill report read of the case desk: counts, year over year, decided SLA clocks. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaseSummaries, changePct, yearEarlier } from '../../../../../electron/core/cases/summaries';
import { migrate } from '../../../../../electron/core/store/migrations';

const DAY = 86_400_000;
const Y2026 = Date.UTC(2026, 0, 1);

function db(): Database.Database {
  const d = new Database(':memory:');
  migrate(d);
  return d;
}

let n = 0;
function addCase(d: Database.Database, at: number, category: string, state: Partial<{ accepted_at: number; completed_at: number; accept_breached: number; complete_breached: number }> = {}): string {
  const id = `c${++n}`;
  d.prepare(
    `INSERT INTO cases (id, number, channel, category, urgency, status, description, lat, lon, address, received_at, received_by, updated_at,
       accepted_at, completed_at, accept_breached, complete_breached)
     VALUES (?, ?, 'app', ?, 'normal', 'received', '', 31, 104, '', ?, 'a', ?, ?, ?, ?, ?)`,
  ).run(id, n, category, at, at, state.accepted_at ?? null, state.completed_at ?? null, state.accept_breached ?? 0, state.complete_breached ?? 0);
  return id;
}

describe('case summaries', () => {
  it('counts cases by top-level category and against the same span a year earlier', () => {
    const d = db();
    addCase(d, Y2026 + DAY, 'dispute.neighbour');
    addCase(d, Y2026 + 2 * DAY, 'dispute.family');
    addCase(d, Y2026 + 3 * DAY, 'service');
    addCase(d, yearEarlier(Y2026 + DAY), 'dispute.neighbour');
    addCase(d, Y2026 + 40 * DAY, 'service'); // outside the span
    const s = new CaseSummaries(d).stats(Y2026, Y2026 + 10 * DAY);
    expect(s.byCategory).toEqual([
      { key: 'dispute', count: 2 },
      { key: 'service', count: 1 },
    ]);
    expect(s.yoy).toEqual([{ key: 'cases', current: 3, previous: 1, changePct: 200 }]);
  });

  it('gives the SLA results of decided clocks only', () => {
    const d = db();
    const onTime = addCase(d, Y2026, 'service', { accepted_at: Y2026 + 3_600_000, completed_at: Y2026 + DAY });
    const late = addCase(d, Y2026 + 1000, 'service', { accept_breached: 1 });
    addCase(d, Y2026 + 2000, 'service'); // still running: not counted
    expect(new CaseSummaries(d).slaResults(Y2026, Y2026 + DAY)).toEqual([
      { caseId: onTime, sla: 'accept', met: true },
      { caseId: onTime, sla: 'complete', met: true },
      { caseId: late, sla: 'accept', met: false },
    ]);
  });

  it('computes the change in per cent to one decimal, none against zero', () => {
    expect(changePct(82, 100)).toBe(-18);
    expect(changePct(1, 3)).toBe(-66.7);
    expect(changePct(5, 0)).toBeNull();
    expect(yearEarlier(Date.UTC(2026, 5, 1))).toBe(Date.UTC(2025, 5, 1));
  });
});
