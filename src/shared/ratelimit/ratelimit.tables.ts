// Fixed-window counters of the per-IP limits on unauthenticated writes (rate-limit.ts); app nodes keep no state.
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/tenants.tables.js';

/** `bucket` is the limit's name and a keyed hash of the address, never the address; rows go when `expires_at` passes. */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    bucket: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.bucket, t.windowStart] }), index('rate_limit_windows_expires_idx').on(t.expiresAt)],
);
