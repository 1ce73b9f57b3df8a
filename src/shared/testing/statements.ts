// Counts the statements a database handle runs, for tests that show a number of queries does not grow with the input.
import type { Logger } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/**
 * Runs `fn` and returns the SQL of every statement `db` ran meanwhile, through drizzle's query logger. Statements
 * prepared before the call (preparedForTenant) and those of transactions it opens are not seen.
 */
export async function statementsDuring(db: Db, fn: () => Promise<unknown>): Promise<string[]> {
  const session = (db as unknown as { session: { logger: Logger } }).session;
  const previous = session.logger;
  const seen: string[] = [];
  session.logger = {
    logQuery(query, params) {
      seen.push(query);
      previous.logQuery(query, params);
    },
  };
  try {
    await fn();
  } finally {
    session.logger = previous;
  }
  return seen;
}
