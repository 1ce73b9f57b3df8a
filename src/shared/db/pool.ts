// pg-pool's `pool.query` hands every failed statement's error to `client.release(err)`, and a client released with
// an error is destroyed. A statement the server refused — a unique or exclusion violation that a booking conflict or
// an idempotent retry answers with 409, a check constraint, a cancelled statement — leaves a healthy connection,
// yet each one cost a new connection: a fork, authentication and cold catalogue and plan caches in PostgreSQL
// (doc/adr/0355-keep-connections-after-refused-statements.md). Here such a connection goes back to the pool, and only
// errors that may have broken it (the server ending the session, the network, the client's own timeout) destroy it.
import pg from 'pg';
import type { Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** Severity of an error after which the server has closed the session. */
const sessionEnding = new Set(['FATAL', 'PANIC']);

/** True when the server answered the statement with an error and the session goes on. */
export function connectionSurvives(error: unknown): boolean {
  return error instanceof pg.DatabaseError && !sessionEnding.has(error.severity ?? '');
}

type PromiseQuery = (config: string | QueryConfig, values?: unknown[]) => Promise<QueryResult<QueryResultRow>>;

/** Makes `pool.query` (promise form, as drizzle calls it) keep a connection whose statement the server refused. */
export function keepConnectionsAfterRefusals(pool: Pool): Pool {
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const query: PromiseQuery = async (config, values) => {
    const client = await pool.connect();
    try {
      const result = await client.query(config, values);
      client.release();
      return result;
    } catch (error) {
      client.release(connectionSurvives(error) ? undefined : (error as Error));
      throw error;
    }
  };
  // Callers with a callback (none in this code base, but pg's API has them) keep pg-pool's own behaviour.
  pool.query = ((...args: unknown[]) => (args.some((a) => typeof a === 'function') ? original(...args) : query(args[0] as string | QueryConfig, args[1] as unknown[] | undefined))) as Pool['query'];
  return pool;
}
