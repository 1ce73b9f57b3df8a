// The waiting-room display's content and the kiosk's rate limit (fixed windows in the database).
import { TooManyRequestsError } from '#shared/http/errors.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import * as repo from './servicepoint.repository.js';

export type { DisplayRow } from './servicepoint.repository.js';
export type DisplayState = Awaited<ReturnType<typeof repo.displayState>>;

export function displayState(tdb: TenantDb, locationId: string, localDay: string) {
  return repo.displayState(tdb, locationId, localDay);
}

/** Counts one attempt in every bucket; 429 when one of them is over its limit in the current window. */
export async function enforceKioskLimits(tdb: TenantDb, now: Date, windowMs: number, buckets: { name: string; max: number }[]): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  let over = false;
  // Sequential: one connection on PGlite, and every bucket must count the attempt.
  for (const bucket of buckets) {
    if ((await repo.hitRateLimit(tdb, bucket.name, windowStart)) > bucket.max) over = true;
  }
  if (over) throw new TooManyRequestsError(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
}
