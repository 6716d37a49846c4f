import { describe, expect, it } from 'vitest';
import { activeMs, computeSla, dueTime, HOUR_MS, slaAttention, type OfficeHours, type SlaPolicy } from '../../../../shared/cases/sla';

const T = Date.parse('2026-11-25T09:00:00+08:00'); // a Wednesday
const ROUND_THE_CLOCK: SlaPolicy = { acceptMs: 12 * HOUR_MS, completeMs: 96 * HOUR_MS, hours: null };
const OFFICE: OfficeHours = { startMin: 8 * 60 + 30, endMin: 17 * 60 + 30, days: [1, 2, 3, 4, 5] };
const at = (iso: string): number => Date.parse(iso);

describe('SLA clocks', () => {
  it('count wall time without pauses: due 12 h after receipt, breached when accepted after that', () => {
    const running = computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 11 * HOUR_MS);
    expect(running.accept).toMatchObject({ state: 'pending', dueAt: T + 12 * HOUR_MS, remainingMs: HOUR_MS });
    expect(running.complete.dueAt).toBe(T + 96 * HOUR_MS);
    const late = computeSla({ receivedAt: T, acceptedAt: T + 13 * HOUR_MS, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 20 * HOUR_MS);
    expect(late.accept).toMatchObject({ state: 'breached', remainingMs: -HOUR_MS, doneAt: T + 13 * HOUR_MS });
    const onTime = computeSla({ receivedAt: T, acceptedAt: T + 12 * HOUR_MS, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 20 * HOUR_MS);
    expect(onTime.accept.state).toBe('met');
  });

  it('stop while paused: closed pauses move the due time, an open pause freezes the clock', () => {
    const pauses = [{ from: T + 2 * HOUR_MS, to: T + 5 * HOUR_MS, reason: 'waiting for the reporter' }];
    const s = computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses }, ROUND_THE_CLOCK, T + 14 * HOUR_MS);
    expect(s.accept).toMatchObject({ state: 'pending', remainingMs: HOUR_MS, dueAt: T + 15 * HOUR_MS });
    expect(s.pausedMs).toBe(3 * HOUR_MS);
    expect(s.paused).toBe(false);

    const open = [...pauses, { from: T + 10 * HOUR_MS, to: null, reason: '等待当事人' }];
    const frozen = computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses: open }, ROUND_THE_CLOCK, T + 40 * HOUR_MS);
    expect(frozen.accept).toMatchObject({ state: 'pending', remainingMs: 5 * HOUR_MS, dueAt: null });
    expect(frozen).toMatchObject({ paused: true, pausedSince: T + 10 * HOUR_MS, pauseReason: '等待当事人', pausedMs: 33 * HOUR_MS });
  });

  it('carry the complete clock across midnights and a pause that spans one', () => {
    // Received Wednesday 09:00, paused Thursday 22:00 → Friday 06:00 (8 h): 4 days + 8 h.
    const pauses = [{ from: at('2026-11-26T22:00:00+08:00'), to: at('2026-11-27T06:00:00+08:00') }];
    expect(dueTime(T, 96 * HOUR_MS, pauses, null)).toBe(at('2026-11-29T17:00:00+08:00'));
    const s = computeSla({ receivedAt: T, acceptedAt: T + HOUR_MS, completedAt: at('2026-11-29T16:59:00+08:00'), pauses }, ROUND_THE_CLOCK, at('2026-12-01T00:00:00+08:00'));
    expect(s.complete).toMatchObject({ state: 'met', remainingMs: 60_000 });
  });

  it('count only office hours when the body keeps them: Friday 16:00 + 12 h = Tuesday 10:00', () => {
    const friday = at('2026-11-27T16:00:00+08:00');
    expect(activeMs(friday, at('2026-11-30T08:30:00+08:00'), [], OFFICE)).toBe(1.5 * HOUR_MS); // the weekend counts nothing
    expect(dueTime(friday, 12 * HOUR_MS, [], OFFICE)).toBe(at('2026-12-01T10:00:00+08:00'));
    // A pause over Monday morning (09:00–11:00) pushes it two office hours later.
    const pauses = [{ from: at('2026-11-30T09:00:00+08:00'), to: at('2026-11-30T11:00:00+08:00') }];
    expect(dueTime(friday, 12 * HOUR_MS, pauses, OFFICE)).toBe(at('2026-12-01T12:00:00+08:00'));
    const policy: SlaPolicy = { ...ROUND_THE_CLOCK, hours: OFFICE };
    const s = computeSla({ receivedAt: friday, acceptedAt: null, completedAt: null, pauses }, policy, at('2026-12-01T11:00:00+08:00'));
    expect(s.accept).toMatchObject({ state: 'pending', remainingMs: HOUR_MS, dueAt: at('2026-12-01T12:00:00+08:00') });
  });

  it('stop both clocks when the case leaves handling (merged, converted)', () => {
    const s = computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 50 * HOUR_MS, { ended: T + HOUR_MS });
    expect(s.accept).toMatchObject({ state: 'pending', remainingMs: 11 * HOUR_MS });
  });

  it('ask for a warning after the warn share of a budget and for escalation once it ran out', () => {
    const warn = computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 9 * HOUR_MS);
    expect(slaAttention(warn, 0.75)).toEqual([{ phase: 'accept', kind: 'warn' }]);
    expect(slaAttention(computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 8 * HOUR_MS), 0.75)).toEqual([]);
    const breach = computeSla({ receivedAt: T, acceptedAt: null, completedAt: null, pauses: [] }, ROUND_THE_CLOCK, T + 80 * HOUR_MS);
    expect(slaAttention(breach, 0.75)).toEqual([{ phase: 'accept', kind: 'breach' }, { phase: 'complete', kind: 'warn' }]);
  });
});
