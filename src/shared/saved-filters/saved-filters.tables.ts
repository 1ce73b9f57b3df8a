// The staff_list_filters table: a caseworker's list filters (searches and named, saved filters) per inbox.
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/tenants.tables.js';

/**
 * One filter of one staff member for one list ('unterlagen', 'antraege', 'servicepoint'). A row without a name is
 * the search a caseworker just ran: the search words (names, BG-Nummern) stay here and the list's address carries
 * only the row's id (doc/adr/0230-inbox-search-without-personal-data-in-urls.md). A named row is a saved filter.
 */
export const staffListFilters = pgTable(
  'staff_list_filters',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull(),
    inbox: text().notNull(),
    name: text(),
    params: jsonb().$type<Record<string, string>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('staff_list_filters_user_idx').on(t.tenantId, t.userId, t.inbox, t.createdAt),
    uniqueIndex('staff_list_filters_name_idx').on(t.tenantId, t.userId, t.inbox, t.name),
  ],
);

export type StaffListFilter = typeof staffListFilters.$inferSelect;
