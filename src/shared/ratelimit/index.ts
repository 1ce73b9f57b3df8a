// Rate limits for requests anyone can send (start a draft, upload, look up a code, ask for a mail, hold or book an
// appointment, check in at the kiosk), per IP address, e-mail address or place: counted in the database so every app
// node sees the same count (doc/adr/0128-per-ip-rate-limits.md). Addresses are personal data: only a keyed hash is
// stored, and only until the window ends. RATE_LIMITS=off (tests only) turns every limit off.
import { lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
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

/** One request of `subject` (an address, a hashed e-mail, a place) against `limit`. */
export interface RateLimitHit {
  limit: RateLimit;
  subject: string;
}

/**
 * Counts the request once in every limit's current window, all in one statement, and throws 429 (with Retry-After of
 * the first limit that is full) when one of them is over. An empty subject or a limit of 0 counts nothing.
 * The counter commits without waiting for the WAL flush (synchronous_commit off for this statement's own transaction
 * only): a crash may forget the last few hits, which a limit can afford, and requests of one address do not queue
 * behind each other's disk flush on the same row (doc/adr/0190-booking-cost.md). Never inside a transaction, where the
 * setting would relax everything else in it.
 */
export async function hitRateLimits(tdb: TenantDb, deps: Pick<AppDeps, 'config' | 'clock'>, hits: RateLimitHit[]): Promise<void> {
  if (!deps.config.rateLimits) return;
  const active = hits.filter((hit) => hit.subject !== '' && hit.limit.max > 0);
  if (active.length === 0) return;
  if (tdb.db instanceof PgTransaction) throw new Error('hitRateLimits runs in a transaction of its own, never inside one');
  const now = deps.clock.now().getTime();
  const windows = active.map(({ limit, subject }) => {
    const start = Math.floor(now / limit.windowMs) * limit.windowMs;
    return { limit, bucket: bucketOf(deps.config.secretKey, limit, subject), start, end: start + limit.windowMs };
  });
  const values = sql.join(
    windows.map((w) => sql`(${tdb.tenantId}::uuid, ${w.bucket}, ${new Date(w.start).toISOString()}::timestamptz, ${new Date(w.end).toISOString()}::timestamptz, 1)`),
    sql`, `,
  );
  const result = await tdb.db.execute(sql`
    with relaxed as materialized (select set_config('synchronous_commit', 'off', true))
    insert into rate_limit_windows (tenant_id, bucket, window_start, expires_at, count)
    select v.* from (values ${values}) as v(tenant_id, bucket, window_start, expires_at, count), relaxed
    on conflict (tenant_id, bucket, window_start) do update set count = rate_limit_windows.count + 1
    returning bucket, count`);
  const rows = (result as unknown as { rows: { bucket: string; count: number }[] }).rows;
  const full = windows.find((w) => Number(rows.find((r) => r.bucket === w.bucket)?.count ?? 0) > w.limit.max);
  if (full) throw new TooManyRequestsError(Math.max(1, Math.ceil((full.end - now) / 1000)));
}

/** Counts one request of `subject` against `limit`; throws 429 (with Retry-After) when the window is full. */
export async function hitRateLimit(tdb: TenantDb, deps: Pick<AppDeps, 'config' | 'clock'>, limit: RateLimit, subject: string): Promise<void> {
  await hitRateLimits(tdb, deps, [{ limit, subject }]);
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
    run: async (deps) => {
      const purged = await deps.database.db
        .delete(rateLimitWindows)
        .where(lt(rateLimitWindows.expiresAt, deps.clock.now()))
        .returning({ bucket: rateLimitWindows.bucket });
      return { done: purged.length };
    },
  },
];
