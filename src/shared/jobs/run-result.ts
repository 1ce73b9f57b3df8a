// Building a background job's run result (JobRunResult) from the counts the job's steps return.
import type { JobRunResult } from '../module.js';

/** Counts of several kinds that are all finished work (mails of each kind, rows of each table): done is their sum. */
export function doneOfEach(counts: Record<string, number>): JobRunResult {
  return { done: Object.values(counts).reduce((sum, n) => sum + n, 0), ...counts };
}

/** Adds one tenant's counts to those of the run so far, kind by kind. */
export function addCounts<T extends Record<string, number>>(total: T, counts: T): T {
  for (const [kind, n] of Object.entries(counts)) (total as Record<string, number>)[kind] = (total[kind] ?? 0) + n;
  return total;
}
