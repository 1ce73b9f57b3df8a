// Rate limits per IP address and per e-mail address, counted in the database (app nodes keep no state).
// Addresses are stored only as keyed hashes.
import { TooManyRequestsError } from '#shared/http/errors.js';
import type { TermineContext } from './availability.service.js';
import { hitRateLimits } from './booking.repository.js';
import { shortKeyedHash } from './tokens.js';

export interface Limit {
  /** e.g. 'book:ip' */
  name: string;
  subject: string;
  max: number;
  windowMs: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Counts this attempt in every limit's fixed window; throws 429 when one is exceeded. */
export async function enforceLimits(ctx: TermineContext, limits: Limit[]): Promise<void> {
  const active = limits.filter((l) => l.subject !== '' && l.max > 0);
  if (active.length === 0) return;
  const now = ctx.deps.clock.now().getTime();
  const windows = active.map((l) => new Date(Math.floor(now / l.windowMs) * l.windowMs));
  const buckets = active.map((l) => `${l.name}:${shortKeyedHash(ctx.deps.config.secretKey, l.name, l.subject)}`);
  const counts = await hitRateLimits(ctx.tdb, buckets, windows);
  const exceeded = active.findIndex((l, i) => (counts[i] ?? 0) > l.max);
  if (exceeded >= 0) {
    const windowEnd = windows[exceeded]!.getTime() + active[exceeded]!.windowMs;
    throw new TooManyRequestsError(Math.max(1, Math.ceil((windowEnd - now) / 1000)));
  }
}
