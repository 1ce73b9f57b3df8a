// Per-IP rate limits for requests anyone can send (start a draft, upload, look up a code, ask for a mail): counted in
// the database so every app node sees the same count (doc/adr/0128-per-ip-rate-limits.md). IP addresses are personal
// data: only a keyed hash is stored, and only until the window ends.
import { lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { keyedHash } from '../crypto.js';
import type { TenantDb } from '../db/tenant-scope.js';
import { TooManyRequestsError } from '../http/errors.js';
import type { AppDeps, BackgroundJob } from '../module.js';
import { rateLimitWindows } from './ratelimit.tables.js';

export interface RateLimit {
  /** Names the bucket, e.g. 'upload'. */
  name: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * The limits of the unauthenticated writes. Generous for a person (a family filling in forms behind one router, an
 * office with one address), far below what a script sends.
 */
export const publicLimits = {
  /** New online application drafts. */
  draft: { name: 'draft', max: 30, windowMs: 60 * MINUTE },
  /** Upload requests (each may carry several files). */
  upload: { name: 'upload', max: 20, windowMs: 10 * MINUTE },
  /** Looking something up by a code or token a person typed (guessing). */
  lookup: { name: 'lookup', max: 30, windowMs: 10 * MINUTE },
  /** Requests that send a mail to an address the sender gives. */
  mail: { name: 'mail', max: 10, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimit>;

function bucketOf(secretKey: string, limit: RateLimit, subject: string): string {
  return `${limit.name}:${keyedHash(secretKey, ['ratelimit', limit.name, subject], 'base64url').slice(0, 32)}`;
}

/** Counts one request of `subject` against `limit`; throws 429 (with Retry-After) when the window is full. */
export async function hitRateLimit(tdb: TenantDb, deps: Pick<AppDeps, 'config' | 'clock'>, limit: RateLimit, subject: string): Promise<void> {
  if (!deps.config.rateLimits) return;
  const now = deps.clock.now().getTime();
  const windowStart = Math.floor(now / limit.windowMs) * limit.windowMs;
  const t = rateLimitWindows;
  const [row] = await tdb.db
    .insert(t)
    .values({ tenantId: tdb.tenantId, bucket: bucketOf(deps.config.secretKey, limit, subject), windowStart: new Date(windowStart), expiresAt: new Date(windowStart + limit.windowMs), count: 1 })
    .onConflictDoUpdate({ target: [t.tenantId, t.bucket, t.windowStart], set: { count: sql`${t.count} + 1` } })
    .returning({ count: t.count });
  if ((row?.count ?? 0) > limit.max) throw new TooManyRequestsError(Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000)));
}

/** Route hook (onRequest or preHandler, below a tenant): counts the request against `limit` for its client address. */
export function perIpLimit(deps: Pick<AppDeps, 'config' | 'clock'>, limit: RateLimit) {
  return async (request: FastifyRequest) => hitRateLimit(request.tdb, deps, limit, request.ip);
}

/** Forgets ended windows, so no hashed address outlives its window by more than the job's interval. */
export const rateLimitJobs: BackgroundJob[] = [
  {
    name: 'ratelimit.purge',
    everyMs: 10 * MINUTE,
    run: async (deps) => void (await deps.database.db.delete(rateLimitWindows).where(lt(rateLimitWindows.expiresAt, deps.clock.now()))),
  },
];
