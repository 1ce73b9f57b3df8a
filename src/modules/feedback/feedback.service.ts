// Use cases of the feedback module: store an anonymous answer, count the answers per service, read the comments.
import { recordAudit } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { berlinDate } from '#shared/time.js';
import * as repo from './feedback.repository.js';
import { feedbackServices, type FeedbackService } from './feedback.schemas.js';

/**
 * What people type despite the hint: e-mail addresses, IBANs, phone and other long numbers (a booking code, a
 * reference) are replaced before storing, so the table stays free of data that points to a person.
 */
export function withoutContactData(text: string): string {
  return text
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[…]')
    .replace(/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/gi, '[…]')
    .replace(/\b[A-Z]{1,3}-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/gi, '[…]')
    .replace(/\+?\d[\d\s/().-]{5,}\d/g, '[…]');
}

export async function recordFeedback(tdb: TenantDb, now: Date, input: { service: FeedbackService; rating: number; comment?: string | undefined }): Promise<void> {
  const comment = input.comment ? withoutContactData(input.comment) : '';
  await repo.insertResponse(tdb, { service: input.service, rating: input.rating, comment: comment === '' ? null : comment, day: berlinDate(now) });
}

export interface ServiceResults {
  service: FeedbackService;
  /** answers with rating 1 … 5 (index 0 … 4) */
  byRating: number[];
  total: number;
  comments: number;
  /** mean rating with one decimal, or undefined without answers */
  average: number | undefined;
}

/** One line per service (also those without answers), for the tenant admin's overview. */
export async function feedbackResults(tdb: TenantDb): Promise<ServiceResults[]> {
  const rows = await repo.countsByServiceAndRating(tdb);
  return feedbackServices.map((service) => {
    const mine = rows.filter((r) => r.service === service);
    const byRating = [1, 2, 3, 4, 5].map((rating) => mine.find((r) => r.rating === rating)?.answers ?? 0);
    const total = byRating.reduce((a, b) => a + b, 0);
    const sum = byRating.reduce((a, n, i) => a + n * (i + 1), 0);
    return { service, byRating, total, comments: mine.reduce((a, r) => a + r.comments, 0), average: total ? Math.round((sum / total) * 10) / 10 : undefined };
  });
}

export const COMMENTS_PER_PAGE = 25;

export interface CommentPage {
  comments: { id: string; rating: number; comment: string; day: string }[];
  page: number;
  pages: number;
  total: number;
}

/**
 * A page of a service's comments for a tenant admin. The texts are unchecked citizen input and may hold personal
 * data the filter missed, so every view is audited (ids only: the service and page, never the texts).
 */
export async function readComments(tdb: TenantDb, reader: { userId: string; roles: readonly string[] }, now: Date, service: FeedbackService, page: number): Promise<CommentPage> {
  return tdb.transaction(async (tx) => {
    const { rows, total } = await repo.commentsOf(tx, service, { limit: COMMENTS_PER_PAGE, offset: (page - 1) * COMMENTS_PER_PAGE });
    await recordAudit(tx, { actorId: reader.userId, actorRoles: reader.roles, action: 'feedback.comments.read', objectType: 'feedback_comments', objectId: `${service}:${page}`, purpose: 'Verbesserung der Online-Dienste', at: now });
    return { comments: rows, page, pages: Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE)), total };
  });
}
