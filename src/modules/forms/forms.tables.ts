// Tables of the forms module: encrypted drafts, submissions and their timeline (form_drafts, form_submissions,
// form_submission_events).
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/tenants.tables.js';
import type { Sealed } from './crypto.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A draft of an online service (Erstantrag, Veränderungsmitteilung …) before it is submitted.
 * Answers are encrypted; the person holds a random token whose hash is stored here. After
 * submission the row stays as a small tombstone (no answers) so a second submit finds the first.
 */
export const formDrafts = pgTable(
  'form_drafts',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    flowId: text().notNull(),
    tokenHash: text().notNull(),
    resumeTokenHash: text(),
    /** sealed { answers, done, pending, resumeEmail }; null once submitted */
    data: jsonb().$type<Sealed>(),
    /** optimistic lock: every save increments it */
    version: integer().notNull().default(0),
    hasResumeEmail: boolean().notNull().default(false),
    lang: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    reminderSentAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    submissionId: uuid(),
    /** sealed status token, so a repeated submit can answer exactly like the first */
    submittedStatusToken: jsonb().$type<Sealed>(),
  },
  (t) => [
    uniqueIndex('form_drafts_token_idx').on(t.tenantId, t.tokenHash),
    index('form_drafts_resume_idx').on(t.tenantId, t.resumeTokenHash),
    index('form_drafts_expiry_idx').on(t.expiresAt),
  ],
);
export type FormDraft = typeof formDrafts.$inferSelect;

export const submissionStatuses = ['eingegangen', 'in_bearbeitung', 'unterlagen_angefordert', 'entschieden'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** A submitted application or notice: reference number, encrypted answers and PDF, status. */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    flowId: text().notNull(),
    draftId: uuid().notNull(),
    reference: text().notNull(),
    statusTokenHash: text().notNull(),
    /** sealed { answers } (pruned to what was asked) */
    data: jsonb().$type<Sealed>().notNull(),
    /** sealed PDF as the person received it */
    pdf: bytea().notNull(),
    /** non-personal facts for lists and filters */
    facets: jsonb().$type<Record<string, string | number | boolean>>().notNull().default(sql`'{}'::jsonb`),
    /**
     * keyed blind index of the name words the flow declares searchable (doc/adr/0300): hashes only, never a name;
     * null until indexed (rows from before the index get it from the job forms.name-index)
     */
    nameIndex: text().array(),
    lang: text().notNull(),
    status: text({ enum: submissionStatuses }).notNull().default('eingegangen'),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('form_submissions_draft_idx').on(t.tenantId, t.draftId),
    uniqueIndex('form_submissions_reference_idx').on(t.tenantId, t.reference),
    index('form_submissions_list_idx').on(t.tenantId, t.status, t.submittedAt),
    index('form_submissions_name_idx').using('gin', t.nameIndex),
    index('form_submissions_name_pending_idx').on(t.id).where(sql`${t.nameIndex} is null`),
  ],
);
export type FormSubmission = typeof formSubmissions.$inferSelect;

/** The timeline of a submission: status changes (shown to the citizen), notes and requests (staff only). */
export const formSubmissionEvents = pgTable(
  'form_submission_events',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    submissionId: uuid()
      .notNull()
      .references(() => formSubmissions.id),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text({ enum: ['status', 'note', 'documentsRequested'] }).notNull(),
    status: text({ enum: submissionStatuses }),
    /** sealed note text (staff notes can hold personal data) */
    note: jsonb().$type<Sealed>(),
    actorId: uuid(),
  },
  (t) => [index('form_submission_events_idx').on(t.tenantId, t.submissionId, t.at)],
);
export type FormSubmissionEvent = typeof formSubmissionEvents.$inferSelect;
