// The lease table of the background jobs.
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per background job: the lease makes sure only one app node runs a job at a time. */
export const jobLeases = pgTable('job_leases', {
  name: text().primaryKey(),
  leasedUntil: timestamp({ withTimezone: true }).notNull(),
  lastStartedAt: timestamp({ withTimezone: true }),
  lastFinishedAt: timestamp({ withTimezone: true }),
  lastError: text(),
});
