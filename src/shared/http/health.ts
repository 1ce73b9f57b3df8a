// Liveness (the process answers) and readiness (the database answers in time, migrations applied) for the
// orchestrator and the load balancer; the mail outbox's state for the operators' monitoring.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import { safeEqual, sha256 } from '../crypto.js';
import type { Database } from '../db/client.js';
import { migrationsCurrent } from '../db/migrate.js';
import { outboxState } from '../mail/outbox-state.js';
import { bearerCredential } from './bearer.js';

/** A load balancer's probe gives up after a few seconds; answer before it does, also when the network swallows packets. */
export const READY_TIMEOUT_MS = 2_000;

class ReadyTimeout extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadyTimeout(`no answer within ${ms} ms`)), ms);
  });
  // The query left behind ends by itself at the pool's query timeout; its rejection must not go unhandled.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** 503 with why, and a warning in the log: the probe's answer when the database did not answer (in time). */
function unavailable(request: FastifyRequest, reply: FastifyReply, err: unknown, check: string) {
  request.log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, `${check} failed`);
  return reply.status(503).send({ status: 'unavailable', reason: err instanceof ReadyTimeout ? 'database timeout' : 'database unreachable' });
}

/**
 * Who asks for the mail state (ADR 0411): anyone (counts and the error's category), the operators' monitoring with
 * HEALTH_TOKEN (also the error's text), or a bearer token that is not the operators' (refused, so a stale token in
 * the monitoring shows up instead of silently losing the text). Other schemes (a proxy's Basic auth) count as none.
 */
function mailStateAudience(request: FastifyRequest, tokenHash: string | undefined): 'public' | 'operator' | 'refused' {
  const credential = bearerCredential(request);
  if (credential === undefined) return 'public';
  // Hashes of equal length compared in constant time: neither the token nor its length leaks through timing.
  return tokenHash !== undefined && safeEqual(sha256(credential), tokenHash) ? 'operator' : 'refused';
}

export interface HealthOptions {
  /** SHA-256 (hex) of the operators' token for GET /health/mail's error text; without it nobody gets the text. */
  healthTokenHash?: string | undefined;
  readyTimeoutMs?: number;
}

export function registerHealth(app: FastifyInstance, database: Database, clock: Clock, { healthTokenHash, readyTimeoutMs = READY_TIMEOUT_MS }: HealthOptions = {}) {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (request, reply) => {
    try {
      const current = await within(readyTimeoutMs, database.db.execute(sql`select 1`).then(() => migrationsCurrent(database)));
      if (!current) return reply.status(503).send({ status: 'unavailable', reason: 'migrations pending' });
      return { status: 'ok', database: database.kind };
    } catch (err) {
      return unavailable(request, reply, err, 'readiness check');
    }
  });
  // 200 whatever the mail's state: a relay outage is no reason to take a node out of the load balancer.
  app.get('/health/mail', { schema: { hide: true } }, async (request, reply) => {
    const audience = mailStateAudience(request, healthTokenHash);
    if (audience === 'refused') {
      return reply.status(401).header('www-authenticate', 'Bearer realm="health"').send({ status: 'unauthorized', reason: 'token not accepted' });
    }
    try {
      return await within(readyTimeoutMs, outboxState(database.db, clock.now(), audience === 'operator'));
    } catch (err) {
      return unavailable(request, reply, err, 'mail state check');
    }
  });
}
