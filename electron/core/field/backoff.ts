/**
 * Reconnect backoff: exponential with full jitter. Attempt n (1 = the first retry after a failure)
 * waits a uniformly random time in [0, min(cap, base · 2^(n-1))). Full jitter spreads the consoles
 * of a command hall (and the hall's many devices, if they use the same rule) over the whole window
 * after a broker restart instead of having them all reconnect in the same instant.
 */

export interface BackoffPolicy {
  /** Ceiling of the first retry's delay (ms). */
  readonly baseMs: number;
  /** No delay is ever longer than this (ms). */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/** Whether a policy is usable: positive whole milliseconds, base not above cap. */
export function checkBackoffPolicy(p: BackoffPolicy): string | null {
  if (!Number.isInteger(p.baseMs) || p.baseMs < 1) return `backoff base must be a whole number of ms ≥ 1, not ${p.baseMs}`;
  if (!Number.isInteger(p.capMs) || p.capMs < p.baseMs) return `backoff cap must be a whole number of ms ≥ the base (${p.baseMs}), not ${p.capMs}`;
  return null;
}

/** The longest delay attempt `attempt` (1-based) may wait: min(cap, base · 2^(attempt-1)). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^(n-1) overflows to Infinity long after it passed any sane cap; min() handles that.
  return Math.min(policy.capMs, policy.baseMs * 2 ** (n - 1));
}

/**
 * The delay before attempt `attempt` (1-based), full jitter: floor(random() · ceiling).
 * `random` returns a number in [0, 1) like Math.random.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * backoffCeiling(attempt, policy));
}
