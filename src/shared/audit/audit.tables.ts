// The audit_log table (append-only, see the comment on the table).
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/tenants.tables.js';

/**
 * Append-only record of every read or change of personal data and every security event.
 * Ids only, no personal data; a trigger (migration audit_append_only) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for events without a known person (e.g. a failed login for an unknown address). */
    actorId: uuid(),
    actorRoles: text().array().notNull().default(sql`array[]::text[]`),
    /** e.g. 'staff.login', 'unterlagen.view' */
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    purpose: text(),
    /** Keyed hash of the client IP (not reversible without SECRET_KEY), or null. */
    ipHash: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.tenantId, t.at),
    index('audit_log_actor_idx').on(t.tenantId, t.actorId, t.at),
    index('audit_log_object_idx').on(t.tenantId, t.objectType, t.objectId, t.at),
  ],
);
export type AuditRow = typeof auditLog.$inferSelect;
