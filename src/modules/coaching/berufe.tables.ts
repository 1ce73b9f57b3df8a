// The tenant's copy of the official KldB 2010 list (imported from the BA's download file) and the stored previews
// of such imports. Without an import the curated list in berufe.ts is used.
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);

/** One occupation group of the KldB 2010 (5-digit code, last digit the Anforderungsniveau 1–4). */
export const coachingKldb = pgTable(
  'coaching_kldb',
  {
    tenantId: tenantId(),
    kldb: text().notNull(),
    title: text().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kldb] }), index('coaching_kldb_title_idx').on(t.tenantId, t.title)],
);

export interface KldbEntry {
  kldb: string;
  title: string;
}

/** An uploaded file as read, shown for confirmation before it replaces the tenant's list. */
export const coachingKldbImporte = pgTable('coaching_kldb_importe', {
  tenantId: tenantId(),
  id: uuid().primaryKey().defaultRandom(),
  createdBy: uuid().notNull(),
  fileName: text().notNull(),
  rows: jsonb().$type<KldbEntry[]>().notNull(),
  /** How many rows of the file were left out (not a 5-digit code with level 1–4, or a code repeated). */
  skipped: integer().notNull().default(0),
  committedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
