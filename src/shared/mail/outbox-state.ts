// What the operators see of the mail outbox (GET /health/mail, ADR 0410): whether mail is flowing, read from the
// outbox rows themselves, since every process drains at once and no job lease records the drain's runs.
import { and, desc, eq, gt, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { outboxMessages } from './mail.tables.js';

/** A mail waiting longer than this means the drain is not keeping up (or not running): 'delayed'. */
export const DELAYED_AFTER_S = 15 * 60;

export interface OutboxState {
  /**
   * 'failing': mails are being retried and the newest attempt failed (the relay refuses or is down);
   * 'delayed': the oldest pending mail waits longer than 15 minutes; 'ok' otherwise.
   */
  status: 'ok' | 'delayed' | 'failing';
  /** Mails not yet sent (due now, waiting for their back-off, or being sent). */
  pending: number;
  /** Of those, due now. */
  due: number;
  /** Of those, claimed by a sender at this moment. */
  sending: number;
  /** Of those, with at least one failed attempt. */
  retrying: number;
  /** Age of the oldest pending mail; null when none is pending. */
  oldestPendingSeconds: number | null;
  /** Mails given up after their last attempt (they stay in the outbox for 14 days, ADR 0412). */
  givenUp: number;
  /** Of those, given up in the last 24 hours. */
  givenUpLast24h: number;
  /** Start of the batch that sent the newest sent mail; sent mail is purged after 14 days. */
  lastSentAt: string | null;
  /**
   * The newest failed attempt of a mail not sent since: when, and what kind of failure (ADR 0411). Its message (any
   * mail address replaced) only for the operators' token: it may name the relay's host and address.
   */
  lastError: { at: string; category: MailErrorCategory; message?: string } | null;
}

/** What kind of failure a send's error message reports: enough for an alert, without the relay's host or address. */
export type MailErrorCategory = 'connection' | 'timeout' | 'tls' | 'auth' | 'temporary' | 'rejected' | 'render' | 'other';

// First match wins: nodemailer's messages carry a Node error code or the relay's reply code (RFC 5321), an
// authentication failure (535) before the generic codes, a timed-out connection before a refused one.
const CATEGORIES: [MailErrorCategory, RegExp][] = [
  ['render', /\bno renderer\b/],
  ['auth', /\bEAUTH\b|invalid login|authentication|\b53[045][ -]/i],
  ['tls', /\bTLS\b|\bSSL\b|certificate|\bCERT_|handshake/i],
  ['timeout', /ETIMEDOUT|timed? ?out|timeout|abort|greeting never received/i],
  ['connection', /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|ECONNECTION|socket|connection closed/i],
  ['temporary', /(^|[\s:])4\d\d[ -]/],
  ['rejected', /(^|[\s:])5\d\d[ -]/],
];

export function mailErrorCategory(message: string): MailErrorCategory {
  return CATEGORIES.find(([, pattern]) => pattern.test(message))?.[0] ?? 'other';
}

const pendingRow = eq(outboxMessages.status, 'pending');
const failedRow = eq(outboxMessages.status, 'failed');
const countWhere = (condition: SQL | undefined) => sql`count(*) filter (where ${condition})`.mapWith(Number);

/** An SMTP server's answer may quote the recipient; the surface shows no personal data. */
const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;
const withoutAddresses = (message: string) => message.replace(ADDRESS, '<address>');

/**
 * The outbox of every tenant as numbers: three reads over the status index, no addresses, no subjects. The last
 * error's message only `withMessage` (the operators' token).
 */
export async function outboxState(db: Db, now: Date, withMessage = false): Promise<OutboxState> {
  const [counts, sent, failure] = await Promise.all([
    db
      .select({
        pending: countWhere(pendingRow),
        due: countWhere(and(pendingRow, lte(outboxMessages.nextAttemptAt, now))),
        sending: countWhere(and(pendingRow, gt(outboxMessages.claimedUntil, now))),
        retrying: countWhere(and(pendingRow, gt(outboxMessages.attempts, 0))),
        oldest: sql`min(${outboxMessages.createdAt}) filter (where ${pendingRow})`.mapWith(outboxMessages.createdAt),
        givenUp: countWhere(failedRow),
        givenUpLast24h: countWhere(and(failedRow, gt(outboxMessages.lastAttemptAt, new Date(now.getTime() - 86_400_000)))),
      })
      .from(outboxMessages)
      .where(inArray(outboxMessages.status, ['pending', 'failed'])),
    db
      .select({ at: outboxMessages.sentAt })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, 'sent'), isNotNull(outboxMessages.sentAt)))
      .orderBy(desc(outboxMessages.sentAt))
      .limit(1),
    db
      .select({ at: outboxMessages.lastAttemptAt, message: outboxMessages.lastError })
      .from(outboxMessages)
      .where(and(inArray(outboxMessages.status, ['pending', 'failed']), isNotNull(outboxMessages.lastError), isNotNull(outboxMessages.lastAttemptAt)))
      .orderBy(desc(outboxMessages.lastAttemptAt))
      .limit(1),
  ]);
  const { oldest, ...numbers } = counts[0]!;
  const lastSent = sent[0]?.at ?? null;
  const lastFailure = failure[0];
  const oldestPendingSeconds = oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null;
  const failing = numbers.retrying > 0 && !!lastFailure?.at && (!lastSent || lastFailure.at > lastSent);
  return {
    status: failing ? 'failing' : (oldestPendingSeconds ?? 0) > DELAYED_AFTER_S ? 'delayed' : 'ok',
    ...numbers,
    oldestPendingSeconds,
    lastSentAt: lastSent?.toISOString() ?? null,
    lastError:
      lastFailure?.at && lastFailure.message
        ? {
            at: lastFailure.at.toISOString(),
            category: mailErrorCategory(lastFailure.message),
            ...(withMessage ? { message: withoutAddresses(lastFailure.message) } : {}),
          }
        : null,
  };
}
