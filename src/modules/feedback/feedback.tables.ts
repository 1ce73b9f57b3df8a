// Table of the feedback module: one row per answer to "how satisfied were you?" (feedback_responses).
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/tenants.tables.js';

/**
 * An anonymous answer: which service, a rating 1–5 and an optional comment. Deliberately no person, no address, no
 * token or reference and only the day (not the instant), so a row cannot be joined to a booking or an application.
 */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    service: text().notNull(),
    rating: smallint().notNull(),
    comment: text(),
    /** Berlin calendar day of the answer */
    day: date({ mode: 'string' }).notNull(),
  },
  (t) => [index('feedback_responses_service_idx').on(t.tenantId, t.service, t.day), check('feedback_responses_rating_check', sql`${t.rating} between 1 and 5`)],
);
export type FeedbackResponse = typeof feedbackResponses.$inferSelect;
