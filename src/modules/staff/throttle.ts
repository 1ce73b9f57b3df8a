/**
 * Login throttling: failures before a pause, then pauses that double with every further failure.
 * Per account (hashed e-mail, also for unknown addresses, so the answer never tells whether an
 * account exists) and, with a higher allowance, per IP address.
 */
export const throttlePolicy = {
  account: { freeFailures: 3, firstPauseMs: 30_000 },
  ip: { freeFailures: 20, firstPauseMs: 60_000 },
  maxPauseMs: 3_600_000,
  /** A quiet hour forgives earlier failures. */
  forgetAfterMs: 3_600_000,
} as const;

export type ThrottleKind = 'account' | 'ip';

/** How long logins stay paused after the `failures`-th failure in a row (0: not paused). */
export function pauseAfter(kind: ThrottleKind, failures: number): number {
  const { freeFailures, firstPauseMs } = throttlePolicy[kind];
  if (failures < freeFailures) return 0;
  return Math.min(firstPauseMs * 2 ** (failures - freeFailures), throttlePolicy.maxPauseMs);
}
