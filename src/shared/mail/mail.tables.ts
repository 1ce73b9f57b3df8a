// The mail outbox table: mails are written in the transaction of the change and sent later.
import { integer, jsonb, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { tenants } from '../tenancy/tenants.tables.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

/**
 * The outbox: a mail is written here in the same transaction as the change it reports,
 * and a worker sends it later with retries, so an SMTP outage loses nothing.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    id: uuid().notNull().defaultRandom().primaryKey(),
    /** e.g. 'termine.confirmation' — for statistics and tests, never personal data */
    kind: text().notNull(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    attachments: jsonb().$type<MailAttachment[]>().notNull().default([]),
    /** Extra header lines, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 2369, RFC 8058). */
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Set while the mail is not yet rendered: the renderer's name and its data (see DeferredMail, ADR 0280). */
    render: jsonb().$type<{ renderer: string; data: Record<string, unknown> }>(),
    status: text({ enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set while a sender holds the row (ADR 0365): no other sender takes it before this instant. */
    claimedUntil: timestamp({ withTimezone: true }),
    /** The claim of the sender that holds the row: only that sender records a failed attempt. */
    claimedBy: uuid(),
    lastError: text(),
    /** When a sender last tried to send it (sent or failed), for the operators' view of the outbox (ADR 0410). */
    lastAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    // The last send (operators' view) and the purge of sent mail read sent rows by time, not the whole outbox.
    index('outbox_sent_idx').on(t.status, t.sentAt),
  ],
);
export type OutboxMessage = typeof outboxMessages.$inferSelect;
