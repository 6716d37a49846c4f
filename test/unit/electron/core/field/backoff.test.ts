import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, checkBackoffPolicy, DEFAULT_BACKOFF } from '../../../../../electron/core/field/backoff';

describe('reconnect backoff (exponential, full jitter)', () => {
  it('doubles the ceiling from 0.5 s per attempt up to the 30 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 1000].map((n) => backoffCeiling(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, capMs: 30_000 });
  });

  it('treats attempt numbers below 1 (and fractions) as the first attempt', () => {
    expect(backoffCeiling(0)).toBe(500);
    expect(backoffCeiling(-3)).toBe(500);
    expect(backoffCeiling(2.9)).toBe(1000);
  });

  it('spreads the delay over the whole window: random 0 → 0, random → 1 just under the ceiling', () => {
    const policy = { baseMs: 100, capMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(0);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(50);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.999_999_9)).toBe(399);
    expect(backoffDelay(10, policy, () => 0.25)).toBe(250);
    // A generator that misbehaves (1 or more, negative) still yields a delay inside the window.
    expect(backoffDelay(2, policy, () => 1)).toBe(199);
    expect(backoffDelay(2, policy, () => -1)).toBe(0);
  });

  it('stays within [0, ceiling) for many random draws, and is not constant', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const draws = Array.from({ length: 200 }, () => backoffDelay(attempt));
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...draws)).toBeLessThan(backoffCeiling(attempt));
      expect(new Set(draws).size).toBeGreaterThan(10);
    }
  });

  it('rejects unusable policies', () => {
    expect(checkBackoffPolicy({ baseMs: 500, capMs: 30_000 })).toBeNull();
    expect(checkBackoffPolicy({ baseMs: 0, capMs: 30_000 })).toMatch(/base/);
    expect(checkBackoffPolicy({ baseMs: 500, capMs: 100 })).toMatch(/cap/);
    expect(checkBackoffPolicy({ baseMs: 1.5, capMs: 100 })).toMatch(/base/);
  });
});
