/**
 * Login throttling (ADR 0119): failures are counted per account and client together, so a guesser
 * pauses only itself and never locks the owner out from another client. Per client (all accounts)
 * with a higher allowance. Per account (all clients) only as a signal: beyond `attackedAfter`
 * failures every client that fails even once is paused, with pauses growing with the account's
 * count, and the owner is told by mail once. A client that has not failed is never paused.
 */
export const throttlePolicy = {
  pair: { freeFailures: 3, firstPauseMs: 30_000 },
  ip: { freeFailures: 20, firstPauseMs: 60_000 },
  /** Failures of one account from all clients before it counts as attacked. */
  attackedAfter: 10,
  /** First pause for a failing client of an attacked account, doubled with every further account failure. */
  attackedFirstPauseMs: 60_000,
  maxPauseMs: 3_600_000,
  /** A quiet hour forgives earlier failures. */
  forgetAfterMs: 3_600_000,
} as const;

export type ThrottleKind = 'pair' | 'ip';

/** How long logins stay paused after the `failures`-th failure in a row (0: not paused). */
export function pauseAfter(kind: ThrottleKind, failures: number): number {
  const { freeFailures, firstPauseMs } = throttlePolicy[kind];
  if (failures < freeFailures) return 0;
  return Math.min(firstPauseMs * 2 ** (failures - freeFailures), throttlePolicy.maxPauseMs);
}

/** Pause for the failing client of an account with `accountFailures` failures from all clients (0: not attacked). */
export function attackedPause(accountFailures: number): number {
  if (accountFailures < throttlePolicy.attackedAfter) return 0;
  return Math.min(throttlePolicy.attackedFirstPauseMs * 2 ** (accountFailures - throttlePolicy.attackedAfter), throttlePolicy.maxPauseMs);
}
