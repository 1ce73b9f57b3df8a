// The tenants table: one row per jobcenter served by this installation; every tenant table refers to it.
import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const tenants = pgTable('tenants', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  shortName: text().notNull(),
  street: text().notNull(),
  postalCode: text().notNull(),
  city: text().notNull(),
  phone: text().notNull(),
  fax: text(),
  email: text().notNull(),
  website: text(),
  /** Path below /assets of a logo, or null for the text-only header. */
  logoPath: text(),
  /** Languages offered to citizens; the first is the default. */
  languages: text()
    .array()
    .notNull()
    .default(sql`array['de','en']::text[]`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
