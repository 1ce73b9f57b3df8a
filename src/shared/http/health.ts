import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { migrationsCurrent } from '../db/migrate.js';

export function registerHealth(app: FastifyInstance, database: Database) {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (request, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      if (!(await migrationsCurrent(database))) {
        return reply.status(503).send({ status: 'unavailable', reason: 'migrations pending' });
      }
      return { status: 'ok', database: database.kind };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
}
