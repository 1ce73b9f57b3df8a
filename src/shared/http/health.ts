// Liveness (the process answers) and readiness (the database answers in time, migrations applied) for the
// orchestrator and the load balancer.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { migrationsCurrent } from '../db/migrate.js';

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

export function registerHealth(app: FastifyInstance, database: Database, readyTimeoutMs = READY_TIMEOUT_MS) {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (request, reply) => {
    try {
      const current = await within(readyTimeoutMs, database.db.execute(sql`select 1`).then(() => migrationsCurrent(database)));
      if (!current) return reply.status(503).send({ status: 'unavailable', reason: 'migrations pending' });
      return { status: 'ok', database: database.kind };
    } catch (err) {
      request.log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable', reason: err instanceof ReadyTimeout ? 'database timeout' : 'database unreachable' });
    }
  });
}
