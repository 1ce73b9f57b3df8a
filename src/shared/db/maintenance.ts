// Vacuum and statistics for the embedded database. PGlite is PostgreSQL in one backend with no background workers:
// its `autovacuum` setting says "on", but no autovacuum ever runs. Without it, every updated or deleted row (outbox
// claims, rate-limit windows, seats, sessions) stays in its table as a dead row for the installation's life, and the
// planner never gets statistics, so a plan made while a table was small is kept as it grows (ADR 0429).
// PostgreSQL's own autovacuum does this there; the job then does nothing.
import { sql } from 'drizzle-orm';
import type { BackgroundJob, JobRunResult } from '../module.js';

const MINUTE = 60_000;

/** Tables past autovacuum's default thresholds: vacuum at 50 + 20 % dead rows, analyse at 50 + 10 % changed rows. */
const dueTables = sql`
  select relname as "table", n_dead_tup > 50 + 0.2 * n_live_tup as vacuum
  from pg_stat_user_tables
  where schemaname = 'public' and (n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup)
  order by relname`;

export const databaseJobs: BackgroundJob[] = [
  {
    name: 'database.vacuum',
    // As autovacuum's naptime: a table analysed while small is planned as small until its next analysis.
    everyMs: MINUTE,
    run: async (deps): Promise<JobRunResult> => {
      if (deps.database.kind !== 'pglite') return { done: 0 };
      const { db } = deps.database;
      // This backend's counts reach the statistics views when it is next idle; a job runs between requests.
      await db.execute(sql`select pg_stat_force_next_flush()`);
      const due = (await db.execute(dueTables)) as unknown as { rows: { table: string; vacuum: boolean }[] };
      let vacuumed = 0;
      let analysed = 0;
      // One table at a time: the embedded database has one connection, and each statement holds it only as long as
      // its own table takes.
      for (const { table, vacuum } of due.rows) {
        await db.execute(vacuum ? sql`vacuum (analyze) ${sql.identifier(table)}` : sql`analyze ${sql.identifier(table)}`);
        if (vacuum) vacuumed++;
        else analysed++;
      }
      return { done: vacuumed + analysed, vacuumed, analysed };
    },
  },
];
