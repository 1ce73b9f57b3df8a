// termine's abuse limits (holds and bookings per IP address, bookings per e-mail address, "find my appointment"),
// counted by the platform's rate limiter (src/shared/ratelimit, ADR 0128). Their values are the tenant's settings.
import { hitRateLimits } from '#shared/ratelimit/index.js';
import type { TermineContext } from './availability.service.js';

export interface Limit {
  /** e.g. 'book:ip' */
  name: string;
  subject: string;
  max: number;
  windowMs: number;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Counts this attempt in every limit's window; throws 429 when one is exceeded. A limit of 0 is no limit. */
export async function enforceLimits(ctx: TermineContext, limits: Limit[]): Promise<void> {
  await hitRateLimits(
    ctx.tdb,
    ctx.deps,
    limits.map(({ subject, ...limit }) => ({ limit, subject })),
  );
}
